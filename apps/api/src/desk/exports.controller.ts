import { Controller, Get, Header, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { RatingFilterValues, VisitFilterValues } from '@qinqing/domain';
import { ratingFilters, visitFilters } from '@qinqing/domain/schemas';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { attachmentDisposition } from '../gates/poster/attachment';
import { toCsv, toXlsx } from './export-table';
import { EXPORT_ROW_CAP, type ExportData, ExportsService } from './exports.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPE = 'text/csv; charset=utf-8';
const TRUNCATED_HEADER = 'X-Export-Truncated';

type Format = 'xlsx' | 'csv';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('v1/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('visits.xlsx')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'The visit log as an Excel workbook (filters of GET /visits)' })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: `At most ${EXPORT_ROW_CAP} rows, newest first` })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  @Header('Cache-Control', 'no-store')
  async visitsXlsx(
    @CurrentUser() user: AuthenticatedUser,
    @Query({ schema: visitFilters }) query: VisitFilterValues,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(await this.exports.visits(user, query), 'xlsx', reply);
  }

  @Get('visits.csv')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'The visit log as CSV (UTF-8 with BOM; filters of GET /visits)' })
  @ApiProduces(CSV_TYPE)
  @ApiOkResponse({ description: `At most ${EXPORT_ROW_CAP} rows, newest first` })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  @Header('Cache-Control', 'no-store')
  async visitsCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query({ schema: visitFilters }) query: VisitFilterValues,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(await this.exports.visits(user, query), 'csv', reply);
  }

  @Get('ratings.xlsx')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Ratings (好差评) as an Excel workbook (filters of GET /ratings)' })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: `At most ${EXPORT_ROW_CAP} rows, newest first` })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  @Header('Cache-Control', 'no-store')
  async ratingsXlsx(
    @CurrentUser() user: AuthenticatedUser,
    @Query({ schema: ratingFilters }) query: RatingFilterValues,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(await this.exports.ratings(user, query), 'xlsx', reply);
  }

  @Get('ratings.csv')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Ratings (好差评) as CSV (UTF-8 with BOM; filters of GET /ratings)' })
  @ApiProduces(CSV_TYPE)
  @ApiOkResponse({ description: `At most ${EXPORT_ROW_CAP} rows, newest first` })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  @Header('Cache-Control', 'no-store')
  async ratingsCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query({ schema: ratingFilters }) query: RatingFilterValues,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(await this.exports.ratings(user, query), 'csv', reply);
  }
}

async function send(
  data: ExportData,
  format: Format,
  reply: FastifyReply,
): Promise<StreamableFile> {
  const body = format === 'xlsx' ? await toXlsx(data.table) : toCsv(data.table);
  if (data.truncated) void reply.header(TRUNCATED_HEADER, String(EXPORT_ROW_CAP));
  return new StreamableFile(body, {
    type: format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
    disposition: attachmentDisposition(
      `${data.baseName}.${format}`,
      `${data.asciiBaseName}.${format}`,
    ),
    length: body.length,
  });
}
