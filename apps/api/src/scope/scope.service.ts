import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import { EnterpriseMember } from '../enterprises/enterprise-member.entity';
import { User } from '../users/user.entity';
import type { AccessScope } from './access-scope';

@Injectable()
export class ScopeService {
  constructor(private readonly dataSource: DataSource) {}

  async forUser(caller: AuthenticatedUser): Promise<AccessScope> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: caller.id });
    if (!user || !user.active) throw new DomainException('UNAUTHENTICATED');
    switch (user.role) {
      case 'admin':
        return { kind: 'all' };
      case 'officer':
        return { kind: 'units', unitIds: user.unitId ? [user.unitId] : [], userId: user.id };
      case 'supervisor':
        return {
          kind: 'units',
          unitIds: user.jurisdictionUnitId ? await this.subtree(user.jurisdictionUnitId) : [],
          userId: user.id,
        };
      case 'enterprise': {
        const members = await this.dataSource
          .getRepository(EnterpriseMember)
          .findBy({ userId: user.id });
        return { kind: 'enterprises', enterpriseIds: members.map((m) => m.enterpriseId) };
      }
    }
  }

  /** A unit and every unit below it. */
  async subtree(unitId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE tree AS (
         SELECT id FROM unit WHERE id = $1
         UNION SELECT u.id FROM unit u JOIN tree t ON u.parent_id = t.id)
       SELECT id FROM tree`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }
}
