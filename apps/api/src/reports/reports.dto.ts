import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MISCONDUCT_CATEGORIES,
  OVERSIGHT_NOTE_MAX,
  REPORT_DESCRIPTION_MAX,
  REPORT_OUTCOMES,
  REPORT_PHOTOS_MAX,
  REPORT_STATUSES,
  type MisconductCategory,
  type ReportOutcome,
  type ReportStatus,
} from '@qinqing/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { Nullable, Optional } from '../common/validators';
import { PHOTO_DATA_URL_MAX_LENGTH } from './report-photos';

/** Trims strings (anything else is left for the validators to refuse). */
const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class CreateReportDto {
  @ApiProperty({ format: 'uuid', description: 'The reporting firm (one of the caller’s)' })
  @IsUUID()
  enterpriseId: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The visit reported (a visit to that firm)',
    nullable: true,
  })
  @Nullable()
  @IsUUID()
  visitId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    description: 'The officer reported (an officer of the visit, when a visit is given)',
    nullable: true,
  })
  @Nullable()
  @IsUUID()
  officerId?: string | null;

  @ApiProperty({
    enum: MISCONDUCT_CATEGORIES,
    isArray: true,
    description: '六不准 SIX_1…SIX_6, 九不得 NINE_1…NINE_9, OTHER',
  })
  @IsArray()
  @ArrayNotEmpty({ message: '请至少选择一项举报类别' })
  @ArrayUnique({ message: '举报类别不能重复' })
  @IsIn(MISCONDUCT_CATEGORIES, { each: true, message: '举报类别无效' })
  categories: MisconductCategory[];

  @ApiProperty({ maxLength: REPORT_DESCRIPTION_MAX, description: 'What happened (trimmed)' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '请填写举报内容' })
  @MaxLength(REPORT_DESCRIPTION_MAX, {
    message: `举报内容不能超过 ${REPORT_DESCRIPTION_MAX} 字`,
  })
  description: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: REPORT_PHOTOS_MAX,
    description: 'JPEG or PNG data URLs (data:image/jpeg;base64,… / data:image/png;base64,…)',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(REPORT_PHOTOS_MAX, { message: `照片最多 ${REPORT_PHOTOS_MAX} 张` })
  @IsString({ each: true })
  @MaxLength(PHOTO_DATA_URL_MAX_LENGTH, { each: true, message: '照片过大' })
  photos?: string[];
}

export class ListReportsQuery {
  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @Optional()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}

export class ReportStatusDto {
  @ApiProperty({
    enum: REPORT_STATUSES,
    description: 'The next status (RECEIVED → INVESTIGATING → CONCLUDED)',
  })
  @IsIn(REPORT_STATUSES)
  status: ReportStatus;

  @ApiProperty({
    maxLength: OVERSIGHT_NOTE_MAX,
    description: 'What was done; the conclusion when concluding',
  })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: '请填写办理说明' })
  @MaxLength(OVERSIGHT_NOTE_MAX, { message: `办理说明不能超过 ${OVERSIGHT_NOTE_MAX} 字` })
  note: string;

  @ApiPropertyOptional({
    enum: REPORT_OUTCOMES,
    description: 'Required when concluding, only then',
  })
  @ValidateIf((dto: ReportStatusDto) => dto.status === 'CONCLUDED' || dto.outcome !== undefined)
  @IsIn(REPORT_OUTCOMES, { message: '办结时须选择核查结论（属实 / 部分属实 / 不属实）' })
  outcome?: ReportOutcome;
}
