import fc from 'fast-check';
import { DEFAULT_DRAW_WEIGHTS } from '../draws/draw';
import { CREDIT_GRADES } from '../enterprise';
import { PURPOSES, type Purpose } from '../purposes';
import { REASON_CODES } from '../reasons';
import {
  CHECK_IN_CODE_STATUSES,
  evaluateCheckIn,
  isCapExempt,
  isRefusingReason,
  REFUSING_REASON_CODES,
  type CheckInCodeStatus,
  type CheckInContext,
  type CheckInDecision,
  type LaterVisit,
  type PriorVisit,
  visitsThatCanMatter,
} from './evaluate-check-in';
import type { CheckInPolicy, QuietPeriodRule } from './policy';

const MINUTE = 60_000;
const DAY = 86_400_000;
const FIRM_IDS = ['firm-1', 'firm-2', 'firm-3'];
const OFFICER_IDS = ['officer-1', 'officer-2', 'officer-3', 'officer-4'];
const UNIT_LEVELS = ['PROVINCE', 'CITY', 'DISTRICT'];
const UNIT_IDS = ['unit-1', 'unit-2', 'unit-3'];
const REFERENCES = ['SJ-1', 'SJ-2', 'XF-1', ' XF-1 ', ''];

/** An instant written in UTC or with a zone offset, as phones and servers send it. */
const isoAt = (ms: number, offsetMinutes: number): string => {
  if (offsetMinutes === 0) return new Date(ms).toISOString();
  const local = new Date(ms + offsetMinutes * MINUTE).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
};
const zone = fc.constantFrom(0, 480, -300, 330);

/** A value that is usually the first one, so that allowed check-ins are common too. */
const mostly = <T>(usual: T, ...others: T[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constant(usual), weight: 6 }, fc.constantFrom(usual, ...others));

const purposes = fc.subarray([...PURPOSES]);

const quietPeriodRule: fc.Arbitrary<QuietPeriodRule> = fc.record(
  {
    daysOfMonth: fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 20 }),
    enterpriseIds: fc.subarray(FIRM_IDS),
    creditGrades: fc.subarray([...CREDIT_GRADES]),
    positiveListOnly: fc.boolean(),
    label: fc.constant('安静期'),
  },
  { requiredKeys: ['daysOfMonth'] },
);

const policy: fc.Arbitrary<CheckInPolicy> = fc.record({
  version: fc.integer({ min: 1, max: 1000 }),
  positiveListAllowedPurposes: purposes,
  annualCapPerUnitLevel: fc.integer({ min: 1, max: 4 }),
  capExemptPurposes: purposes,
  repeatVisitWindowDays: fc.integer({ min: 0, max: 30 }),
  ratingWindowDays: fc.constant(7),
  ratingReleaseMinCount: fc.constant(5),
  followUpDeadlineDays: fc.constant(10),
  drawWeights: fc.constant(DEFAULT_DRAW_WEIGHTS),
  drawRecentInspectionMonths: fc.constant(12),
  jurisdictionAssignments: fc.array(
    fc.record({
      reference: fc.constantFrom('SJ-1', 'XF-1', 'ZD-1'),
      kind: fc.constantFrom('JOINT' as const, 'DESIGNATED' as const),
      unitIds: fc.subarray(UNIT_IDS, { minLength: 1 }),
      enterpriseIds: fc.subarray(FIRM_IDS, { minLength: 1 }),
      validFrom: fc.constantFrom('2025-01-01', '2026-06-01'),
      validTo: fc.constantFrom('2026-12-31', '2028-12-31'),
    }),
    { maxLength: 2 },
  ),
  quietPeriods: fc.array(quietPeriodRule, { maxLength: 3 }),
  quietPeriodRefusedPurposes: purposes,
  geofenceDefaultRadiusM: fc.integer({ min: 20, max: 1000 }),
  backfillWindowDays: fc.integer({ min: 0, max: 15 }),
  clockSkewToleranceMinutes: fc.integer({ min: 0, max: 30 }),
  minOfficers: fc.integer({ min: 1, max: 3 }),
  utcOffsetMinutes: fc.constantFrom(480, 0, -300, 330),
});

const reference = fc.option(fc.constantFrom(...REFERENCES), { nil: null, freq: 4 });

/** Instants from 2025 to 2028 (2028 is a leap year; New Year's Eve included). */
const serverMs = fc.integer({
  min: Date.UTC(2025, 0, 1),
  max: Date.UTC(2028, 11, 31, 23, 59),
});

const coOfficer = fc.record({
  id: fc.constantFrom(...OFFICER_IDS),
  active: mostly(true, false),
});

const contextArb: fc.Arbitrary<CheckInContext> = fc
  .record({
    server: serverMs,
    // The scan: up to 15 days before the server saw it, or up to an hour ahead (skewed clock).
    clientOffset: fc.oneof(
      fc.integer({ min: -15 * DAY, max: 60 * MINUTE }),
      fc.integer({ min: -10 * MINUTE, max: 10 * MINUTE }),
    ),
    serverZone: zone,
    clientZone: zone,
    purpose: fc.constantFrom(...PURPOSES),
    reference,
    codeStatus: mostly<CheckInCodeStatus>('VALID', ...CHECK_IN_CODE_STATUSES),
    officer: fc.record({
      id: fc.constantFrom(...OFFICER_IDS),
      active: mostly(true, false),
      unitId: fc.constantFrom('unit-1', 'unit-2'),
      unitLevel: fc.constantFrom(...UNIT_LEVELS),
      jurisdictionUnitIds: fc.option(fc.subarray(UNIT_IDS), { nil: undefined }),
    }),
    coOfficers: fc.array(coOfficer, { maxLength: 5 }),
    enterprise: fc.record({
      id: fc.constantFrom(...FIRM_IDS),
      onPositiveList: mostly(false, true),
      creditGrade: fc.constantFrom(...CREDIT_GRADES),
      unitId: fc.option(fc.constantFrom(...UNIT_IDS), { nil: undefined }),
    }),
    gate: fc.record({
      lat: fc.double({ min: 34, max: 35, noNaN: true }),
      lng: fc.double({ min: 113, max: 114, noNaN: true }),
      radiusM: fc.option(fc.integer({ min: 20, max: 1000 }), { nil: null }),
    }),
    location: fc.option(
      fc.record({
        dLat: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
        dLng: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
        accuracy: fc.double({ min: 0, max: 500, noNaN: true }),
      }),
      { nil: null },
    ),
    priorVisits: fc.array(
      fc.record({
        // From 400 days before the scan to a day after it (recorded after an offline scan).
        offset: fc.oneof(
          fc.integer({ min: -400 * DAY, max: DAY }),
          fc.integer({ min: -10 * DAY, max: MINUTE }),
        ),
        zone,
        purpose: fc.constantFrom(...PURPOSES),
        reference,
        unitLevel: fc.constantFrom(...UNIT_LEVELS),
      }),
      { maxLength: 8 },
    ),
    // Visits recorded before this check-in arrived, with a later time (it synced late).
    laterVisits: fc.array(
      fc.record({
        offset: fc.integer({ min: MINUTE, max: 14 * DAY }),
        zone,
        purpose: fc.constantFrom(...PURPOSES),
        reference,
        unitLevel: fc.constantFrom(...UNIT_LEVELS),
      }),
      { maxLength: 4 },
    ),
    policy,
  })
  .map((r) => {
    const clientMs = r.server + r.clientOffset;
    return {
      serverTime: isoAt(r.server, r.serverZone),
      clientTime: isoAt(clientMs, r.clientZone),
      purpose: r.purpose,
      reference: r.reference,
      code: { status: r.codeStatus },
      officer: r.officer,
      coOfficers: r.coOfficers,
      enterprise: r.enterprise,
      gate: r.gate,
      location:
        r.location === null
          ? null
          : {
              lat: r.gate.lat + r.location.dLat,
              lng: r.gate.lng + r.location.dLng,
              accuracy: r.location.accuracy,
            },
      priorVisits: r.priorVisits.map((v): PriorVisit => ({
        checkedInAt: isoAt(clientMs + v.offset, v.zone),
        purpose: v.purpose,
        reference: v.reference,
        unitLevel: v.unitLevel,
      })),
      laterVisits: r.laterVisits.map((v, i): LaterVisit => ({
        id: `later-${i}`,
        checkedInAt: isoAt(clientMs + v.offset, v.zone),
        purpose: v.purpose,
        reference: v.reference,
        unitLevel: v.unitLevel,
      })),
      policy: r.policy,
    };
  });

const codesOf = (decision: CheckInDecision) => decision.reasons.map((item) => item.code);

/** A permutation of a list, drawn by fast-check. */
const permutation = <T>(items: readonly T[]): fc.Arbitrary<T[]> =>
  fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

describe('evaluateCheckIn properties', () => {
  it('never lets an officer into a positive-list firm for a purpose the policy does not allow', () => {
    const atListedFirm = fc
      .tuple(contextArb, fc.nat())
      .filter(([ctx]) => ctx.policy.positiveListAllowedPurposes.length < PURPOSES.length)
      .map(([ctx, pick]): CheckInContext => {
        const forbidden = PURPOSES.filter(
          (p) => !ctx.policy.positiveListAllowedPurposes.includes(p),
        );
        return {
          ...ctx,
          purpose: forbidden[pick % forbidden.length],
          enterprise: { ...ctx.enterprise, onPositiveList: true },
        };
      });
    fc.assert(
      fc.property(atListedFirm, (ctx) => {
        const decision = evaluateCheckIn(ctx);
        expect(decision.outcome).toBe('REFUSED');
        expect(codesOf(decision)).toContain('POSITIVE_LIST_NO_DISTURBANCE');
      }),
    );
  });

  it('lets an officer into a positive-list firm only for an allowed purpose', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        const decision = evaluateCheckIn(ctx);
        if (ctx.enterprise.onPositiveList && decision.outcome !== 'REFUSED') {
          expect(ctx.policy.positiveListAllowedPurposes).toContain(ctx.purpose);
        }
      }),
    );
  });

  it('never refuses complaint verification for the annual cap or a quiet period', () => {
    // Policies that would refuse it if they could: complaints neither exempt nor spared.
    const complaint = fc
      .tuple(contextArb, fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 31 }))
      .map(([ctx, exempt, quietEveryDay, day]): CheckInContext => {
        const quietPeriods: QuietPeriodRule[] = quietEveryDay
          ? [{ daysOfMonth: Array.from({ length: 31 }, (_, i) => i + 1) }]
          : [...ctx.policy.quietPeriods, { daysOfMonth: [day] }];
        return {
          ...ctx,
          purpose: 'COMPLAINT_VERIFICATION',
          priorVisits: ctx.priorVisits.map((v) => ({ ...v, unitLevel: ctx.officer.unitLevel })),
          policy: {
            ...ctx.policy,
            annualCapPerUnitLevel: 1,
            capExemptPurposes: exempt ? ctx.policy.capExemptPurposes : [],
            quietPeriods,
            quietPeriodRefusedPurposes: [...PURPOSES],
          },
        };
      });
    fc.assert(
      fc.property(complaint, (ctx) => {
        const codes = codesOf(evaluateCheckIn(ctx));
        expect(codes).not.toContain('ANNUAL_CAP_REACHED');
        expect(codes).not.toContain('QUIET_PERIOD');
      }),
    );
  });

  it('decides the same under any order of prior visits and co-officers', () => {
    const permuted = contextArb.chain((ctx) =>
      fc.tuple(
        fc.constant(ctx),
        permutation(ctx.priorVisits),
        permutation(ctx.coOfficers),
        permutation(ctx.laterVisits ?? []),
      ),
    );
    fc.assert(
      fc.property(permuted, ([ctx, priorVisits, coOfficers, laterVisits]) => {
        const decision = evaluateCheckIn({ ...ctx, priorVisits, coOfficers, laterVisits });
        const expected = evaluateCheckIn(ctx);
        // The same conflicts, whichever order the later visits were listed in.
        const sorted = (d: CheckInDecision) =>
          d.reasons.map((r) => ({
            ...r,
            conflictsWith: r.conflictsWith && [...r.conflictsWith].sort(),
          }));
        expect(sorted(decision)).toEqual(sorted(expected));
        expect({ ...decision, reasons: [] }).toEqual({ ...expected, reasons: [] });
      }),
    );
  });

  it('decides the same on the visits that can matter alone (what the server reads)', () => {
    let dropped = 0;
    let droppedCounted = 0;
    let changedByAll = 0;
    fc.assert(
      fc.property(contextArb, (ctx) => {
        // The server reads the earlier and the later visits together, then splits them.
        const later = ctx.laterVisits ?? [];
        const kept = new Set<PriorVisit>(visitsThatCanMatter([...ctx.priorVisits, ...later], ctx));
        const priorVisits = ctx.priorVisits.filter((v) => kept.has(v));
        const laterVisits = later.filter((v) => kept.has(v));
        const gone = [...ctx.priorVisits, ...later].filter((v) => !kept.has(v));
        dropped += gone.length;
        droppedCounted += gone.filter(
          (v) => v.unitLevel === ctx.officer.unitLevel && !isCapExempt(ctx.policy, v.purpose),
        ).length;
        expect(evaluateCheckIn({ ...ctx, priorVisits, laterVisits })).toEqual(evaluateCheckIn(ctx));
        // Not vacuous: without the visits, decisions do differ in some cases.
        const bare = evaluateCheckIn({ ...ctx, priorVisits: [], laterVisits: [] });
        if (JSON.stringify(bare) !== JSON.stringify(evaluateCheckIn(ctx))) changedByAll += 1;
      }),
      { numRuns: 2000 },
    );
    expect(dropped).toBeGreaterThan(1000);
    // Visits the cap counts are dropped too, past the latest `annualCapPerUnitLevel` of them.
    // (49–74 in six runs of 2,000 random contexts: the bound leaves room for the draw.)
    expect(droppedCounted).toBeGreaterThan(20);
    expect(changedByAll).toBeGreaterThan(50);
  });

  it('keeps the latest annualCapPerUnitLevel of the counted visits before the repeat window', () => {
    const ctx = fc.sample(contextArb, { numRuns: 1, seed: 7 })[0];
    const policy = {
      ...ctx.policy,
      annualCapPerUnitLevel: 2,
      capExemptPurposes: [],
      repeatVisitWindowDays: 7,
    };
    const scan = { ...ctx, policy, clientTime: ctx.serverTime };
    const server = Date.parse(ctx.serverTime);
    const visit = (daysBefore: number, unitLevel: string, purpose: Purpose = 'ROUTINE') => ({
      checkedInAt: new Date(server - daysBefore * DAY).toISOString(),
      purpose,
      unitLevel,
    });
    const level = ctx.officer.unitLevel;
    const other = UNIT_LEVELS.find((l) => l !== level)!;
    const visits = [
      visit(200, level),
      visit(30, level),
      visit(90, level),
      visit(60, other),
      visit(45, level, 'COMPLAINT_VERIFICATION'),
      visit(3, other),
      visit(2, level),
    ];
    // In the window: both visits 3 and 2 days before; before it: the two latest counted ones.
    expect(visitsThatCanMatter(visits, scan)).toEqual([visits[1], visits[2], visits[5], visits[6]]);
  });

  it('refuses exactly when a refusing reason is present', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        const decision = evaluateCheckIn(ctx);
        const codes = codesOf(decision);
        const refusing = codes.some(
          (code) =>
            REFUSING_REASON_CODES.includes(code) ||
            (code === 'REPEAT_VISIT' && ctx.enterprise.onPositiveList),
        );
        expect(decision.outcome === 'REFUSED').toBe(refusing);
        expect(decision.outcome === 'ALLOWED').toBe(codes.length === 0);
        expect(decision.outcome === 'FLAGGED').toBe(!refusing && codes.length > 0);
      }),
    );
  });

  it('never repeats a reason, and orders refusing reasons first, each group as REASON_MESSAGES', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        const codes = codesOf(evaluateCheckIn(ctx));
        expect(new Set(codes).size).toBe(codes.length);
        const rank = (code: (typeof codes)[number]) =>
          (isRefusingReason(code, ctx.enterprise.onPositiveList) ? 0 : 100) +
          REASON_CODES.indexOf(code);
        const ranks = codes.map(rank);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
    );
  });

  it('records the scan time, or the server time when the phone clock is ahead', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        const decision = evaluateCheckIn(ctx);
        const client = new Date(Date.parse(ctx.clientTime)).toISOString();
        const server = new Date(Date.parse(ctx.serverTime)).toISOString();
        const skewed = codesOf(decision).includes('CLOCK_SKEW');
        expect(decision.effectiveTime).toBe(skewed ? server : client);
        expect(decision.policyVersion).toBe(ctx.policy.version);
      }),
    );
  });

  it('is a pure function of its context', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        const copy = structuredClone(ctx);
        const first = evaluateCheckIn(ctx);
        expect(ctx).toEqual(copy);
        expect(evaluateCheckIn(copy)).toEqual(first);
      }),
    );
  });

  it('refuses every purpose that lacks its reference', () => {
    const needsReference = (p: Purpose) => p !== 'ROUTINE';
    fc.assert(
      fc.property(contextArb, (ctx) => {
        const blank = ctx.reference === null || ctx.reference.trim() === '';
        const codes = codesOf(evaluateCheckIn(ctx));
        expect(codes.includes('REFERENCE_REQUIRED')).toBe(needsReference(ctx.purpose) && blank);
      }),
    );
  });

  it('never admits a late check-in that breaks the cap on the time-ordered record without flagging it', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        const decision = evaluateCheckIn(ctx);
        if (decision.outcome === 'REFUSED') return;
        const { policy, officer, purpose } = ctx;
        const exempt = (p: Purpose) =>
          p === 'COMPLAINT_VERIFICATION' || policy.capExemptPurposes.includes(p);
        if (exempt(purpose)) return;
        const effective = Date.parse(decision.effectiveTime);
        const year = (ms: number) =>
          new Date(ms + policy.utcOffsetMinutes * MINUTE).getUTCFullYear();
        const counted = (v: PriorVisit) =>
          v.unitLevel === officer.unitLevel &&
          !exempt(v.purpose) &&
          year(Date.parse(v.checkedInAt)) === year(effective);
        const before = ctx.priorVisits.filter(counted).length;
        const after = (ctx.laterVisits ?? [])
          .filter((v) => Date.parse(v.checkedInAt) > effective)
          .filter(counted).length;
        const conflict = decision.reasons.find((r) => r.code === 'LATE_SYNC_CONFLICT');
        const capConflict = conflict?.detail?.split(',').includes('ANNUAL_CAP_REACHED') ?? false;
        expect(capConflict).toBe(before + 1 + after > policy.annualCapPerUnitLevel);
      }),
    );
  });

  it('flags a late-sync conflict only for a check-in that arrives after later visits, naming only them', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        const inOrder = evaluateCheckIn({ ...ctx, laterVisits: [] });
        expect(codesOf(inOrder)).not.toContain('LATE_SYNC_CONFLICT');
        const decision = evaluateCheckIn(ctx);
        const conflict = decision.reasons.find((r) => r.code === 'LATE_SYNC_CONFLICT');
        if (!conflict) return;
        expect(decision.outcome).toBe('FLAGGED');
        const ids = (ctx.laterVisits ?? []).map((v) => v.id);
        expect(conflict.conflictsWith?.length).toBeGreaterThan(0);
        for (const id of conflict.conflictsWith ?? []) expect(ids).toContain(id);
        expect(conflict.detail).toMatch(
          /^(ANNUAL_CAP_REACHED|REPEAT_VISIT)(,(ANNUAL_CAP_REACHED|REPEAT_VISIT))?$/,
        );
        // Apart from the conflict, the same decision as if it had arrived in order.
        expect(decision.reasons.filter((r) => r.code !== 'LATE_SYNC_CONFLICT')).toEqual(
          inOrder.reasons,
        );
      }),
    );
  });

  it('flags an officer outside his jurisdiction, never refuses for it, and not when the units are unknown', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        const decision = evaluateCheckIn(ctx);
        const flagged = codesOf(decision).includes('OUT_OF_JURISDICTION');
        const { officer, enterprise } = ctx;
        if (!officer.jurisdictionUnitIds || !enterprise.unitId) {
          expect(flagged).toBe(false);
          return;
        }
        if (officer.jurisdictionUnitIds.includes(enterprise.unitId)) expect(flagged).toBe(false);
        const reference = ctx.reference?.trim() || null;
        const day = new Date(
          Date.parse(decision.effectiveTime) + ctx.policy.utcOffsetMinutes * MINUTE,
        )
          .toISOString()
          .slice(0, 10);
        const assigned = ctx.policy.jurisdictionAssignments.some(
          (a) =>
            a.reference === reference &&
            a.unitIds.includes(officer.unitId) &&
            a.enterpriseIds.includes(enterprise.id) &&
            a.validFrom <= day &&
            day <= a.validTo,
        );
        if (!officer.jurisdictionUnitIds.includes(enterprise.unitId)) {
          expect(flagged).toBe(!assigned);
        }
        // Without the jurisdiction facts the outcome is the same but for this flag.
        const unknown = evaluateCheckIn({
          ...ctx,
          enterprise: { ...enterprise, unitId: undefined },
        });
        expect(codesOf(unknown)).toEqual(
          codesOf(decision).filter((c) => c !== 'OUT_OF_JURISDICTION'),
        );
      }),
    );
  });
});
