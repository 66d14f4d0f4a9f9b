import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FOLLOW_UP_CONTACT_METHODS,
  FOLLOW_UP_FINDINGS,
  FOLLOW_UP_STATUSES,
  OVERSIGHT_NOTE_MAX,
  RATING_COMMENT_MAX,
  RATING_ITEMS,
  RATING_LEVELS,
  SPOT_CHECK_RESULTS,
  type FollowUpContactMethod,
  type FollowUpFinding,
  type FollowUpStatus,
  type RatingLevel,
  type SpotCheckResult,
} from '@qinqing/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCalendarMonth, IsDateTime, Optional } from '../common/validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RatingDto {
  @ApiProperty({ enum: RATING_LEVELS, description: '总体评价：好 / 中 / 差' })
  @IsIn(RATING_LEVELS, { message: '请选择总体评价（好 / 中 / 差）' })
  overall: RatingLevel;

  @ApiProperty({
    enum: RATING_LEVELS,
    isArray: true,
    minItems: 5,
    maxItems: 5,
    description: `the five items in the card's order: ${RATING_ITEMS.join('；')}`,
  })
  @IsArray({ message: '五项评价应为列表' })
  @ArrayMinSize(RATING_ITEMS.length, { message: '请对全部五项逐一评价' })
  @ArrayMaxSize(RATING_ITEMS.length, { message: '评价卡只有五项' })
  @IsIn(RATING_LEVELS, { each: true, message: '每项评价应为 好 / 中 / 差' })
  items: RatingLevel[];

  @ApiPropertyOptional({ maxLength: RATING_COMMENT_MAX, description: '意见或建议' })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(RATING_COMMENT_MAX, { message: `意见或建议不超过 ${RATING_COMMENT_MAX} 字` })
  comment?: string;

  @ApiProperty({ description: '企业签字: a PNG data URL (data:image/png;base64,…)' })
  @IsString({ message: '请手写签名' })
  @IsNotEmpty({ message: '请手写签名' })
  signature: string;
}

export class RatingListQuery {
  @ApiPropertyOptional({ format: 'date-time' }) @Optional() @IsDateTime() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @Optional() @IsDateTime() to?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @Optional() @IsUUID() officerId?: string;
  @ApiPropertyOptional({ enum: RATING_LEVELS })
  @Optional()
  @IsIn(RATING_LEVELS)
  overall?: RatingLevel;
  @ApiPropertyOptional() @Optional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @Optional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class FollowUpListQuery {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES })
  @Optional()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;

  @ApiPropertyOptional({ description: 'only open cases past their due time' })
  @Optional()
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
  @IsCalendarMonth({ message: '抽查月份应为 YYYY-MM，如 2026-11' })
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
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(OVERSIGHT_NOTE_MAX, { message: `备注不超过 ${OVERSIGHT_NOTE_MAX} 字` })
  note?: string;
}
