import { Body, Controller, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PHOTO_DATA_URL_MAX_LENGTH,
  REPORT_PHOTOS_MAX,
  type EndpointResponse,
  type ParsedBody,
  type ParsedParams,
  type ParsedQuery,
} from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { BodyLimit } from '../common/route-body-limit';
import { ReportsService } from './reports.service';

/** A report with REPORT_PHOTOS_MAX photos of the largest size, base64-encoded, and its text. */
export const REPORT_BODY_LIMIT_BYTES = REPORT_PHOTOS_MAX * PHOTO_DATA_URL_MAX_LENGTH + 64 * 1024;

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Endpoint(ENDPOINTS.createReport)
  @BodyLimit(REPORT_BODY_LIMIT_BYTES)
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ParsedBody<'createReport'>,
  ): Promise<EndpointResponse<'createReport'>> {
    return this.reports.create(user, body);
  }

  @Endpoint(ENDPOINTS.listReports)
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ParsedQuery<'listReports'>,
  ): Promise<EndpointResponse<'listReports'>> {
    return { items: await this.reports.list(user, query) };
  }

  @Endpoint(ENDPOINTS.getReport)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'getReport'>,
  ): Promise<EndpointResponse<'getReport'>> {
    return this.reports.get(user, id);
  }

  @Endpoint(ENDPOINTS.reportPhoto)
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  async photo(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id, index }: ParsedParams<'reportPhoto'>,
  ): Promise<StreamableFile> {
    // Anything but a plain index names no photo: 404, as an index past the last one.
    const photo = await this.reports.photo(user, id, /^\d+$/.test(index) ? Number(index) : NaN);
    return new StreamableFile(photo.data, {
      type: photo.contentType,
      length: photo.data.length,
      disposition: 'inline',
    });
  }

  @Endpoint(ENDPOINTS.advanceReport)
  advance(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { id }: ParsedParams<'advanceReport'>,
    @Body() body: ParsedBody<'advanceReport'>,
  ): Promise<EndpointResponse<'advanceReport'>> {
    return this.reports.advance(user, id, body);
  }
}
