import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CREDIT_GRADES,
  drawInputsHash,
  drawProbability,
  runDraw,
  seedCommitment,
  type CreditGrade,
  type DrawInputs,
  type DrawStatistics,
  type DrawTaskView,
  type DrawView,
  type Findings,
  type PoolFirm,
  type PublicDrawResult,
  type ParsedBody,
  type PublicDrawInputs,
  type PublicDrawView,
} from '@qinqing/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { localDay, onPositiveListSql } from '../enterprises/positive-list';
import { PolicyService } from '../policy/policy.service';
import { scopeCondition } from '../scope/scope-sql';
import { ScopeService } from '../scope/scope.service';
import { User } from '../users/user.entity';
import { Draw, DrawTask } from './draw.entity';
import { asTx } from '../database/transactions';

/**
 * 双随机、一公开. A draw is committed (inputs snapshot, its hash and the seed's commitment
 * published; the seed kept back), then revealed (the seed published, runDraw makes the tasks).
 * Anyone can re-run runDraw on the published inputs and seed and get the same tasks.
 */
@Injectable()
export class DrawsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeService,
    private readonly audit: AuditService,
    private readonly policies: PolicyService,
  ) {}

  async commit(caller: AuthenticatedUser, dto: ParsedBody<'commitDraw'>): Promise<DrawView> {
    if (dto.periodStart > dto.periodEnd) {
      throw fieldError('periodEnd', '检查期限的结束日期不能早于开始日期');
    }
    const policy = await this.policies.current();
    // Weights a draw brings are checked by its schema, the policy's by validatePolicy.
    const weights = dto.weights ?? policy.drawWeights;
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: caller.id });
    const home = user.jurisdictionUnitId ?? (await this.rootUnit());
    const allowed = new Set(await this.scopes.subtree(home));
    const asked = dto.unitIds?.length ? dto.unitIds : [home];
    if (asked.some((id) => !allowed.has(id))) throw new DomainException('NOT_FOUND');
    const units = [
      ...new Set((await Promise.all(asked.map((id) => this.scopes.subtree(id)))).flat()),
    ];

    const id = await this.dataSource.transaction(async (manager) => {
      const today = localDay(new Date(), policy.utcOffsetMinutes);
      const pool = await this.pool(manager, units, dto, today);
      if (pool.length === 0) throw new DomainException('DRAW_POOL_EMPTY');
      const officers: { id: string; unitId: string }[] = await manager.query(
        `SELECT id, unit_id AS "unitId" FROM app_user
          WHERE role = 'officer' AND active AND unit_id = ANY($1) ORDER BY id`,
        [units],
      );
      const inputs: DrawInputs = {
        pool,
        officers,
        recusals: await this.recusals(manager, pool, policy.drawRecentInspectionMonths),
        weights,
        officersPerTask: dto.officersPerTask ?? 2,
      };
      const seed = randomBytes(32).toString('hex');
      const number = await this.nextNumber(manager, today.slice(0, 4));
      const draw = await manager.getRepository(Draw).save({
        number,
        name: dto.name,
        status: 'COMMITTED' as const,
        periodStart: dto.periodStart,
        periodEnd: dto.periodEnd,
        poolFilter: {
          unitIds: asked,
          districts: dto.districts ?? [],
          industries: dto.industries ?? [],
          supervisionClasses: dto.supervisionClasses ?? [],
        },
        inputs,
        inputsHash: drawInputsHash(inputs),
        seedCommitment: seedCommitment(seed),
        seed,
        committedAt: new Date(),
        revealedAt: null,
        createdBy: caller.id,
        unitId: home,
      });
      await this.audit.append(asTx(manager), {
        actorId: caller.id,
        action: 'DRAW_COMMITTED',
        subjectType: 'draw',
        subjectId: draw.id,
        data: {
          number,
          inputsHash: draw.inputsHash,
          seedCommitment: draw.seedCommitment,
          poolSize: pool.length,
        },
      });
      return draw.id;
    });
    return this.get(caller, id);
  }

  /** Publishes the seed and makes the tasks; once. */
  async reveal(caller: AuthenticatedUser, id: string): Promise<DrawView> {
    const scope = await this.scopes.forUser(caller);
    await this.dataSource.transaction(async (manager) => {
      const draw = await this.findInScope(manager, scope, id, true);
      if (draw.status !== 'COMMITTED') throw new DomainException('DRAW_ALREADY_REVEALED');
      const tasks = runDraw(draw.inputs, draw.seed);
      if (tasks.length > 0) {
        await manager.getRepository(DrawTask).insert(
          tasks.map((task) => ({
            drawId: draw.id,
            number: task.number,
            reference: `${draw.number}-${String(task.number).padStart(2, '0')}`,
            enterpriseId: task.enterpriseId,
            officerIds: task.officerIds,
            short: task.short,
          })),
        );
      }
      draw.status = 'REVEALED';
      draw.revealedAt = new Date();
      await manager.save(draw);
      await this.audit.append(asTx(manager), {
        actorId: caller.id,
        action: 'DRAW_REVEALED',
        subjectType: 'draw',
        subjectId: draw.id,
        data: { number: draw.number, seed: draw.seed, tasks },
      });
    });
    return this.get(caller, id);
  }

  async get(caller: AuthenticatedUser, id: string): Promise<DrawView> {
    const scope = await this.scopes.forUser(caller);
    const draw = await this.findInScope(this.dataSource.manager, scope, id);
    return { ...(await this.publicView(draw)), tasks: await this.tasks({ drawId: draw.id }) };
  }

  async list(caller: AuthenticatedUser): Promise<PublicDrawView[]> {
    const scope = await this.scopes.forUser(caller);
    const params: unknown[] = [];
    const scoped = scopeCondition(scope, 'd', params);
    const ids: { id: string }[] = await this.dataSource.query(
      `SELECT d.id FROM draw d ${scoped ? `WHERE ${scoped}` : ''} ORDER BY d.committed_at DESC LIMIT 200`,
      params,
    );
    return this.publicViews(ids.map((r) => r.id));
  }

  /** 一公开: every draw, as anyone may see it (no personal data). */
  async publicList(): Promise<PublicDrawView[]> {
    const ids: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM draw ORDER BY committed_at DESC LIMIT 200',
    );
    return this.publicViews(ids.map((r) => r.id));
  }

  async publicGet(id: string): Promise<PublicDrawView> {
    const draw = await this.dataSource.getRepository(Draw).findOneBy({ id });
    if (!draw) throw new DomainException('NOT_FOUND');
    return this.publicView(draw);
  }

  /** What anyone needs to re-run the draw: the inputs (officers by id only) and, once revealed, the seed. */
  async publicInputs(id: string): Promise<PublicDrawInputs> {
    const draw = await this.dataSource.getRepository(Draw).findOneBy({ id });
    if (!draw) throw new DomainException('NOT_FOUND');
    return {
      number: draw.number,
      inputs: draw.inputs,
      inputsHash: draw.inputsHash,
      seedCommitment: draw.seedCommitment,
      seed: draw.status === 'REVEALED' ? draw.seed : null,
    };
  }

  /** The officer's tasks of revealed draws whose period has not ended. */
  async officerTasks(caller: AuthenticatedUser): Promise<DrawTaskView[]> {
    const policy = await this.policies.current();
    return this.tasks({
      officerId: caller.id,
      notEndedBefore: localDay(new Date(), policy.utcOffsetMinutes),
    });
  }

  /** Realised draw rate per credit grade (and the positive list) against the intended rate. */
  async statistics(caller: AuthenticatedUser, year: number): Promise<DrawStatistics> {
    const scope = await this.scopes.forUser(caller);
    const params: unknown[] = [`${year}-01-01`, `${year}-12-31`];
    const scoped = scopeCondition(scope, 'd', params);
    const found: { id: string }[] = await this.dataSource.query(
      `SELECT d.id FROM draw d
        WHERE d.status = 'REVEALED' AND d.period_start BETWEEN $1 AND $2 ${scoped ? `AND ${scoped}` : ''}`,
      params,
    );
    const draws = found.length
      ? await this.dataSource.getRepository(Draw).findBy({ id: In(found.map((d) => d.id)) })
      : [];
    const drawnIds = new Map<string, Set<string>>();
    const taskRows: { drawId: string; enterpriseId: string }[] = draws.length
      ? await this.dataSource.query(
          `SELECT draw_id AS "drawId", enterprise_id AS "enterpriseId" FROM draw_task WHERE draw_id = ANY($1)`,
          [draws.map((d) => d.id)],
        )
      : [];
    for (const row of taskRows) {
      if (!drawnIds.has(row.drawId)) drawnIds.set(row.drawId, new Set());
      drawnIds.get(row.drawId)!.add(row.enterpriseId);
    }
    type Group = CreditGrade | 'POSITIVE_LIST';
    const totals = new Map<Group, { inPools: number; drawn: number; intended: number }>();
    for (const group of [...CREDIT_GRADES, 'POSITIVE_LIST'] as Group[]) {
      totals.set(group, { inPools: 0, drawn: 0, intended: 0 });
    }
    for (const draw of draws) {
      const drawn = drawnIds.get(draw.id) ?? new Set();
      for (const firm of draw.inputs.pool) {
        const group = totals.get(firm.onPositiveList ? 'POSITIVE_LIST' : firm.creditGrade)!;
        group.inPools += 1;
        group.intended += drawProbability(firm, draw.inputs.weights);
        if (drawn.has(firm.id)) group.drawn += 1;
      }
    }
    return {
      year,
      rows: [...totals].map(([group, t]) => ({
        group,
        inPools: t.inPools,
        drawn: t.drawn,
        realisedRate: t.inPools ? t.drawn / t.inPools : 0,
        intendedRate: t.inPools ? t.intended / t.inPools : 0,
      })),
    };
  }

  private async pool(
    manager: EntityManager,
    units: string[],
    dto: ParsedBody<'commitDraw'>,
    today: string,
  ): Promise<PoolFirm[]> {
    const query = manager
      .createQueryBuilder()
      .from('enterprise', 'e')
      .select([
        'e.id AS id',
        'e.name AS name',
        'e.uscc AS uscc',
        'e.unit_id AS "unitId"',
        'e.district AS district',
        'e.industry AS industry',
        'e.credit_grade AS "creditGrade"',
        'e.supervision_class AS "supervisionClass"',
      ])
      .addSelect(onPositiveListSql('e', 'day'), 'onPositiveList')
      .where('e.unit_id = ANY(:units)', { units })
      .setParameter('day', today)
      .orderBy('e.id');
    if (dto.districts?.length) query.andWhere('e.district = ANY(:districts)', dto);
    if (dto.industries?.length) query.andWhere('e.industry = ANY(:industries)', dto);
    if (dto.supervisionClasses?.length) {
      query.andWhere('e.supervision_class = ANY(:supervisionClasses)', dto);
    }
    return query.getRawMany<PoolFirm>();
  }

  /** 回避: the firm's liaison, declared conflicts, and officers who inspected it recently. */
  private async recusals(
    manager: EntityManager,
    pool: PoolFirm[],
    recentMonths: number,
  ): Promise<DrawInputs['recusals']> {
    const rows: { enterpriseId: string; officerId: string; reason: string }[] = await manager.query(
      `SELECT e.id AS "enterpriseId", e.liaison_officer_id AS "officerId", 'LIAISON' AS reason
         FROM enterprise e WHERE e.id = ANY($1) AND e.liaison_officer_id IS NOT NULL
       UNION
       SELECT c.enterprise_id, c.officer_id, 'CONFLICT' FROM officer_conflict c
        WHERE c.enterprise_id = ANY($1)
       UNION
       SELECT DISTINCT v.enterprise_id, vo.officer_id, 'RECENT_INSPECTION'
         FROM visit v JOIN visit_officer vo ON vo.visit_id = v.id
        WHERE v.enterprise_id = ANY($1) AND v.outcome <> 'REFUSED'
          AND v.checked_in_at >= now() - make_interval(months => $2)
       ORDER BY 1, 2, 3`,
      [pool.map((f) => f.id), recentMonths],
    );
    const recusals: DrawInputs['recusals'] = {};
    for (const row of rows) {
      (recusals[row.enterpriseId] ??= []).push({
        officerId: row.officerId,
        reason: row.reason as DrawInputs['recusals'][string][number]['reason'],
      });
    }
    return recusals;
  }

  private async nextNumber(manager: EntityManager, year: string): Promise<string> {
    await manager.query('LOCK TABLE draw IN EXCLUSIVE MODE');
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM draw WHERE number LIKE $1`,
      [`SJ-${year}-%`],
    );
    return `SJ-${year}-${String(n + 1).padStart(3, '0')}`;
  }

  private async rootUnit(): Promise<string> {
    const [root] = await this.dataSource.query(
      'SELECT id FROM unit WHERE parent_id IS NULL ORDER BY name LIMIT 1',
    );
    if (!root) throw new DomainException('NOT_FOUND');
    return root.id;
  }

  private async findInScope(
    manager: EntityManager,
    scope: Awaited<ReturnType<ScopeService['forUser']>>,
    id: string,
    lock = false,
  ): Promise<Draw> {
    const params: unknown[] = [id];
    const scoped = scopeCondition(scope, 'd', params);
    const rows: { id: string }[] = await manager.query(
      `SELECT d.id FROM draw d WHERE d.id = $1 ${scoped ? `AND ${scoped}` : ''} ${lock ? 'FOR NO KEY UPDATE' : ''}`,
      params,
    );
    if (rows.length === 0) throw new DomainException('NOT_FOUND');
    return manager.getRepository(Draw).findOneByOrFail({ id });
  }

  /** The public views of draws, with their results read in one query for all of them. */
  private async publicViews(ids: string[]): Promise<PublicDrawView[]> {
    if (ids.length === 0) return [];
    const draws = await this.dataSource.getRepository(Draw).findBy({ id: In(ids) });
    const byId = new Map(draws.map((d) => [d.id, d]));
    const results = await this.results(draws.filter((d) => d.status === 'REVEALED'));
    return ids.map((id) => toPublicView(byId.get(id)!, results.get(id) ?? []));
  }

  private async publicView(draw: Draw): Promise<PublicDrawView> {
    const [view] = await this.publicViews([draw.id]);
    return view;
  }

  /**
   * Per draw, its tasks' firms (with the grade and list status they were drawn under) and whether
   * and how each was inspected.
   */
  private async results(draws: Draw[]): Promise<Map<string, PublicDrawResult[]>> {
    const byDraw = new Map<string, PublicDrawResult[]>();
    if (draws.length === 0) return byDraw;
    const rows: {
      drawId: string;
      taskNumber: number;
      enterpriseId: string;
      enterpriseName: string;
      uscc: string;
      visitId: string | null;
      findings: Findings | null;
    }[] = await this.dataSource.query(
      `SELECT t.draw_id AS "drawId", t.number AS "taskNumber", t.enterprise_id AS "enterpriseId",
              e.name AS "enterpriseName", e.uscc, v.id AS "visitId", v.findings
         FROM draw_task t JOIN enterprise e ON e.id = t.enterprise_id
         LEFT JOIN LATERAL (SELECT id, findings FROM visit
             WHERE reference = t.reference AND purpose = 'RANDOM_INSPECTION'
               AND enterprise_id = t.enterprise_id AND outcome <> 'REFUSED'
             ORDER BY checked_in_at LIMIT 1) v ON true
        WHERE t.draw_id = ANY($1) ORDER BY t.draw_id, t.number`,
      [draws.map((d) => d.id)],
    );
    const pools = new Map(draws.map((d) => [d.id, new Map(d.inputs.pool.map((f) => [f.id, f]))]));
    for (const row of rows) {
      const drawn = pools.get(row.drawId)!.get(row.enterpriseId);
      const list = byDraw.get(row.drawId) ?? [];
      list.push({
        taskNumber: row.taskNumber,
        enterpriseName: row.enterpriseName,
        uscc: row.uscc,
        creditGrade: drawn?.creditGrade ?? 'UNRATED',
        onPositiveList: drawn?.onPositiveList ?? false,
        inspected: row.visitId !== null,
        outcome: row.findings,
      });
      byDraw.set(row.drawId, list);
    }
    return byDraw;
  }

  private async tasks(filter: {
    drawId?: string;
    officerId?: string;
    notEndedBefore?: string;
  }): Promise<DrawTaskView[]> {
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
    const rows: {
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
    }[] = await this.dataSource.query(
      `SELECT t.id, t.draw_id AS "drawId", d.number AS "drawNumber", t.reference,
              t.enterprise_id AS "enterpriseId", e.name AS "enterpriseName",
              t.officer_ids AS "officerIds", to_char(d.period_start, 'YYYY-MM-DD') AS "periodStart",
              to_char(d.period_end, 'YYYY-MM-DD') AS "periodEnd", t.short,
              (SELECT v.id FROM visit v WHERE v.reference = t.reference AND v.purpose = 'RANDOM_INSPECTION'
                  AND v.enterprise_id = t.enterprise_id AND v.outcome <> 'REFUSED'
                ORDER BY v.checked_in_at LIMIT 1) AS "visitId"
         FROM draw_task t JOIN draw d ON d.id = t.draw_id JOIN enterprise e ON e.id = t.enterprise_id
        WHERE ${where.join(' AND ')}
        ORDER BY d.period_end, t.reference`,
      params,
    );
    const officerIds = [...new Set(rows.flatMap((r) => r.officerIds))];
    const officers: { id: string; name: string; badgeNumber: string | null }[] = officerIds.length
      ? await this.dataSource.query(
          `SELECT id, name, badge_number AS "badgeNumber" FROM app_user WHERE id = ANY($1)`,
          [officerIds],
        )
      : [];
    const byId = new Map(officers.map((o) => [o.id, o]));
    return rows.map(({ officerIds: ids, ...row }) => ({
      ...row,
      officers: ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
      inspected: row.visitId !== null,
    }));
  }
}

function fieldError(field: string, message: string): DomainException {
  return new DomainException('VALIDATION_FAILED', { errors: [{ field, message }] });
}

function toPublicView(draw: Draw, results: PublicDrawResult[]): PublicDrawView {
  const revealed = draw.status === 'REVEALED';
  return {
    id: draw.id,
    number: draw.number,
    name: draw.name,
    status: draw.status,
    periodStart: draw.periodStart,
    periodEnd: draw.periodEnd,
    committedAt: draw.committedAt.toISOString(),
    inputsHash: draw.inputsHash,
    seedCommitment: draw.seedCommitment,
    seed: revealed ? draw.seed : null,
    revealedAt: draw.revealedAt?.toISOString() ?? null,
    poolSize: draw.inputs.pool.length,
    weights: draw.inputs.weights,
    officersPerTask: draw.inputs.officersPerTask,
    results,
  };
}
