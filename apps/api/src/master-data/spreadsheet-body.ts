import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { XLSX_TYPE } from './parse';

/** Content types an upload of a spreadsheet arrives with (browsers label .csv files variously). */
export const SPREADSHEET_TYPES = [
  XLSX_TYPE,
  'text/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];

/**
 * Lets Fastify hand spreadsheet bodies to the handler as raw bytes (it parses only JSON and text
 * by itself). The route's own body limit (RouteBodyLimit) applies to them.
 */
@Injectable()
export class SpreadsheetBodyParser {
  constructor(adapterHost: HttpAdapterHost) {
    const fastify = adapterHost.httpAdapter.getInstance<FastifyInstance>();
    for (const type of SPREADSHEET_TYPES) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(type, { parseAs: 'buffer' }, (_request, body, done) => {
        done(null, body);
      });
    }
  }
}
