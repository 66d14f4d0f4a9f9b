import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPERVISION_CLASSES, type DrawWeights, type SupervisionClass } from '@qinqing/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarDate, Optional } from '../common/validators';

export class DrawDto {
  @ApiProperty({ example: '2026年第四季度双随机抽查' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: '请填写抽查名称' })
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ description: 'units whose firms form the pool (with the units below)' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  unitIds?: string[];

  @ApiPropertyOptional()
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  districts?: string[];

  @ApiPropertyOptional()
  @Optional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  industries?: string[];

  @ApiPropertyOptional({ enum: SUPERVISION_CLASSES, isArray: true })
  @Optional()
  @IsArray()
  @IsIn(SUPERVISION_CLASSES, { each: true })
  supervisionClasses?: SupervisionClass[];

  @ApiPropertyOptional({ description: 'base ratio and weights; the policy’s when absent' })
  @Optional()
  @IsObject()
  weights?: DrawWeights;

  @ApiProperty({ format: 'date', example: '2026-10-01' })
  @IsCalendarDate({ message: '检查期限开始日期应为真实的日期（YYYY-MM-DD）' })
  periodStart: string;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @IsCalendarDate({ message: '检查期限结束日期应为真实的日期（YYYY-MM-DD）' })
  periodEnd: string;

  @ApiPropertyOptional({ default: 2, minimum: 1, maximum: 5 })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(5)
  officersPerTask?: number;
}

export class DrawStatisticsQuery {
  @ApiProperty({ example: 2026 })
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}
