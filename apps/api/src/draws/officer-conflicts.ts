import { Body, Controller, Injectable, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  EndpointResponse,
  OfficerConflictView,
  ParsedBody,
  ParsedParams,
} from '@qinqing/domain';
import { ENDPOINTS } from '@qinqing/domain/schemas';
import { DataSource } from 'typeorm';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { Endpoint } from '../common/contract/endpoint.decorator';
import { DomainException } from '../common/errors/domain.exception';
import { OfficerConflict } from './draw.entity';
import { asTx } from '../database/transactions';

/** 回避: officers' declared conflicts with firms; a draw never assigns such an officer to the firm. */
@Injectable()
export class OfficerConflictsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<OfficerConflictView[]> {
    return this.dataSource.query(
      `SELECT c.officer_id AS "officerId", u.name AS "officerName", c.enterprise_id AS "enterpriseId",
              e.name AS "enterpriseName", c.reason, to_char(c.declared_at AT TIME ZONE 'UTC',
              'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "declaredAt"
         FROM officer_conflict c JOIN app_user u ON u.id = c.officer_id
         JOIN enterprise e ON e.id = c.enterprise_id
        ORDER BY e.name, u.name`,
    );
  }

  async declare(
    caller: AuthenticatedUser,
    dto: ParsedBody<'declareOfficerConflict'>,
  ): Promise<OfficerConflictView[]> {
    await this.dataSource.transaction(async (manager) => {
      const [officer] = await manager.query(
        `SELECT 1 FROM app_user WHERE id = $1 AND role = 'officer'`,
        [dto.officerId],
      );
      const [firm] = await manager.query('SELECT 1 FROM enterprise WHERE id = $1', [
        dto.enterpriseId,
      ]);
      if (!officer || !firm) throw new DomainException('NOT_FOUND');
      await manager
        .createQueryBuilder()
        .insert()
        .into(OfficerConflict)
        .values({ ...dto, declaredAt: new Date() })
        .orUpdate(['reason'], ['officer_id', 'enterprise_id'])
        .execute();
      await this.audit.append(asTx(manager), {
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
    await this.dataSource.transaction(async (manager) => {
      const removed = await manager.delete(OfficerConflict, { officerId, enterpriseId });
      if (!removed.affected) throw new DomainException('NOT_FOUND');
      await this.audit.append(asTx(manager), {
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
