import { Body, Controller, Injectable, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  EndpointResponse,
  OfficerConflictView,
  ParsedBody,
  ParsedParams,
} from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { DomainException } from '../common/errors/domain.exception';
import { Transactions } from '../database/transactions';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { UsersRepository } from '../users/users.repository';
import { DrawsRepository } from './draws.repository';

/** 回避: officers' declared conflicts with firms; a draw never assigns such an officer to the firm. */
@Injectable()
export class OfficerConflictsService {
  constructor(
    private readonly draws: DrawsRepository,
    private readonly users: UsersRepository,
    private readonly firms: EnterprisesRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<OfficerConflictView[]> {
    return this.draws.conflicts();
  }

  async declare(
    caller: AuthenticatedUser,
    dto: ParsedBody<'declareOfficerConflict'>,
  ): Promise<OfficerConflictView[]> {
    await this.transactions.run(async (tx) => {
      const officer = await this.users.isOfficer(dto.officerId, tx);
      const firm = await this.firms.exists(dto.enterpriseId, tx);
      if (!officer || !firm) throw new DomainException('NOT_FOUND');
      await this.draws.upsertConflict({ ...dto, declaredAt: new Date() }, tx);
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'OFFICER_CONFLICT_DECLARED',
        subjectType: 'officer',
        subjectId: dto.officerId,
        data: { enterpriseId: dto.enterpriseId, reason: dto.reason },
      });
    });
    return this.list();
  }

  async withdraw(
    caller: AuthenticatedUser,
    officerId: string,
    enterpriseId: string,
  ): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.draws.deleteConflict(officerId, enterpriseId, tx))) {
        throw new DomainException('NOT_FOUND');
      }
      await this.audit.append(tx, {
        actorId: caller.id,
        action: 'OFFICER_CONFLICT_WITHDRAWN',
        subjectType: 'officer',
        subjectId: officerId,
        data: { enterpriseId },
      });
    });
  }
}

@ApiTags('draws')
@Controller()
export class OfficerConflictsController {
  constructor(private readonly conflicts: OfficerConflictsService) {}

  @Endpoint(ENDPOINTS.listOfficerConflicts)
  async list(): Promise<EndpointResponse<'listOfficerConflicts'>> {
    return { items: await this.conflicts.list() };
  }

  @Endpoint(ENDPOINTS.declareOfficerConflict)
  async declare(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ParsedBody<'declareOfficerConflict'>,
  ): Promise<EndpointResponse<'declareOfficerConflict'>> {
    return { items: await this.conflicts.declare(user, body) };
  }

  @Endpoint(ENDPOINTS.withdrawOfficerConflict)
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param() { officerId, enterpriseId }: ParsedParams<'withdrawOfficerConflict'>,
  ): Promise<void> {
    return this.conflicts.withdraw(user, officerId, enterpriseId);
  }
}
