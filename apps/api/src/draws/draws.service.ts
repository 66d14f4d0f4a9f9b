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
  type PublicDrawResult,
  type ParsedBody,
  type PublicDrawInputs,
  type PublicDrawView,
} from '@qinqing/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { DomainException } from '../common/errors/domain.exception';
import { Transactions, type Tx } from '../database/transactions';
import { localDay } from '../enterprises/positive-list';
import { PolicyService } from '../policy/policy.service';
import type { AccessScope } from '../scope/access-scope';
import { ScopeService } from '../scope/scope.service';
import type { Draw } from './draw.entity';
import { EnterprisesRepository } from '../enterprises/enterprises.repository';
import { OfficersRepository } from '../officers/officers.repository';
import { UnitsRepository } from '../units/units.repository';
import { UsersRepository } from '../users/users.repository';
import { DrawsRepository, type DrawTaskFilter } from './draws.repository';

/**
 * 双随机、一公开. A draw is committed (inputs snapshot, its hash and the seed's commitment
 * published; the seed kept back), then revealed (the seed published, runDraw makes the tasks).
 * Anyone can re-run runDraw on the published inputs and seed and get the same tasks.
 */
@Injectable()
export class DrawsService {
  constructor(
    private readonly draws: DrawsRepository,
    private readonly users: UsersRepository,
    private readonly units: UnitsRepository,
    private readonly firms: EnterprisesRepository,
    private readonly officers: OfficersRepository,
    private readonly transactions: Transactions,
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
    const home = (await this.users.jurisdictionOf(caller.id)) ?? (await this.rootUnit());
    const allowed = new Set(await this.scopes.subtree(home));
    const asked = dto.unitIds?.length ? dto.unitIds : [home];
    if (asked.some((id) => !allowed.has(id))) throw new DomainException('NOT_FOUND');
    const units = [
      ...new Set((await Promise.all(asked.map((id) => this.scopes.subtree(id)))).flat()),
    ];

    const id = await this.transactions.run(async (tx) => {
      const today = localDay(new Date(), policy.utcOffsetMinutes);
      const pool = await this.firms.drawPool(units, dto, today, tx);
      if (pool.length === 0) throw new DomainException('DRAW_POOL_EMPTY');
      const officers = await this.officers.activeOfUnits(units, tx);
      const inputs: DrawInputs = {
        pool,
        officers,
        recusals: await this.recusals(tx, pool, policy.drawRecentInspectionMonths),
        weights,
        officersPerTask: dto.officersPerTask ?? 2,
      };
      const seed = randomBytes(32).toString('hex');
      const number = await this.draws.lockNextNumber(today.slice(0, 4), tx);
      const draw = await this.draws.insert(
        {
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
        },
        tx,
      );
      await this.audit.append(tx, {
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
    await this.transactions.run(async (tx) => {
      const draw = await this.findInScope(scope, id, tx);
      if (draw.status !== 'COMMITTED') throw new DomainException('DRAW_ALREADY_REVEALED');
      const tasks = runDraw(draw.inputs, draw.seed);
      await this.draws.insertTasks(
        tasks.map((task) => ({
          drawId: draw.id,
          number: task.number,
          reference: `${draw.number}-${String(task.number).padStart(2, '0')}`,
          enterpriseId: task.enterpriseId,
          officerIds: task.officerIds,
          short: task.short,
        })),
        tx,
      );
      draw.status = 'REVEALED';
      draw.revealedAt = new Date();
      await this.draws.saveReveal(draw, tx);
      await this.audit.append(tx, {
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
    const draw = await this.findInScope(scope, id);
    return { ...(await this.publicView(draw)), tasks: await this.tasks({ drawId: draw.id }) };
  }

  async list(caller: AuthenticatedUser): Promise<PublicDrawView[]> {
    const scope = await this.scopes.forUser(caller);
    return this.publicViews(await this.draws.latestIds(scope));
  }

  /** 一公开: every draw, as anyone may see it (no personal data). */
  async publicList(): Promise<PublicDrawView[]> {
    return this.publicViews(await this.draws.latestIds());
  }

  async publicGet(id: string): Promise<PublicDrawView> {
    const draw = await this.draws.find(id);
    if (!draw) throw new DomainException('NOT_FOUND');
    return this.publicView(draw);
  }

  /** What anyone needs to re-run the draw: the inputs (officers by id only) and, once revealed, the seed. */
  async publicInputs(id: string): Promise<PublicDrawInputs> {
    const draw = await this.draws.find(id);
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
    const draws = await this.draws.revealedStartingBetween(scope, `${year}-01-01`, `${year}-12-31`);
    const drawnIds = new Map<string, Set<string>>();
    const taskRows = draws.length ? await this.draws.drawnFirms(draws.map((d) => d.id)) : [];
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

  /** 回避: the firm's liaison, declared conflicts, and officers who inspected it recently. */
  private async recusals(
    tx: Tx,
    pool: DrawInputs['pool'],
    recentMonths: number,
  ): Promise<DrawInputs['recusals']> {
    const rows = await this.draws.recusals(
      pool.map((f) => f.id),
      recentMonths,
      tx,
    );
    const recusals: DrawInputs['recusals'] = {};
    for (const row of rows) {
      (recusals[row.enterpriseId] ??= []).push({
        officerId: row.officerId,
        reason: row.reason,
      });
    }
    return recusals;
  }

  private async rootUnit(): Promise<string> {
    const root = await this.units.top();
    if (!root) throw new DomainException('NOT_FOUND');
    return root.id;
  }

  /** A draw in the scope; locked when read in a transaction (`tx`) that will change it. */
  private async findInScope(scope: AccessScope, id: string, tx?: Tx): Promise<Draw> {
    const draw = await this.draws.findInScope(scope, id, { lock: tx !== undefined }, tx);
    if (!draw) throw new DomainException('NOT_FOUND');
    return draw;
  }

  /** The public views of draws, with their results read in one query for all of them. */
  private async publicViews(ids: string[]): Promise<PublicDrawView[]> {
    if (ids.length === 0) return [];
    const draws = await this.draws.byIds(ids);
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
    const rows = await this.draws.results(draws.map((d) => d.id));
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

  private async tasks(filter: DrawTaskFilter): Promise<DrawTaskView[]> {
    const rows = await this.draws.tasks(filter);
    const officers = await this.officers.names([...new Set(rows.flatMap((r) => r.officerIds))]);
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
