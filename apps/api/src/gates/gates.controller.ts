import { Controller, Get, Header, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedParams } from '@qinqing/domain';
import { ENDPOINTS, gateCodeLandingParams } from '@qinqing/domain/schemas';
import type { FastifyReply } from 'fastify';
import type * as z from 'zod';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { Public } from '../common/public.decorator';
import { GateCodeKeys } from './gate-code-keys';
import { GateCodesService } from './gate-codes.service';
import { GatePosterService, type PosterFile } from './gate-poster.service';
import { attachmentDisposition } from './poster/attachment';

@ApiTags('gate codes')
@Controller()
export class GatesController {
  constructor(
    private readonly codes: GateCodesService,
    private readonly keys: GateCodeKeys,
    private readonly posters: GatePosterService,
  ) {}

  @Endpoint(ENDPOINTS.listGates)
  async gates(): Promise<EndpointResponse<'listGates'>> {
    return { items: await this.codes.listGates() };
  }

  @Endpoint(ENDPOINTS.gateCodeHistory)
  history(
    @Param() { gateId }: ParsedParams<'gateCodeHistory'>,
  ): Promise<EndpointResponse<'gateCodeHistory'>> {
    return this.codes.history(gateId);
  }

  @Endpoint(ENDPOINTS.issueGateCode)
  issue(
    @Param() { gateId }: ParsedParams<'issueGateCode'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'issueGateCode'>> {
    return this.codes.issue(gateId, user.id);
  }

  @Endpoint(ENDPOINTS.gatePosterPdf)
  @Header('Cache-Control', 'no-store')
  async posterPdf(@Param() { gateId }: ParsedParams<'gatePosterPdf'>): Promise<StreamableFile> {
    return download(await this.posters.render(gateId, 'pdf'));
  }

  @Endpoint(ENDPOINTS.gatePosterPng)
  @Header('Cache-Control', 'no-store')
  async posterPng(@Param() { gateId }: ParsedParams<'gatePosterPng'>): Promise<StreamableFile> {
    return download(await this.posters.render(gateId, 'png'));
  }

  @Endpoint(ENDPOINTS.gateCodeKeys)
  publicKeys(): EndpointResponse<'gateCodeKeys'> {
    return this.keys.published();
  }
}

function download(file: PosterFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: attachmentDisposition(file.filename, file.asciiFilename),
    length: file.body.length,
  });
}

/**
 * The gate code's URL opened in a phone browser (or WeChat's camera without the mini-program)
 * lands on the H5 app's check-in screen with the code filled in.
 */
@ApiTags('gate codes')
@Controller()
export class GateCodeLandingController {
  @Get('c/:token')
  @Public()
  @ApiOperation({ summary: 'Opening a gate code URL: redirects to the H5 check-in screen' })
  @ApiResponse({
    status: 302,
    description: 'Found: the H5 check-in screen with the code filled in (no body)',
    headers: {
      Location: {
        description: '/#/pages/officer/check-in/index?code=<token> (empty when malformed)',
        schema: { type: 'string' },
      },
    },
  })
  land(
    @Param({ schema: gateCodeLandingParams }) { token }: z.output<typeof gateCodeLandingParams>,
    @Res() reply: FastifyReply,
  ): void {
    const safe = /^[A-Za-z0-9_-]{1,200}$/.test(token) ? token : '';
    void reply.redirect(`/#/pages/officer/check-in/index?code=${safe}`, 302);
  }
}
