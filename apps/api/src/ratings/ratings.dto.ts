import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FOLLOW_UP_CONTACT_METHODS,
  FOLLOW_UP_FINDINGS,
  FOLLOW_UP_STATUSES,
  OVERSIGHT_NOTE_MAX,
  SPOT_CHECK_RESULTS,
  type FollowUpContactMethod,
  type FollowUpFinding,
  type FollowUpStatus,
  type SpotCheckResult,
} from '@qinqing/domain';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class FollowUpListQuery {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES })
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;

  @ApiPropertyOptional({ description: 'only open cases past their due time' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class FollowUpContactDto {
  @ApiProperty({ enum: FOLLOW_UP_CONTACT_METHODS })
  @IsIn(FOLLOW_UP_CONTACT_METHODS, { message: '请选择回访方式' })
  method: FollowUpContactMethod;

  @ApiProperty({ maxLength: OVERSIGHT_NOTE_MAX })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: '请填写回访情况' })
  @MaxLength(OVERSIGHT_NOTE_MAX, { message: `回访情况不超过 ${OVERSIGHT_NOTE_MAX} 字` })
  note: string;
}

export class FollowUpCloseDto {
  @ApiProperty({ enum: FOLLOW_UP_FINDINGS })
  @IsIn(FOLLOW_UP_FINDINGS, { message: '请选择核实结论' })
  finding: FollowUpFinding;

  @ApiProperty({ maxLength: OVERSIGHT_NOTE_MAX })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: '请填写处理结果' })
  @MaxLength(OVERSIGHT_NOTE_MAX, { message: `处理结果不超过 ${OVERSIGHT_NOTE_MAX} 字` })
  resolution: string;
}

export class SpotCheckDto {
  @ApiProperty({ example: '2026-11', description: 'the month whose ratings are drawn from' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '抽查月份应为 YYYY-MM，如 2026-11' })
  month: string;

  @ApiProperty({ minimum: 1, maximum: 200 })
  @IsInt({ message: '抽查数量应为整数' })
  @Min(1, { message: '抽查数量至少为 1' })
  @Max(200, { message: '抽查数量不超过 200' })
  sampleSize: number;
}

export class SpotCheckResultDto {
  @ApiProperty({ enum: SPOT_CHECK_RESULTS })
  @IsIn(SPOT_CHECK_RESULTS, { message: '请选择核实结果' })
  result: SpotCheckResult;

  @ApiPropertyOptional({ maxLength: OVERSIGHT_NOTE_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(OVERSIGHT_NOTE_MAX, { message: `备注不超过 ${OVERSIGHT_NOTE_MAX} 字` })
  note?: string;
}
