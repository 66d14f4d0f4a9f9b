import {
  Controller,
  Get,
  Header,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiBearerAuth,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ERROR_MESSAGES, type ImportReport } from '@qinqing/domain';
import { errorBody, exportCsvQuery, importQuery, importReport } from '@qinqing/domain/schemas';
import type * as z from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { BodyLimit } from '../common/route-body-limit';
import { attachmentDisposition } from '../gates/poster/attachment';
import { MasterDataService } from './master-data.service';
import { XLSX_TYPE } from './parse';
import { FIRM_SHEET, SHEET_NAMES } from './sheets';

export const IMPORT_BODY_LIMIT_BYTES = 10 * 1024 * 1024;
const CSV_TYPE = 'text/csv; charset=utf-8';

@ApiTags('master-data')
@ApiBearerAuth()
@Controller('v1/master-data')
@Roles('admin')
@ApiForbiddenResponse({ description: 'FORBIDDEN: admins only' })
export class MasterDataController {
  constructor(private readonly masterData: MasterDataService) {}

  @Get('template.xlsx')
  @ApiOperation({
    summary: 'The import workbook: sheets 企业, 门岗, 正面清单 with headers, and 说明',
  })
  @ApiProduces(XLSX_TYPE)
  @Header('Cache-Control', 'no-store')
  async template(): Promise<StreamableFile> {
    return file(
      await this.masterData.template(),
      'xlsx',
      '企业主数据导入模板',
      'master-data-template',
    );
  }

  @Post('import')
  @HttpCode(200)
  @BodyLimit(IMPORT_BODY_LIMIT_BYTES)
  @ApiOperation({
    summary: 'Import firms, gates, credit grades and 正面清单 batches from XLSX or CSV',
    description:
      'The file is the raw body (XLSX, or CSV holding the sheet named by `sheet`, default 企业). ' +
      'Every row is checked; problems are {sheet, row, column, value, message}. dryRun=true ' +
      '(the default) changes nothing. dryRun=false applies everything in one transaction, or ' +
      'nothing: with any problem it answers 422 VALIDATION_FAILED with the same report. ' +
      'Districts known: those of the firms already registered.',
  })
  @ApiConsumes(XLSX_TYPE, 'text/csv')
  @ApiBody({ description: 'The XLSX or CSV file', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 200, description: 'The report', standardSchema: importReport })
  @ApiResponse({
    status: 422,
    description: 'VALIDATION_FAILED with the report: nothing changed',
    standardSchema: errorBody.and(importReport),
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the body is not a spreadsheet' })
  async import(
    @Req() request: FastifyRequest,
    @Query({ schema: importQuery }) query: z.output<typeof importQuery>,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportReport | (ImportReport & { code: string; message: string })> {
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

  @Get('export.xlsx')
  @ApiOperation({ summary: 'All firms, gates and 正面清单 history as the import workbook' })
  @ApiProduces(XLSX_TYPE)
  @Header('Cache-Control', 'no-store')
  async exportXlsx(): Promise<StreamableFile> {
    return file(await this.masterData.exportXlsx(), 'xlsx', '企业主数据', 'master-data');
  }

  @Get('export.csv')
  @ApiOperation({ summary: 'One sheet (default 企业) as CSV, UTF-8 with BOM' })
  @ApiProduces(CSV_TYPE)
  @Header('Cache-Control', 'no-store')
  async exportCsv(
    @Query({ schema: exportCsvQuery }) query: z.output<typeof exportCsvQuery>,
  ): Promise<StreamableFile> {
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
    type: format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
    disposition: attachmentDisposition(`${name}.${format}`, `${asciiName}.${format}`),
    length: body.length,
  });
}
