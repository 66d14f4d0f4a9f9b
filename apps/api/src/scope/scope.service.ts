import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { DomainException } from '../common/errors/domain.exception';
import type { AccessScope } from './access-scope';
import { ScopeRepository, type ScopeUserRow } from './scope.repository';

@Injectable()
export class ScopeService {
  constructor(private readonly repository: ScopeRepository) {}

  async forUser(caller: AuthenticatedUser): Promise<AccessScope> {
    const user = await this.account(caller.id);
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
      case 'enterprise':
        return { kind: 'enterprises', enterpriseIds: await this.repository.firmsOf(user.id) };
    }
  }

  /** An account as a scope sees it (role, state, units); null when there is none. */
  account(id: string): Promise<ScopeUserRow | null> {
    return this.repository.user(id);
  }

  /** A unit and every unit below it. */
  subtree(unitId: string): Promise<string[]> {
    return this.repository.subtree(unitId);
  }
}
