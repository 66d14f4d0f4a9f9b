import { Body, Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
} from '@nestjs/swagger';
import { ApiTags } from '@nestjs/swagger';
import {
  PHOTO_DATA_URL_MAX_LENGTH,
  REPORT_PHOTOS_MAX,
  type EndpointResponse,
  type ParsedBody,
  type ParsedParams,
  type ParsedQuery,
} from '@qinqing/domain';
import { ENDPOINTS, reportPhotoParams } from '@qinqing/domain/schemas';
import type * as z from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
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

  /** A file, not JSON: documented here, its path parameters from the contract's schema. */
  @Get('v1/reports/:id/photos/:index')
  @Roles('supervisor', 'admin', 'enterprise')
  @ApiBearerAuth()
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: 'A photo of a report (0-based index), as stored' })
  @ApiProduces('image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The image', schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: officers never reach a report' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such report in scope, or no such photo' })
  async photo(
    @CurrentUser() user: AuthenticatedUser,
    @Param({ schema: reportPhotoParams }) { id, index }: z.output<typeof reportPhotoParams>,
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
