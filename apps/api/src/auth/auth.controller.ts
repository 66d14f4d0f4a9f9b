import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Public } from '../common/public.decorator';
import { LoginDto, RefreshDto } from './auth.dto';
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

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'A new access token (and refresh token) from a refresh token' })
  refresh(@Body() body: RefreshDto): Promise<Session> {
    return this.auth.refresh(body.refreshToken);
  }
}
