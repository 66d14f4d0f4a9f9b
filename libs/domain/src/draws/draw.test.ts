import fc from 'fast-check';
import { CREDIT_GRADES, type CreditGrade } from '../enterprise';
import {
  DEFAULT_DRAW_WEIGHTS,
  drawInputsHash,
  drawProbability,
  runDraw,
  seedCommitment,
  type DrawInputs,
  type PoolFirm,
  type PoolOfficer,
} from './draw';

const UNITS = ['unit-a', 'unit-b', 'unit-c'];

function firm(i: number, grade: CreditGrade, onPositiveList = false): PoolFirm {
  return {
    id: `firm-${String(i).padStart(4, '0')}`,
    name: `企业${i}`,
    uscc: `91410100MA${String(i).padStart(8, '0')}`,
    unitId: UNITS[i % UNITS.length],
    district: '金水区',
    industry: '制造业',
    creditGrade: grade,
    supervisionClass: 'GENERAL',
    onPositiveList,
  };
}

const officers: PoolOfficer[] = Array.from({ length: 12 }, (_, i) => ({
  id: `officer-${i}`,
  unitId: UNITS[i % UNITS.length],
}));

const firms = fc
  .uniqueArray(
    fc.record({
      i: fc.integer({ min: 0, max: 9999 }),
      grade: fc.constantFrom(...CREDIT_GRADES),
      list: fc.boolean(),
    }),
    { selector: (f) => f.i, maxLength: 60 },
  )
  .map((rows) => rows.map((r) => firm(r.i, r.grade, r.list)));

const inputsArb: fc.Arbitrary<DrawInputs> = fc
  .record({
    pool: firms,
    officersPerTask: fc.integer({ min: 1, max: 3 }),
    baseRatio: fc.double({ min: 0.05, max: 0.9, noNaN: true }),
    recusalPicks: fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(),
        fc.constantFrom('LIAISON', 'CONFLICT', 'RECENT_INSPECTION' as const),
      ),
      {
        maxLength: 40,
      },
    ),
  })
  .map(({ pool, officersPerTask, baseRatio, recusalPicks }) => {
    const recusals: DrawInputs['recusals'] = {};
    for (const [f, o, reason] of recusalPicks) {
      if (pool.length === 0) break;
      const target = pool[f % pool.length];
      (recusals[target.id] ??= []).push({ officerId: officers[o % officers.length].id, reason });
    }
    return {
      pool,
      officers,
      recusals,
      weights: { ...DEFAULT_DRAW_WEIGHTS, baseRatio },
      officersPerTask,
    };
  });

const seedArb = fc.string({ minLength: 1, maxLength: 64 });

describe('双随机 draw', () => {
  it('is a function of the inputs and the seed: the same tasks every time, in any input order', () => {
    fc.assert(
      fc.property(inputsArb, seedArb, (inputs, seed) => {
        const tasks = runDraw(inputs, seed);
        expect(runDraw(structuredClone(inputs), seed)).toEqual(tasks);
        const shuffled = {
          ...inputs,
          pool: [...inputs.pool].reverse(),
          officers: [...inputs.officers].reverse(),
        };
        expect(runDraw(shuffled, seed)).toEqual(tasks);
      }),
    );
  });

  it('never assigns a recused officer, nor one of another unit, nor one officer twice to a task', () => {
    fc.assert(
      fc.property(inputsArb, seedArb, (inputs, seed) => {
        const unitOf = new Map(inputs.officers.map((o) => [o.id, o.unitId]));
        const firmUnit = new Map(inputs.pool.map((f) => [f.id, f.unitId]));
        for (const task of runDraw(inputs, seed)) {
          const recused = (inputs.recusals[task.enterpriseId] ?? []).map((r) => r.officerId);
          for (const id of task.officerIds) {
            expect(recused).not.toContain(id);
            expect(unitOf.get(id)).toBe(firmUnit.get(task.enterpriseId));
          }
          expect(new Set(task.officerIds).size).toBe(task.officerIds.length);
          expect(task.officerIds.length).toBeLessThanOrEqual(inputs.officersPerTask);
          expect(task.short).toBe(task.officerIds.length < inputs.officersPerTask);
        }
      }),
    );
  });

  it('balances the work: without recusals no officer has more than one task above a colleague', () => {
    fc.assert(
      fc.property(inputsArb, seedArb, (inputs, seed) => {
        const plain = { ...inputs, recusals: {} };
        const load = new Map(plain.officers.map((o) => [o.id, 0]));
        for (const task of runDraw(plain, seed)) {
          for (const id of task.officerIds) load.set(id, load.get(id)! + 1);
        }
        for (const unit of UNITS) {
          const loads = plain.officers.filter((o) => o.unitId === unit).map((o) => load.get(o.id)!);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('draws each credit grade at its intended rate over many seeds (within 4 standard errors)', () => {
    const pool = [
      ...CREDIT_GRADES.flatMap((grade, g) =>
        Array.from({ length: 40 }, (_, i) => firm(g * 100 + i, grade)),
      ),
      ...Array.from({ length: 40 }, (_, i) => firm(900 + i, 'WARNING', true)),
    ];
    const inputs: DrawInputs = {
      pool,
      officers,
      recusals: {},
      weights: DEFAULT_DRAW_WEIGHTS,
      officersPerTask: 2,
    };
    const seeds = Array.from({ length: 300 }, (_, i) => `seed-${i}`);
    const groups = new Map<string, { trials: number; drawn: number; p: number }>();
    const keyOf = (f: PoolFirm) => (f.onPositiveList ? 'POSITIVE_LIST' : f.creditGrade);
    for (const f of pool) {
      const group = groups.get(keyOf(f)) ?? {
        trials: 0,
        drawn: 0,
        p: drawProbability(f, inputs.weights),
      };
      group.trials += seeds.length;
      groups.set(keyOf(f), group);
    }
    const byId = new Map(pool.map((f) => [f.id, f]));
    for (const seed of seeds) {
      for (const task of runDraw(inputs, seed))
        groups.get(keyOf(byId.get(task.enterpriseId)!))!.drawn += 1;
    }
    for (const [key, { trials, drawn, p }] of groups) {
      const rate = drawn / trials;
      const se = Math.sqrt((p * (1 - p)) / trials);
      expect({ key, off: Math.abs(rate - p) <= 4 * se }).toEqual({ key, off: true });
    }
    // and the intended order holds: 严重失信 most, then 警示, 良好, 诚信, the positive list least
    const rate = (key: string) => groups.get(key)!.drawn / groups.get(key)!.trials;
    expect(rate('SERIOUSLY_DISHONEST')).toBeGreaterThan(rate('WARNING'));
    expect(rate('WARNING')).toBeGreaterThan(rate('GOOD'));
    expect(rate('GOOD')).toBeGreaterThan(rate('TRUSTWORTHY'));
    expect(rate('TRUSTWORTHY')).toBeGreaterThan(rate('POSITIVE_LIST'));
  });

  it('commits to inputs and seed with hashes that change with any change', () => {
    const inputs: DrawInputs = {
      pool: [firm(1, 'GOOD'), firm(2, 'WARNING')],
      officers,
      recusals: {},
      weights: DEFAULT_DRAW_WEIGHTS,
      officersPerTask: 2,
    };
    expect(drawInputsHash(inputs)).toMatch(/^[0-9a-f]{128}$/);
    expect(drawInputsHash(structuredClone(inputs))).toBe(drawInputsHash(inputs));
    const changed = structuredClone(inputs);
    changed.pool[0].creditGrade = 'WARNING';
    expect(drawInputsHash(changed)).not.toBe(drawInputsHash(inputs));
    expect(seedCommitment('abc')).toMatch(/^[0-9a-f]{128}$/);
    expect(seedCommitment('abc')).not.toBe(seedCommitment('abd'));
  });
});
