import { Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Public } from '../common/public.decorator';
import { GateCodeKeys } from './gate-code-keys';
import { GateCodesService } from './gate-codes.service';

@ApiTags('gate codes')
@Controller()
export class GatesController {
  constructor(
    private readonly codes: GateCodesService,
    private readonly keys: GateCodeKeys,
  ) {}

  @Post('v1/gates/:gateId/codes')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Issue a new 执法打卡码 for a gate, revoking the older one (admin)' })
  @ApiCreatedResponse({ description: '{code, version, gateId}: `code` is the text the QR encodes' })
  issue(
    @Param('gateId', new ParseUUIDPipe()) gateId: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ code: string; version: number; gateId: string }> {
    return this.codes.issue(gateId, user.id);
  }

  @Get('v1/gate-codes/keys')
  @Public()
  @ApiOperation({ summary: 'Public keys that verify gate codes (the phone verifies offline)' })
  publicKeys(): ReturnType<GateCodeKeys['published']> {
    return this.keys.published();
  }
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
  land(@Param('token') token: string, @Res() reply: FastifyReply): void {
    const safe = /^[A-Za-z0-9_-]{1,200}$/.test(token) ? token : '';
    void reply.redirect(`/#/pages/officer/check-in/index?code=${safe}`, 302);
  }
}
