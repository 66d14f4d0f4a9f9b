import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  type CheckInPolicy,
  DEFAULT_CHECK_IN_POLICY,
  type PolicyVersionView,
  validatePolicy,
} from '@qinqing/domain';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { Transactions, type Tx } from '../database/transactions';
import { policyOfVersion } from './policy-in-force';
import { PolicyRepository } from './policy.repository';

/** The versioned check-in policy: each change is a new immutable version and an audit entry. */
@Injectable()
export class PolicyService implements OnApplicationBootstrap {
  constructor(
    private readonly policies: PolicyRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** Creates version 1 with the defaults when there is no policy yet (idempotent, race-safe). */
  async onApplicationBootstrap(): Promise<void> {
    await this.transactions.run(async (tx) => {
      const note = '默认政策';
      if (!(await this.policies.insertFirstIfMissing(DEFAULT_CHECK_IN_POLICY, note, tx))) return;
      await this.audit.append(tx, {
        actorId: null,
        action: 'POLICY_CHANGED',
        subjectType: 'policy',
        subjectId: '1',
        data: { version: 1, body: DEFAULT_CHECK_IN_POLICY, note },
      });
    });
  }

  /** The version in force at a moment: the newest created at or before it (else the first). */
  async inForceAt(at: Date, tx?: Tx): Promise<CheckInPolicy> {
    const row = await this.policies.inForceAt(at, tx);
    if (!row) throw new Error('no check-in policy: migrations and bootstrap must create version 1');
    return policyOfVersion(row);
  }

  current(): Promise<CheckInPolicy> {
    return this.inForceAt(new Date());
  }

  /** Every version, newest first, with the name of the admin who stored it (null: the default). */
  async history(): Promise<PolicyVersionView[]> {
    const versions = await this.policies.history();
    return versions.map((v) => ({
      version: v.version,
      body: v.body,
      note: v.note,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
      createdByName: v.createdByName,
    }));
  }

  /** Stores a new version (the `version` given is ignored: the next number is assigned). */
  async update(
    body: Omit<CheckInPolicy, 'version'>,
    note: string,
    actorId: string,
  ): Promise<CheckInPolicy> {
    // Only the known fields are kept: a stored policy holds nothing the rule engine does not read.
    const known = Object.keys(DEFAULT_CHECK_IN_POLICY).filter((key) => key !== 'version');
    const clean = Object.fromEntries(
      known.map((key) => [key, (body as Record<string, unknown>)[key]]),
    ) as Omit<CheckInPolicy, 'version'>;
    const problems = validatePolicy({ ...clean, version: 1 });
    if (problems.length > 0) {
      throw new DomainException('VALIDATION_FAILED', {
        errors: problems.map((message) => ({ field: 'policy', message })),
      });
    }
    return this.transactions.run(async (tx) => {
      const version = await this.policies.lockNextVersion(tx);
      const policy = { ...clean, version };
      await this.policies.insert({ version, body: policy, note, createdBy: actorId }, tx);
      await this.audit.append(tx, {
        actorId,
        action: 'POLICY_CHANGED',
        subjectType: 'policy',
        subjectId: String(version),
        data: { version, body: policy, note },
      });
      return policy;
    });
  }
}
