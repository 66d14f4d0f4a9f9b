import { Injectable } from '@nestjs/common';
import type { CheckInPolicy } from '@qinqing/domain';
import { DataSource } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import { PolicyVersion } from './policy-version.entity';

/** A stored version with the name of the admin who stored it (null for the default). */
export interface PolicyVersionRow {
  version: number;
  body: CheckInPolicy;
  note: string;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
}

/** The policy_version table: immutable versions of the check-in policy. */
@Injectable()
export class PolicyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores version 1 unless some version 1 exists (race-safe); true when this call stored it. */
  async insertFirstIfMissing(body: CheckInPolicy, note: string, tx?: Tx): Promise<boolean> {
    const inserted = await sqlOf(this.dataSource, tx)
      .createQueryBuilder()
      .insert()
      .into(PolicyVersion)
      .values({ version: 1, body, note, createdBy: null })
      .orIgnore()
      .returning(['version'])
      .execute();
    return inserted.raw.length > 0;
  }

  /** The newest version created at or before `at`, else the first one (null: none at all). */
  async inForceAt(at: Date, tx?: Tx): Promise<PolicyVersion | null> {
    const repo = sqlOf(this.dataSource, tx).getRepository(PolicyVersion);
    return (
      (await repo
        .createQueryBuilder('p')
        .where('p.created_at <= :at', { at })
        .orderBy('p.version', 'DESC')
        .getOne()) ?? (await repo.findOne({ where: {}, order: { version: 'ASC' } }))
    );
  }

  /**
   * Every version, newest first. The creator's name is joined in for display (app_user belongs
   * to the users' aggregate; one statement rather than a second round trip).
   */
  history(tx?: Tx): Promise<PolicyVersionRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT p.version, p.body, p.note, p.created_by AS "createdBy", u.name AS "createdByName",
              p.created_at AS "createdAt"
         FROM policy_version p LEFT JOIN app_user u ON u.id = p.created_by
        ORDER BY p.version DESC`,
    );
  }

  /**
   * Locks the table against other writers (readers go on) for the rest of `tx` and returns the
   * number the next version takes.
   */
  async lockNextVersion(tx: Tx): Promise<number> {
    const sql = sqlOf(this.dataSource, tx);
    await sql.query('LOCK TABLE policy_version IN EXCLUSIVE MODE');
    const [{ max }]: { max: number | null }[] = await sql.query(
      'SELECT max(version) AS max FROM policy_version',
    );
    return Number(max ?? 0) + 1;
  }

  async insert(
    row: { version: number; body: CheckInPolicy; note: string; createdBy: string },
    tx: Tx,
  ): Promise<void> {
    await sqlOf(this.dataSource, tx).insert(PolicyVersion, row);
  }
}
