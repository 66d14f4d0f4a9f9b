import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EndpointResponse, ParsedBody } from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { DomainException } from '../common/errors/domain.exception';
import { ChainCheckService } from './chain-check.service';
import { AuditCheckpointsService } from './checkpoints.service';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(
    private readonly checks: ChainCheckService,
    private readonly checkpoints: AuditCheckpointsService,
  ) {}

  @Endpoint(ENDPOINTS.verifyAudit)
  verify(@CurrentUser() user: AuthenticatedUser): Promise<EndpointResponse<'verifyAudit'>> {
    return this.checks.run(user.id);
  }

  @Endpoint(ENDPOINTS.verifyAuditWith)
  verifyWith(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ParsedBody<'verifyAuditWith'>,
  ): Promise<EndpointResponse<'verifyAuditWith'>> {
    return this.checks.run(user.id, body.checkpoints);
  }

  @Endpoint(ENDPOINTS.signAuditCheckpoint)
  async checkpoint(): Promise<EndpointResponse<'signAuditCheckpoint'>> {
    const made = await this.checkpoints.create();
    if (!made) throw new DomainException('NOT_FOUND', {}, '审计日志尚无记录，暂无检查点。');
    return made;
  }

  @Endpoint(ENDPOINTS.runChainCheck)
  async runCheck(
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndpointResponse<'runChainCheck'>> {
    await this.checks.run(user.id);
    return this.checks.status();
  }

  @Endpoint(ENDPOINTS.chainStatus)
  latest(): Promise<EndpointResponse<'chainStatus'>> {
    return this.checks.status();
  }
}
