import { Body, Controller, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedBody } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import type { FastifyRequest } from 'fastify';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { CurrentUser } from './auth.decorators';
import type { AuthenticatedUser } from './authenticated-user';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Endpoint(ENDPOINTS.passwordLogin)
  login(
    @Body() body: ParsedBody<'passwordLogin'>,
    @Req() request: FastifyRequest,
  ): Promise<EndpointResponse<'passwordLogin'>> {
    return this.auth.login(body.username, body.password, request.ip);
  }

  @Endpoint(ENDPOINTS.wechatLogin)
  wechat(@Body() body: ParsedBody<'wechatLogin'>): Promise<EndpointResponse<'wechatLogin'>> {
    return this.auth.loginWithWechat(body.code);
  }

  @Endpoint(ENDPOINTS.bindWechat)
  bindWechat(
    @Body() body: ParsedBody<'bindWechat'>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    return this.auth.bindWechat(user.id, body.code);
  }

  @Endpoint(ENDPOINTS.changePassword)
  changePassword(
    @Body() body: ParsedBody<'changePassword'>,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.auth.changePassword(user.id, body.currentPassword, body.newPassword, request.ip);
  }

  @Endpoint(ENDPOINTS.refreshSession)
  refresh(@Body() body: ParsedBody<'refreshSession'>): Promise<EndpointResponse<'refreshSession'>> {
    return this.auth.refresh(body.refreshToken);
  }
}
