import { Controller, Get, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ChainCheckStatus } from '@qinqing/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ChainVerification } from './audit.service';
import { ChainCheckService } from './chain-check.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly checks: ChainCheckService) {}

  @Get('verify')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Walk the hash chain of the audit log (the result is recorded)' })
  @ApiOkResponse({ description: '{ok, entries, firstBrokenSeq, checkedAt}' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  verify(@CurrentUser() user: AuthenticatedUser): Promise<ChainVerification> {
    return this.checks.run(user.id);
  }

  @Post('checks')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Run an audit chain check now, record it, answer the chain status' })
  @ApiCreatedResponse({ description: 'ChainCheckStatus {latest, lastFailure, alert}' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  async runCheck(@CurrentUser() user: AuthenticatedUser): Promise<ChainCheckStatus> {
    await this.checks.run(user.id);
    return this.checks.status();
  }

  @Get('checks/latest')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary: 'The latest recorded chain check, the last failure, and whether the desk alerts',
  })
  @ApiOkResponse({ description: 'ChainCheckStatus {latest, lastFailure, alert}' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  latest(): Promise<ChainCheckStatus> {
    return this.checks.status();
  }
}
