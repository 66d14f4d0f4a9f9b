import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../common/public.decorator';
import { LoginDto, RefreshDto, WechatCodeDto } from './auth.dto';
import { CurrentUser } from './auth.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { AuthService, type Session } from './auth.service';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Username/password login → access and refresh tokens' })
  @ApiOkResponse({
    description: '{accessToken, refreshToken, expiresIn, user: {id, role, name, ...}}',
  })
  @ApiUnauthorizedResponse({ description: 'INVALID_CREDENTIALS' })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<Session> {
    return this.auth.login(body.username, body.password, request.ip);
  }

  @Post('wechat')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: '微信登录: mini-program login code → session, for an account bound to WeChat',
  })
  @ApiUnauthorizedResponse({ description: 'WECHAT_NOT_BOUND or WECHAT_LOGIN_FAILED' })
  wechat(@Body() body: WechatCodeDto): Promise<Session> {
    return this.auth.loginWithWechat(body.code);
  }

  @Post('wechat/bind')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Bind the WeChat account of a login code to the logged-in account' })
  bindWechat(@Body() body: WechatCodeDto, @CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.auth.bindWechat(user.id, body.code);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A new access token (and refresh token) from a refresh token' })
  refresh(@Body() body: RefreshDto): Promise<Session> {
    return this.auth.refresh(body.refreshToken);
  }
}
