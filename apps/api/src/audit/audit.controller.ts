import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ChainCheckStatus, PublicAuditCheckpoint } from '@qinqing/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import { AuditVerifyDto } from './audit.dto';
import type { ChainVerification } from './audit.service';
import { ChainCheckService } from './chain-check.service';
import { AuditCheckpointsService } from './checkpoints.service';

const VERIFICATION =
  '{ok, entries, firstBrokenSeq, rowsChecked, rowMismatchCount, rowMismatches: [{table, id}], ' +
  'checkpointsChecked, checkpointConflicts: [{seq, expected, found}], ' +
  'rejectedCheckpoints: [{seq, hash, problem}], checkedAt}';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly checks: ChainCheckService,
    private readonly checkpoints: AuditCheckpointsService,
  ) {}

  @Get('verify')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary:
      'Walk the hash chain, compare every audited row with its latest entry and the stored ' +
      'signed checkpoints with the chain (the result is recorded)',
  })
  @ApiOkResponse({ description: VERIFICATION })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  verify(@CurrentUser() user: AuthenticatedUser): Promise<ChainVerification> {
    return this.checks.run(user.id);
  }

  @Post('verify')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary:
      'As GET verify, also comparing the signed checkpoints the caller kept; a checkpoint whose ' +
      'signature does not verify is listed in rejectedCheckpoints and not compared',
  })
  @ApiOkResponse({ description: VERIFICATION })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: at most 500 well-formed checkpoints' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  verifyWith(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: AuditVerifyDto,
  ): Promise<ChainVerification> {
    return this.checks.run(user.id, body.checkpoints);
  }

  @Post('checkpoints')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Sign a checkpoint of the chain head now (stored and archived)' })
  @ApiCreatedResponse({ description: 'PublicAuditCheckpoint' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: supervisors and admins only' })
  async checkpoint(): Promise<PublicAuditCheckpoint> {
    const made = await this.checkpoints.create();
    if (!made) throw new DomainException('NOT_FOUND', {}, '审计日志尚无记录，暂无检查点。');
    return made;
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
