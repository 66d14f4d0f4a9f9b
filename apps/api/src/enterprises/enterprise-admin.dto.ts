import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CREDIT_GRADES,
  SUPERVISION_CLASSES,
  type CreditGrade,
  type SupervisionClass,
} from '@qinqing/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, Nullable, Optional } from '../common/validators';

export class GateInputDto {
  @ApiProperty({ example: '正门' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty() @IsLatitude() lat: number;
  @ApiProperty() @IsLongitude() lng: number;
  @ApiPropertyOptional({ description: 'geofence radius in metres; omitted: the policy default' })
  @Optional()
  @IsInt()
  @Min(10)
  @Max(5000)
  radiusM?: number;
}

export class CreateEnterpriseDto {
  @ApiProperty({ description: '统一社会信用代码 (checked with its check character)' })
  @IsString()
  @MaxLength(30)
  uscc: string;

  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(50) district?: string;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(100) industry?: string;
  @ApiPropertyOptional({ enum: CREDIT_GRADES })
  @Optional()
  @IsIn(CREDIT_GRADES)
  creditGrade?: CreditGrade;
  @ApiPropertyOptional({ enum: SUPERVISION_CLASSES })
  @Optional()
  @IsIn(SUPERVISION_CLASSES)
  supervisionClass?: SupervisionClass;
  @ApiProperty({ format: 'uuid', description: 'the supervising unit' }) @IsUUID() unitId: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID()
  liaisonOfficerId?: string | null;

  @ApiProperty({ type: [GateInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => GateInputDto)
  gates: GateInputDto[];
}

export class UpdateEnterpriseDto {
  @ApiPropertyOptional({ enum: CREDIT_GRADES })
  @Optional()
  @IsIn(CREDIT_GRADES)
  creditGrade?: CreditGrade;
  @ApiPropertyOptional({ enum: SUPERVISION_CLASSES })
  @Optional()
  @IsIn(SUPERVISION_CLASSES)
  supervisionClass?: SupervisionClass;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @Nullable()
  @IsUUID()
  liaisonOfficerId?: string | null;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(300) address?: string;
}

export class AddPositiveListDto {
  @ApiProperty({ example: '第四批' }) @IsString() @IsNotEmpty() @MaxLength(50) batch: string;
  @ApiProperty({ format: 'date', example: '2026-12-01' }) @IsCalendarDate() effectiveFrom: string;
}

export class EndPositiveListDto {
  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'last day on the list' })
  @IsCalendarDate()
  effectiveTo: string;
  @ApiProperty({ example: '环境信用等级下调' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  removalReason: string;
}
