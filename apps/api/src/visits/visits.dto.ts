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
import { IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate, IsDateTime, Optional } from '../common/validators';

export class CheckOutDto {
  @ApiProperty({
    enum: FINDINGS,
    description: '未发现问题 / 责令整改 / 立案查处 / 轻微违法免罚 / 服务指导',
  })
  @IsIn(FINDINGS)
  findings: Findings;

  @ApiPropertyOptional({ maxLength: 2000 })
  @Optional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Deadline of the ordered rectification (YYYY-MM-DD); required for RECTIFY_ORDERED',
  })
  @ValidateIf(
    (dto: CheckOutDto) => dto.findings === 'RECTIFY_ORDERED' || dto.rectifyBy !== undefined,
  )
  @IsCalendarDate({ message: '整改期限（rectifyBy）应为真实的日期，如 2026-12-31' })
  rectifyBy?: string;
}

export class ListVisitsQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID() enterpriseId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID() officerId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: PURPOSES }) @Optional() @IsIn(PURPOSES) purpose?: Purpose;
  @ApiPropertyOptional({ enum: CHECK_IN_OUTCOMES })
  @Optional()
  @IsIn(CHECK_IN_OUTCOMES)
  outcome?: CheckInOutcome;
  @ApiPropertyOptional({ enum: REASON_CODES, description: 'visits carrying this reason code' })
  @Optional()
  @IsIn(REASON_CODES)
  flag?: ReasonCode;
  @ApiPropertyOptional({ format: 'date-time', description: 'checked in at or after (ISO 8601)' })
  @Optional()
  @IsDateTime()
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'checked in before (ISO 8601)' })
  @Optional()
  @IsDateTime()
  to?: string;
  @ApiPropertyOptional({ description: 'the nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @Optional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
