import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHECK_IN_OUTCOMES,
  FINDINGS,
  PURPOSES,
  REASON_CODES,
  type CheckInOutcome,
  type Findings,
  type Purpose,
  type ReasonCode,
} from '@qinqing/domain';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class CheckOutDto {
  @ApiProperty({
    enum: FINDINGS,
    description: '未发现问题 / 责令整改 / 立案查处 / 轻微违法免罚 / 服务指导',
  })
  @IsIn(FINDINGS)
  findings: Findings;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({
    description: 'Deadline of the ordered rectification (YYYY-MM-DD); required for RECTIFY_ORDERED',
  })
  @ValidateIf(
    (dto: CheckOutDto) => dto.findings === 'RECTIFY_ORDERED' || dto.rectifyBy !== undefined,
  )
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '整改期限（rectifyBy）应为日期，如 2026-12-31' })
  @IsISO8601({ strict: true }, { message: '整改期限（rectifyBy）不是有效日期' })
  rectifyBy?: string;
}

export class ListVisitsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() enterpriseId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() officerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: PURPOSES }) @IsOptional() @IsIn(PURPOSES) purpose?: Purpose;
  @ApiPropertyOptional({ enum: CHECK_IN_OUTCOMES })
  @IsOptional()
  @IsIn(CHECK_IN_OUTCOMES)
  outcome?: CheckInOutcome;
  @ApiPropertyOptional({ enum: REASON_CODES, description: 'visits carrying this reason code' })
  @IsOptional()
  @IsIn(REASON_CODES)
  flag?: ReasonCode;
  @ApiPropertyOptional({ description: 'checked in at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'checked in before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiPropertyOptional({ description: 'the nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
