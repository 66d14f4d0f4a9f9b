import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { REPORT_PHOTOS_MAX } from '@qinqing/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { PHOTO_DATA_URL_MAX_LENGTH } from './report-photos';
import type { ReportView } from './report-view';
import { CreateReportDto, ListReportsQuery, ReportStatusDto } from './reports.dto';
import { ReportsService } from './reports.service';
import { BodyLimit } from '../common/route-body-limit';
import { UuidParam } from '../common/uuid-param';

/** A report with REPORT_PHOTOS_MAX photos of the largest size, base64-encoded, and its text. */
export const REPORT_BODY_LIMIT_BYTES = REPORT_PHOTOS_MAX * PHOTO_DATA_URL_MAX_LENGTH + 64 * 1024;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
@Roles('supervisor', 'admin', 'enterprise')
@ApiForbiddenResponse({ description: 'FORBIDDEN: officers never reach a report' })
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @Roles('enterprise')
  @BodyLimit(REPORT_BODY_LIMIT_BYTES)
  @ApiOperation({
    summary: '监督举报: a firm’s user reports misconduct by a visit’s officers or one officer',
    description:
      'Categories from 六不准 / 九不得; up to 4 JPEG or PNG photos as data URLs, checked by their ' +
      'bytes. The report goes to the supervisors of the answerable unit (the visit’s, else the ' +
      'officer’s, else the firm’s) and never to the reported officer.',
  })
  @ApiCreatedResponse({ description: 'The report as received (ReportView)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED with field errors' })
  @ApiNotFoundResponse({
    description: 'NOT_FOUND: not one of the caller’s firms, or not its visit',
  })
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateReportDto,
  ): Promise<ReportView> {
    return this.reports.create(user, body);
  }

  @Get()
  @ApiOperation({
    summary: 'Reports in the caller’s scope, newest first',
    description: 'Supervisors: the jurisdiction’s; a firm’s user: the firm’s own; admins: all.',
  })
  @ApiOkResponse({ description: '{items: ReportView[]}' })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListReportsQuery,
  ): Promise<{ items: ReportView[] }> {
    return { items: await this.reports.list(user, query) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One report with its history; 404 outside the caller’s scope' })
  @ApiOkResponse({ description: 'ReportView' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
  ): Promise<ReportView> {
    return this.reports.get(user, id);
  }

  @Get(':id/photos/:index')
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'A photo of a report (0-based index), as stored' })
  @ApiProduces('image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The image', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such report in scope, or no such photo' })
  async photo(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
    @Param('index', new ParseIntPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND })) index: number,
  ): Promise<StreamableFile> {
    const photo = await this.reports.photo(user, id, index);
    return new StreamableFile(photo.data, {
      type: photo.contentType,
      length: photo.data.length,
      disposition: 'inline',
    });
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'The next step: RECEIVED → INVESTIGATING → CONCLUDED (outcome required to conclude)',
  })
  @ApiOkResponse({ description: 'ReportView' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: note missing, outcome missing' })
  @ApiConflictResponse({ description: 'REPORT_STATUS_INVALID: not the next status' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  advance(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', UuidParam) id: string,
    @Body() body: ReportStatusDto,
  ): Promise<ReportView> {
    return this.reports.advance(user, id, body);
  }
}
