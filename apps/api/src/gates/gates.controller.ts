import { Controller, Get, Header, Param, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { EndpointResponse, ParsedParams } from '@qinqing/domain';
import { ENDPOINTS, gateCodeLandingParams, gateIdParams } from '@qinqing/domain/schemas';
import type { FastifyReply } from 'fastify';
import type * as z from 'zod';
import { CurrentUser, Roles } from '../auth/auth.decorators';
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

  @Get('v1/gates/:gateId/poster.pdf')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: "The printable A4 poster of a gate's active 执法打卡码, as PDF (admin)",
    description:
      'Firm, gate, QR code, 执法检查 先扫码 后入企, hotlines and 六不准 on one A4 page, text as ' +
      'text in an embedded font. Downloads as 打卡码-<firm>-<gate>-v<N>.pdf.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: admins only' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such gate, or it has no active code' })
  @Header('Cache-Control', 'no-store')
  async posterPdf(
    @Param({ schema: gateIdParams }) { gateId }: z.output<typeof gateIdParams>,
  ): Promise<StreamableFile> {
    return download(await this.posters.render(gateId, 'pdf'));
  }

  @Get('v1/gates/:gateId/poster.png')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The same poster as a PNG, A4 at 150 dpi (1240 × 1754 px) (admin)',
    description: 'Downloads as 打卡码-<firm>-<gate>-v<N>.png.',
  })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'The PNG', schema: { type: 'string', format: 'binary' } })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: admins only' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such gate, or it has no active code' })
  @Header('Cache-Control', 'no-store')
  async posterPng(
    @Param({ schema: gateIdParams }) { gateId }: z.output<typeof gateIdParams>,
  ): Promise<StreamableFile> {
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
