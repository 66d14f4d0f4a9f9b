import { Controller, Header, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ParsedQuery } from '@qinqing/domain';
import { ENDPOINTS, MEDIA_TYPES } from '@qinqing/domain/schemas';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { attachmentDisposition } from '../gates/poster/attachment';
import { toCsv, toXlsx } from './export-table';
import { EXPORT_ROW_CAP, type ExportData, ExportsService } from './exports.service';

const TRUNCATED_HEADER = 'X-Export-Truncated';

type Format = 'xlsx' | 'csv';

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Endpoint(ENDPOINTS.exportVisitsXlsx)
  @Header('Cache-Control', 'no-store')
  async visitsXlsx(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ParsedQuery<'exportVisitsXlsx'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(await this.exports.visits(user, query), 'xlsx', reply);
  }

  @Endpoint(ENDPOINTS.exportVisitsCsv)
  @Header('Cache-Control', 'no-store')
  async visitsCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ParsedQuery<'exportVisitsCsv'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(await this.exports.visits(user, query), 'csv', reply);
  }

  @Endpoint(ENDPOINTS.exportRatingsXlsx)
  @Header('Cache-Control', 'no-store')
  async ratingsXlsx(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ParsedQuery<'exportRatingsXlsx'>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(await this.exports.ratings(user, query), 'xlsx', reply);
  }

  @Endpoint(ENDPOINTS.exportRatingsCsv)
  @Header('Cache-Control', 'no-store')
  async ratingsCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ParsedQuery<'exportRatingsCsv'>,
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
    type: MEDIA_TYPES[format],
    disposition: attachmentDisposition(
      `${data.baseName}.${format}`,
      `${data.asciiBaseName}.${format}`,
    ),
    length: body.length,
  });
}
