import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  type CheckInPolicy,
  DEFAULT_CHECK_IN_POLICY,
  type PolicyVersionView,
  validatePolicy,
} from '@qinqing/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { PolicyVersion } from './policy-version.entity';
import { asTx } from '../database/transactions';

/** Creates version 1 with the defaults when there is no policy yet (idempotent, race-safe). */
export async function ensureDefaultPolicy(
  manager: EntityManager,
  audit: AuditService,
): Promise<void> {
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(PolicyVersion)
    .values({ version: 1, body: DEFAULT_CHECK_IN_POLICY, note: '默认政策', createdBy: null })
    .orIgnore()
    .returning(['version'])
    .execute();
  if (inserted.raw.length > 0) {
    await audit.append(asTx(manager), {
      actorId: null,
      action: 'POLICY_CHANGED',
      subjectType: 'policy',
      subjectId: '1',
      data: { version: 1, body: DEFAULT_CHECK_IN_POLICY, note: '默认政策' },
    });
  }
}

/** The versioned check-in policy: each change is a new immutable version and an audit entry. */
@Injectable()
export class PolicyService implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.transaction((manager) => ensureDefaultPolicy(manager, this.audit));
  }

  /** The version in force at a moment: the newest created at or before it (else the first). */
  async inForceAt(
    at: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CheckInPolicy> {
    const repo = manager.getRepository(PolicyVersion);
    const row =
      (await repo
        .createQueryBuilder('p')
        .where('p.created_at <= :at', { at })
        .orderBy('p.version', 'DESC')
        .getOne()) ?? (await repo.findOne({ where: {}, order: { version: 'ASC' } }));
    if (!row) throw new Error('no check-in policy: migrations and bootstrap must create version 1');
    // Versions stored before a field existed take that field's default.
    return { ...DEFAULT_CHECK_IN_POLICY, ...row.body, version: row.version };
  }

  current(): Promise<CheckInPolicy> {
    return this.inForceAt(new Date());
  }

  /** Every version, newest first, with the name of the admin who stored it (null: the default). */
  async history(): Promise<PolicyVersionView[]> {
    const versions = await this.dataSource
      .getRepository(PolicyVersion)
      .find({ order: { version: 'DESC' } });
    const ids = [...new Set(versions.map((v) => v.createdBy).filter((id): id is string => !!id))];
    const names = new Map<string, string>();
    if (ids.length > 0) {
      const rows: { id: string; name: string }[] = await this.dataSource.query(
        'SELECT id, name FROM app_user WHERE id = ANY($1)',
        [ids],
      );
      for (const row of rows) names.set(row.id, row.name);
    }
    return versions.map((v) => ({
      version: v.version,
      body: v.body,
      note: v.note,
      createdBy: v.createdBy,
      createdAt: v.createdAt.toISOString(),
      createdByName: v.createdBy ? (names.get(v.createdBy) ?? null) : null,
    }));
  }

  /** Stores a new version (the `version` given is ignored: the next number is assigned). */
  async update(
    body: Omit<CheckInPolicy, 'version'>,
    note: string,
    actorId: string,
    manager?: EntityManager,
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
    const run = async (tx: EntityManager) => {
      await tx.query('LOCK TABLE policy_version IN EXCLUSIVE MODE');
      const [{ max }] = await tx.query('SELECT max(version) AS max FROM policy_version');
      const version = Number(max ?? 0) + 1;
      const policy = { ...clean, version };
      await tx.insert(PolicyVersion, { version, body: policy, note, createdBy: actorId });
      await this.audit.append(asTx(tx), {
        actorId,
        action: 'POLICY_CHANGED',
        subjectType: 'policy',
        subjectId: String(version),
        data: { version, body: policy, note },
      });
      return policy;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }
}
