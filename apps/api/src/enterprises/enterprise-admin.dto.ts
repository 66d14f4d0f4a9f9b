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
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class GateInputDto {
  @ApiProperty({ example: '正门' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty() @IsLatitude() lat: number;
  @ApiProperty() @IsLongitude() lng: number;
  @ApiPropertyOptional({ description: 'geofence radius in metres; omitted: the policy default' })
  @IsOptional()
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
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) district?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) industry?: string;
  @ApiPropertyOptional({ enum: CREDIT_GRADES })
  @IsOptional()
  @IsIn(CREDIT_GRADES)
  creditGrade?: CreditGrade;
  @ApiPropertyOptional({ enum: SUPERVISION_CLASSES })
  @IsOptional()
  @IsIn(SUPERVISION_CLASSES)
  supervisionClass?: SupervisionClass;
  @ApiProperty({ description: 'the supervising unit' }) @IsUUID() unitId: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() liaisonOfficerId?: string;

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
  @IsOptional()
  @IsIn(CREDIT_GRADES)
  creditGrade?: CreditGrade;
  @ApiPropertyOptional({ enum: SUPERVISION_CLASSES })
  @IsOptional()
  @IsIn(SUPERVISION_CLASSES)
  supervisionClass?: SupervisionClass;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() liaisonOfficerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) address?: string;
}

export class AddPositiveListDto {
  @ApiProperty({ example: '第四批' }) @IsString() @IsNotEmpty() @MaxLength(50) batch: string;
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE) effectiveFrom: string;
}

export class EndPositiveListDto {
  @ApiProperty({ example: '2026-12-31', description: 'last day on the list' })
  @Matches(DATE)
  effectiveTo: string;
  @ApiProperty({ example: '环境信用等级下调' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  removalReason: string;
}
