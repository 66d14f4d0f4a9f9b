import { Injectable } from '@nestjs/common';
import type { DrawInputs, Findings, OfficerConflictView, ParsedBody } from '@qinqing/domain';
import { DataSource, In } from 'typeorm';
import { sqlOf, type Tx } from '../database/transactions';
import type { AccessScope } from '../scope/access-scope';
import { scopeCondition } from '../scope/scope-sql';
import { enteredVisitSql } from '../visits/visit-sql';
import { Draw, DrawTask, OfficerConflict } from './draw.entity';

/** A new draw's fields (its id is generated). */
export type NewDraw = Omit<Draw, 'id' | 'creator' | 'unit'>;

/** A task as runDraw makes it, with the reference a RANDOM_INSPECTION check-in names. */
export type NewDrawTask = Omit<DrawTask, 'id' | 'draw' | 'enterprise'>;

/** One recusal: an officer who must not inspect a firm, and why. */
export interface RecusalRow {
  enterpriseId: string;
  officerId: string;
  reason: DrawInputs['recusals'][string][number]['reason'];
}

/** A drawn firm of a revealed draw and the visit that carried its task out (null: not yet). */
export interface DrawResultRow {
  drawId: string;
  taskNumber: number;
  enterpriseId: string;
  enterpriseName: string;
  uscc: string;
  visitId: string | null;
  findings: Findings | null;
}

/** A task of a revealed draw, as an officer's list shows it. */
export interface DrawTaskRow {
  id: string;
  drawId: string;
  drawNumber: string;
  reference: string;
  enterpriseId: string;
  enterpriseName: string;
  officerIds: string[];
  periodStart: string;
  periodEnd: string;
  short: boolean;
  visitId: string | null;
}

/** Which tasks: of one draw, of one officer, of draws whose period ends on or after a day. */
export interface DrawTaskFilter {
  drawId?: string;
  officerId?: string;
  notEndedBefore?: string;
}

/**
 * The visit that carried out task `task`: the first entered RANDOM_INSPECTION visit to its firm
 * naming its reference. `columns` of that visit (aliased tv) are selected.
 */
function taskVisitSql(task: string, columns: string): string {
  return `SELECT ${columns} FROM visit tv
           WHERE tv.reference = ${task}.reference AND tv.purpose = 'RANDOM_INSPECTION'
             AND tv.enterprise_id = ${task}.enterprise_id AND ${enteredVisitSql('tv')}
           ORDER BY tv.checked_in_at LIMIT 1`;
}

/** 双随机: draw, its draw_task rows, and officers' declared conflicts (officer_conflict). */
@Injectable()
export class DrawsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(draw: NewDraw, tx: Tx): Promise<Draw> {
    return sqlOf(this.dataSource, tx).getRepository(Draw).save(draw);
  }

  async insertTasks(tasks: NewDrawTask[], tx: Tx): Promise<void> {
    if (tasks.length === 0) return;
    await sqlOf(this.dataSource, tx).getRepository(DrawTask).insert(tasks);
  }

  /** Writes a draw's reveal (status, revealed_at). */
  async saveReveal(draw: Draw, tx: Tx): Promise<void> {
    await sqlOf(this.dataSource, tx).save(draw);
  }

  /**
   * The year's next running number (SJ-2026-004). Locks the table against other writers for the
   * rest of `tx`, so two draws never take one number.
   */
  async lockNextNumber(year: string, tx: Tx): Promise<string> {
    const sql = sqlOf(this.dataSource, tx);
    await sql.query('LOCK TABLE draw IN EXCLUSIVE MODE');
    const [{ n }]: { n: number }[] = await sql.query(
      `SELECT count(*)::int AS n FROM draw WHERE number LIKE $1`,
      [`SJ-${year}-%`],
    );
    return `SJ-${year}-${String(n + 1).padStart(3, '0')}`;
  }

  /** A draw in the scope (its unit), optionally locked (FOR NO KEY UPDATE); null outside it. */
  async findInScope(
    scope: AccessScope,
    id: string,
    options: { lock?: boolean } = {},
    tx?: Tx,
  ): Promise<Draw | null> {
    const sql = sqlOf(this.dataSource, tx);
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'd', params);
    const rows: { id: string }[] = await sql.query(
      `SELECT d.id FROM draw d WHERE d.id = $1 ${scoped ? `AND ${scoped}` : ''} ${options.lock ? 'FOR NO KEY UPDATE' : ''}`,
      params,
    );
    if (rows.length === 0) return null;
    return sql.getRepository(Draw).findOneByOrFail({ id });
  }

  find(id: string, tx?: Tx): Promise<Draw | null> {
    return sqlOf(this.dataSource, tx).getRepository(Draw).findOneBy({ id });
  }

  /** Draws by id, in no particular order. */
  byIds(ids: string[], tx?: Tx): Promise<Draw[]> {
    return sqlOf(this.dataSource, tx)
      .getRepository(Draw)
      .findBy({ id: In(ids) });
  }

  /** The latest 200 draws, newest first: in the scope, or all (scope undefined: the public list). */
  async latestIds(scope?: AccessScope, tx?: Tx): Promise<string[]> {
    const params: unknown[] = [];
    const scoped = scope ? scopeCondition(scope, 'd', params) : null;
    const rows: { id: string }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT d.id FROM draw d ${scoped ? `WHERE ${scoped}` : ''} ORDER BY d.committed_at DESC LIMIT 200`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** The revealed draws in the scope whose period starts between two days (inclusive). */
  async revealedStartingBetween(
    scope: AccessScope,
    from: string,
    to: string,
    tx?: Tx,
  ): Promise<Draw[]> {
    const params: unknown[] = [from, to];
    const scoped = scopeCondition(scope, 'd', params);
    const found: { id: string }[] = await sqlOf(this.dataSource, tx).query(
      `SELECT d.id FROM draw d
        WHERE d.status = 'REVEALED' AND d.period_start BETWEEN $1 AND $2 ${scoped ? `AND ${scoped}` : ''}`,
      params,
    );
    return found.length
      ? this.byIds(
          found.map((d) => d.id),
          tx,
        )
      : [];
  }

  /** The firm of each task of the draws. */
  drawnFirms(drawIds: string[], tx?: Tx): Promise<{ drawId: string; enterpriseId: string }[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT draw_id AS "drawId", enterprise_id AS "enterpriseId" FROM draw_task WHERE draw_id = ANY($1)`,
      [drawIds],
    );
  }

  /**
   * The tasks of the draws with their firms' names (joined for display) and the visit that
   * carried each out, in task order.
   */
  results(drawIds: string[], tx?: Tx): Promise<DrawResultRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT t.draw_id AS "drawId", t.number AS "taskNumber", t.enterprise_id AS "enterpriseId",
              e.name AS "enterpriseName", e.uscc, v.id AS "visitId", v.findings
         FROM draw_task t JOIN enterprise e ON e.id = t.enterprise_id
         LEFT JOIN LATERAL (${taskVisitSql('t', 'tv.id, tv.findings')}) v ON true
        WHERE t.draw_id = ANY($1) ORDER BY t.draw_id, t.number`,
      [drawIds],
    );
  }

  /** Tasks of revealed draws (the filter's), by period end then reference. */
  tasks(filter: DrawTaskFilter, tx?: Tx): Promise<DrawTaskRow[]> {
    const where: string[] = [`d.status = 'REVEALED'`];
    const params: unknown[] = [];
    if (filter.drawId) {
      params.push(filter.drawId);
      where.push(`t.draw_id = $${params.length}`);
    }
    if (filter.officerId) {
      params.push(JSON.stringify([filter.officerId]));
      where.push(`t.officer_ids @> $${params.length}::jsonb`);
    }
    if (filter.notEndedBefore) {
      params.push(filter.notEndedBefore);
      where.push(`d.period_end >= $${params.length}`);
    }
    return sqlOf(this.dataSource, tx).query(
      `SELECT t.id, t.draw_id AS "drawId", d.number AS "drawNumber", t.reference,
              t.enterprise_id AS "enterpriseId", e.name AS "enterpriseName",
              t.officer_ids AS "officerIds", to_char(d.period_start, 'YYYY-MM-DD') AS "periodStart",
              to_char(d.period_end, 'YYYY-MM-DD') AS "periodEnd", t.short,
              (${taskVisitSql('t', 'tv.id')}) AS "visitId"
         FROM draw_task t JOIN draw d ON d.id = t.draw_id JOIN enterprise e ON e.id = t.enterprise_id
        WHERE ${where.join(' AND ')}
        ORDER BY d.period_end, t.reference`,
      params,
    );
  }

  /**
   * 回避 for a pool: the firm's liaison officer, declared conflicts, and officers who entered the
   * firm within the last `recentMonths` months. One statement over enterprise, officer_conflict
   * and visit (the draw's inputs are read together).
   */
  recusals(enterpriseIds: string[], recentMonths: number, tx?: Tx): Promise<RecusalRow[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT e.id AS "enterpriseId", e.liaison_officer_id AS "officerId", 'LIAISON' AS reason
         FROM enterprise e WHERE e.id = ANY($1) AND e.liaison_officer_id IS NOT NULL
       UNION
       SELECT c.enterprise_id, c.officer_id, 'CONFLICT' FROM officer_conflict c
        WHERE c.enterprise_id = ANY($1)
       UNION
       SELECT DISTINCT v.enterprise_id, vo.officer_id, 'RECENT_INSPECTION'
         FROM visit v JOIN visit_officer vo ON vo.visit_id = v.id
        WHERE v.enterprise_id = ANY($1) AND ${enteredVisitSql('v')}
          AND v.checked_in_at >= now() - make_interval(months => $2)
       ORDER BY 1, 2, 3`,
      [enterpriseIds, recentMonths],
    );
  }

  // Officer conflicts (回避 declared by the bureau).

  /** Every declared conflict with the officer's and the firm's names (joined for display). */
  conflicts(tx?: Tx): Promise<OfficerConflictView[]> {
    return sqlOf(this.dataSource, tx).query(
      `SELECT c.officer_id AS "officerId", u.name AS "officerName", c.enterprise_id AS "enterpriseId",
              e.name AS "enterpriseName", c.reason, to_char(c.declared_at AT TIME ZONE 'UTC',
              'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "declaredAt"
         FROM officer_conflict c JOIN app_user u ON u.id = c.officer_id
         JOIN enterprise e ON e.id = c.enterprise_id
        ORDER BY e.name, u.name`,
    );
  }

  /** Declares a conflict, or replaces the reason of the one already declared. */
  async upsertConflict(
    conflict: ParsedBody<'declareOfficerConflict'> & { declaredAt: Date },
    tx: Tx,
  ): Promise<void> {
    await sqlOf(this.dataSource, tx)
      .createQueryBuilder()
      .insert()
      .into(OfficerConflict)
      .values(conflict)
      .orUpdate(['reason'], ['officer_id', 'enterprise_id'])
      .execute();
  }

  /** Withdraws a conflict; false when none was declared. */
  async deleteConflict(officerId: string, enterpriseId: string, tx: Tx): Promise<boolean> {
    const removed = await sqlOf(this.dataSource, tx).delete(OfficerConflict, {
      officerId,
      enterpriseId,
    });
    return !!removed.affected;
  }
}
