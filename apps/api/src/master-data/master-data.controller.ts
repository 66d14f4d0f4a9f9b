import { Controller, Header, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ERROR_MESSAGES,
  type EndpointResponse,
  type ImportReport,
  type ParsedQuery,
} from '@qinqing/domain';
import { ENDPOINTS, MEDIA_TYPES } from '@qinqing/domain/schemas';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { BodyLimit } from '../common/route-body-limit';
import { attachmentDisposition } from '../gates/poster/attachment';
import { MasterDataService } from './master-data.service';
import { FIRM_SHEET, SHEET_NAMES } from './sheets';

export const IMPORT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

@ApiTags('master-data')
@Controller()
export class MasterDataController {
  constructor(private readonly masterData: MasterDataService) {}

  @Endpoint(ENDPOINTS.masterDataTemplate)
  @Header('Cache-Control', 'no-store')
  async template(): Promise<StreamableFile> {
    return file(
      await this.masterData.template(),
      'xlsx',
      '企业主数据导入模板',
      'master-data-template',
    );
  }

  /** The file is the raw body (read from the request); 422 with the report when a real import finds problems. */
  @Endpoint(ENDPOINTS.importMasterData)
  @BodyLimit(IMPORT_BODY_LIMIT_BYTES)
  async import(
    @Req() request: FastifyRequest,
    @Query() query: ParsedQuery<'importMasterData'>,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<
    EndpointResponse<'importMasterData'> | (ImportReport & { code: string; message: string })
  > {
    const report = await this.masterData.import(request.body, request.headers['content-type'], {
      dryRun: query.dryRun !== 'false',
      csvSheet: query.sheet ?? FIRM_SHEET,
      actorId: user.id,
    });
    if (report.dryRun || report.ok) return report;
    void reply.status(422);
    return {
      code: 'VALIDATION_FAILED',
      message: `导入文件有${report.problems.length}处问题，未导入任何数据。${ERROR_MESSAGES.VALIDATION_FAILED}`,
      ...report,
    };
  }

  @Endpoint(ENDPOINTS.exportMasterDataXlsx)
  @Header('Cache-Control', 'no-store')
  async exportXlsx(): Promise<StreamableFile> {
    return file(await this.masterData.exportXlsx(), 'xlsx', '企业主数据', 'master-data');
  }

  @Endpoint(ENDPOINTS.exportMasterDataCsv)
  @Header('Cache-Control', 'no-store')
  async exportCsv(@Query() query: ParsedQuery<'exportMasterDataCsv'>): Promise<StreamableFile> {
    const sheet = query.sheet ?? FIRM_SHEET;
    return file(
      await this.masterData.exportCsv(sheet),
      'csv',
      `企业主数据-${sheet}`,
      `master-data-${SHEET_NAMES.indexOf(sheet) + 1}`,
    );
  }
}

function file(body: Buffer, format: 'xlsx' | 'csv', name: string, asciiName: string) {
  return new StreamableFile(body, {
    type: MEDIA_TYPES[format],
    disposition: attachmentDisposition(`${name}.${format}`, `${asciiName}.${format}`),
    length: body.length,
  });
}
