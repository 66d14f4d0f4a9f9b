import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { BadgeCodeResponse, BadgeVerification, OfficerView } from '@qinqing/domain';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ScopeService } from '../scope/scope.service';
import { OfficersService } from './officers.service';

export class VerifyBadgeDto {
  @ApiProperty({ description: 'the scanned text of an officer’s badge code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  code: string;
}

@ApiTags('officers')
@ApiBearerAuth()
@Controller('v1')
export class OfficersController {
  constructor(
    private readonly officers: OfficersService,
    private readonly scopes: ScopeService,
  ) {}

  @Get('officers')
  @Roles('officer', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Officers in scope (an officer: the unit’s — the co-officer picker)' })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<{ items: OfficerView[] }> {
    return { items: await this.officers.list(await this.scopes.forUser(user)) };
  }

  @Get('officers/me/badge-code')
  @Roles('officer')
  @ApiOperation({ summary: '电子执法证: a signed badge code valid for two minutes' })
  badgeCode(@CurrentUser() user: AuthenticatedUser): Promise<BadgeCodeResponse> {
    return this.officers.badgeCode(user.id);
  }

  @Post('badge-codes/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check a scanned badge code: real (signature), current, on duty' })
  verify(@Body() body: VerifyBadgeDto): Promise<BadgeVerification> {
    return this.officers.verifyBadge(body.code);
  }
}
