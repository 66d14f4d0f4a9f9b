import { reason, REASON_MESSAGES, type ReasonCode } from '../reasons';
import {
  evaluateCheckIn,
  isRefusingReason,
  splitRefusal,
  type CheckInContext,
  type LaterVisit,
  type PriorVisit,
} from './evaluate-check-in';
import { distanceMeters } from './geo';
import { DEFAULT_CHECK_IN_POLICY, type CheckInPolicy, type QuietPeriodRule } from './policy';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** 10:00 on Tuesday 12 May 2026 in China. */
const NOW = '2026-05-12T02:00:00.000Z';
const GATE = { lat: 34.7466, lng: 113.6254, radiusM: null };

const at = (base: string, offsetMs: number) => new Date(Date.parse(base) + offsetMs).toISOString();

/** The drawn task SJ-2026-001: firm-1, officers a, b and c, over a period no test leaves. */
const TASK = {
  enterpriseId: 'firm-1',
  officerIds: ['officer-a', 'officer-b', 'officer-c'],
  periodStart: '2000-01-01',
  periodEnd: '2099-12-31',
};

/** A check-in that is allowed: two active officers, a random inspection with its task, at the gate. */
function context(overrides: Partial<CheckInContext> = {}): CheckInContext {
  return {
    serverTime: NOW,
    clientTime: NOW,
    purpose: 'RANDOM_INSPECTION',
    reference: 'SJ-2026-001',
    code: { status: 'VALID' },
    officer: { id: 'officer-a', active: true, unitId: 'unit-1', unitLevel: 'CITY' },
    coOfficers: [{ id: 'officer-b', active: true }],
    enterprise: { id: 'firm-1', onPositiveList: false, creditGrade: 'GOOD' },
    gate: GATE,
    location: { lat: GATE.lat, lng: GATE.lng, accuracy: 10 },
    priorVisits: [],
    randomTask: TASK,
    policy: DEFAULT_CHECK_IN_POLICY,
    ...overrides,
  };
}

const policy = (overrides: Partial<CheckInPolicy>): CheckInPolicy => ({
  ...DEFAULT_CHECK_IN_POLICY,
  ...overrides,
});

const visit = (overrides: Partial<PriorVisit> = {}): PriorVisit => ({
  checkedInAt: at(NOW, -30 * DAY),
  purpose: 'RANDOM_INSPECTION',
  reference: 'SJ-2026-000',
  unitLevel: 'CITY',
  ...overrides,
});

const codes = (ctx: CheckInContext): ReasonCode[] =>
  evaluateCheckIn(ctx).reasons.map((item) => item.code);

describe('evaluateCheckIn', () => {
  describe('outcome', () => {
    it('allows a well-formed check-in without reasons', () => {
      expect(evaluateCheckIn(context())).toEqual({
        outcome: 'ALLOWED',
        reasons: [],
        policyVersion: 1,
        effectiveTime: NOW,
      });
    });

    it('flags without refusing when only flags apply', () => {
      const decision = evaluateCheckIn(context({ coOfficers: [], location: null }));
      expect(decision.outcome).toBe('FLAGGED');
      expect(decision.reasons).toEqual([reason('SINGLE_OFFICER'), reason('OUT_OF_GEOFENCE')]);
    });

    it('records the policy version it decided under', () => {
      expect(evaluateCheckIn(context({ policy: policy({ version: 7 }) })).policyVersion).toBe(7);
    });

    it('orders refusing reasons first, then flags, each in the order of REASON_MESSAGES', () => {
      const ctx = context({
        code: { status: 'INVALID' },
        reference: null,
        coOfficers: [],
        location: null,
        enterprise: { id: 'firm-1', onPositiveList: true, creditGrade: 'GOOD' },
        clientTime: at(NOW, -11 * DAY),
      });
      expect(codes(ctx)).toEqual([
        'POSITIVE_LIST_NO_DISTURBANCE',
        'REFERENCE_REQUIRED',
        'CODE_INVALID',
        'SINGLE_OFFICER',
        'OUT_OF_GEOFENCE',
        'LATE_SYNC',
      ]);
      expect(evaluateCheckIn(ctx).outcome).toBe('REFUSED');
    });

    it('gives every reason with the message of REASON_MESSAGES', () => {
      const decision = evaluateCheckIn(context({ code: { status: 'REVOKED' }, coOfficers: [] }));
      for (const item of decision.reasons) expect(item.message).toBe(REASON_MESSAGES[item.code]);
    });

    it('does not modify its input', () => {
      const ctx = context({
        coOfficers: [
          { id: 'officer-c', active: true },
          { id: 'officer-b', active: true },
        ],
        priorVisits: [
          visit({ checkedInAt: at(NOW, -DAY) }),
          visit({ checkedInAt: at(NOW, -9 * DAY) }),
        ],
      });
      const copy = structuredClone(ctx);
      evaluateCheckIn(ctx);
      expect(ctx).toEqual(copy);
    });
  });

  describe('gate code', () => {
    it.each([
      ['VALID', []],
      ['REVOKED', ['CODE_REVOKED']],
      ['INVALID', ['CODE_INVALID']],
    ] as const)('code %s gives %j', (status, expected) => {
      expect(codes(context({ code: { status } }))).toEqual(expected);
    });

    it('still decides, refusing, when the code fails verification', () => {
      const decision = evaluateCheckIn(context({ code: { status: 'INVALID' } }));
      expect(decision).toMatchObject({ outcome: 'REFUSED', effectiveTime: NOW, policyVersion: 1 });
    });

    it('treats an unknown status as invalid', () => {
      const ctx = context({ code: { status: 'EXPIRED' as 'VALID' } });
      expect(codes(ctx)).toEqual(['CODE_INVALID']);
    });
  });

  describe('officers', () => {
    const a = 'officer-a';
    it.each([
      ['the officer is inactive', false, [{ id: 'officer-b', active: true }], ['OFFICER_INACTIVE']],
      [
        'a co-officer is inactive',
        true,
        [{ id: 'officer-b', active: false }],
        ['OFFICER_INACTIVE', 'SINGLE_OFFICER'],
      ],
      [
        'one of two co-officers is inactive',
        true,
        [
          { id: 'officer-b', active: true },
          { id: 'officer-c', active: false },
        ],
        ['OFFICER_INACTIVE'],
      ],
      ['there is no co-officer', true, [], ['SINGLE_OFFICER']],
      [
        'the only co-officer is the officer himself',
        true,
        [{ id: a, active: true }],
        ['SINGLE_OFFICER'],
      ],
      [
        'the officer lists himself besides a colleague',
        true,
        [
          { id: a, active: true },
          { id: 'officer-b', active: true },
        ],
        [],
      ],
      [
        'the officer lists himself as inactive (his own record decides)',
        true,
        [
          { id: a, active: false },
          { id: 'officer-b', active: true },
        ],
        [],
      ],
      [
        'one co-officer is listed twice',
        true,
        [
          { id: 'officer-b', active: true },
          { id: 'officer-b', active: true },
        ],
        [],
      ],
    ])('when %s', (_, active, coOfficers, expected) => {
      const officer = { id: a, active, unitId: 'unit-1', unitLevel: 'CITY' };
      expect(codes(context({ officer, coOfficers }))).toEqual(expected);
    });

    it.each([
      [1, [], []],
      [3, [{ id: 'officer-b', active: true }], ['SINGLE_OFFICER']],
      [
        3,
        [
          { id: 'officer-b', active: true },
          { id: 'officer-b', active: true },
        ],
        ['SINGLE_OFFICER'],
      ],
      [
        3,
        [
          { id: 'officer-b', active: true },
          { id: 'officer-a', active: true },
        ],
        ['SINGLE_OFFICER'],
      ],
      [
        3,
        [
          { id: 'officer-b', active: true },
          { id: 'officer-c', active: true },
        ],
        [],
      ],
    ])('with minOfficers %i and co-officers %j gives %j', (minOfficers, coOfficers, expected) => {
      expect(codes(context({ policy: policy({ minOfficers }), coOfficers }))).toEqual(expected);
    });
  });

  describe('reference', () => {
    it.each([
      ['RANDOM_INSPECTION', null, ['REFERENCE_REQUIRED']],
      ['RANDOM_INSPECTION', '', ['REFERENCE_REQUIRED']],
      ['COMPLAINT_VERIFICATION', '   ', ['REFERENCE_REQUIRED']],
      ['ASSIGNED_BY_SUPERIOR', 'JB-1', []],
      ['ROUTINE', null, []],
      ['ROUTINE', 'anything', []],
    ] as const)('purpose %s with reference %j gives %j', (purpose, reference, expected) => {
      expect(codes(context({ purpose, reference }))).toEqual(expected);
    });
  });

  describe('positive list (无事不扰)', () => {
    const listed = { id: 'firm-1', onPositiveList: true, creditGrade: 'TRUSTWORTHY' } as const;

    it.each([
      ['RANDOM_INSPECTION', 'REFUSED'],
      ['SPECIAL_CAMPAIGN', 'REFUSED'],
      ['ROUTINE', 'REFUSED'],
      ['COMPLAINT_VERIFICATION', 'ALLOWED'],
      ['REQUESTED_SERVICE', 'ALLOWED'],
    ] as const)('%s at a listed firm is %s', (purpose, outcome) => {
      const decision = evaluateCheckIn(context({ purpose, reference: 'X-1', enterprise: listed }));
      expect(decision.outcome).toBe(outcome);
      if (outcome === 'REFUSED')
        expect(decision.reasons).toEqual([reason('POSITIVE_LIST_NO_DISTURBANCE')]);
    });

    it('follows the purposes the policy allows', () => {
      const ctx = context({
        enterprise: listed,
        policy: policy({
          positiveListAllowedPurposes: ['COMPLAINT_VERIFICATION', 'RANDOM_INSPECTION'],
        }),
      });
      expect(evaluateCheckIn(ctx).outcome).toBe('ALLOWED');
    });

    it('does not restrict a firm off the list', () => {
      expect(codes(context({ purpose: 'SPECIAL_CAMPAIGN', reference: 'ZX-1' }))).toEqual([]);
    });
  });

  describe('annual cap per unit level', () => {
    const visits = (n: number, overrides: Partial<PriorVisit> = {}) =>
      Array.from({ length: n }, (_, i) =>
        visit({ checkedInAt: at(NOW, -(30 + i) * DAY), reference: `SJ-${i}`, ...overrides }),
      );

    it.each([
      [1, 0, []],
      [1, 1, ['ANNUAL_CAP_REACHED']],
      [2, 1, []],
      [2, 2, ['ANNUAL_CAP_REACHED']],
      [2, 3, ['ANNUAL_CAP_REACHED']],
    ])('cap %i with %i earlier visits gives %j', (cap, earlier, expected) => {
      const ctx = context({
        policy: policy({ annualCapPerUnitLevel: cap }),
        priorVisits: visits(earlier),
      });
      expect(codes(ctx)).toEqual(expected);
    });

    it('counts only visits by units of the same level', () => {
      expect(codes(context({ priorVisits: visits(3, { unitLevel: 'PROVINCE' }) }))).toEqual([]);
      const mixed = [...visits(1), ...visits(2, { unitLevel: 'DISTRICT' })];
      expect(codes(context({ priorVisits: mixed }))).toEqual([]);
    });

    it('does not count exempt purposes', () => {
      const priorVisits = [
        ...visits(2, { purpose: 'COMPLAINT_VERIFICATION' }),
        ...visits(2, { purpose: 'REQUESTED_SERVICE' }),
        ...visits(1),
      ];
      expect(codes(context({ priorVisits }))).toEqual([]);
    });

    it.each(['COMPLAINT_VERIFICATION', 'REQUESTED_SERVICE'] as const)(
      'does not limit %s',
      (purpose) => {
        expect(codes(context({ purpose, reference: 'NEW-1', priorVisits: visits(5) }))).toEqual([]);
      },
    );

    it('never limits complaint verification, even if the policy stops exempting it', () => {
      const ctx = context({
        purpose: 'COMPLAINT_VERIFICATION',
        reference: 'XF-9',
        policy: policy({ capExemptPurposes: [] }),
        priorVisits: visits(5, { purpose: 'COMPLAINT_VERIFICATION' }),
      });
      expect(codes(ctx)).toEqual([]);
    });

    it('limits and counts a purpose the policy no longer exempts', () => {
      const ctx = context({
        purpose: 'REQUESTED_SERVICE',
        reference: 'SQ-9',
        policy: policy({ capExemptPurposes: ['COMPLAINT_VERIFICATION'] }),
        priorVisits: visits(2, { purpose: 'REQUESTED_SERVICE' }),
      });
      expect(codes(ctx)).toEqual(['ANNUAL_CAP_REACHED']);
    });

    describe('calendar year in China time', () => {
      // 2026-12-31T17:00Z is 01:00 on 1 January 2027 in China.
      const newYear = '2026-12-31T17:00:00.000Z';
      const lastYear = (checkedInAt: string) =>
        context({
          serverTime: newYear,
          clientTime: newYear,
          policy: policy({ annualCapPerUnitLevel: 1, repeatVisitWindowDays: 0 }),
          priorVisits: [visit({ checkedInAt })],
        });

      it('does not count a visit at 23:59 on 31 December (China) in the new year', () => {
        expect(codes(lastYear('2026-12-31T15:59:00.000Z'))).toEqual([]);
      });

      it('counts a visit at 00:00 on 1 January (China) although it is still 2026 in UTC', () => {
        expect(codes(lastYear('2026-12-31T16:00:00.000Z'))).toEqual(['ANNUAL_CAP_REACHED']);
      });

      it('reads an offset in the visit time', () => {
        expect(codes(lastYear('2027-01-01T00:00:00+08:00'))).toEqual(['ANNUAL_CAP_REACHED']);
        expect(codes(lastYear('2026-12-31T23:59:59+08:00'))).toEqual([]);
      });

      it('follows the policy offset', () => {
        const utc = lastYear('2026-12-31T15:59:00.000Z');
        const ctx = { ...utc, policy: { ...utc.policy, utcOffsetMinutes: 0 } };
        expect(codes(ctx)).toEqual(['ANNUAL_CAP_REACHED']);
      });
    });
  });

  describe('quiet period (安静期)', () => {
    // 2026-05-14T17:00Z is 01:00 on 15 May in China.
    const fifteenth = '2026-05-14T17:00:00.000Z';
    const quiet = (
      rule: QuietPeriodRule,
      overrides: Partial<CheckInContext> = {},
      policyOverrides: Partial<CheckInPolicy> = {},
    ) =>
      codes(
        context({
          serverTime: fifteenth,
          clientTime: fifteenth,
          purpose: 'ROUTINE',
          reference: null,
          policy: policy({ quietPeriods: [rule], ...policyOverrides }),
          ...overrides,
        }),
      ).includes('QUIET_PERIOD');

    it('uses the day of the month in China time', () => {
      expect(quiet({ daysOfMonth: [15] })).toBe(true);
      expect(quiet({ daysOfMonth: [14] })).toBe(false);
      expect(quiet({ daysOfMonth: [14] }, {}, { utcOffsetMinutes: 0 })).toBe(true);
    });

    it('refuses with QUIET_PERIOD only', () => {
      const ctx = context({
        serverTime: fifteenth,
        clientTime: fifteenth,
        purpose: 'ROUTINE',
        reference: null,
        policy: policy({ quietPeriods: [{ daysOfMonth: [1, 15, 28] }] }),
      });
      expect(evaluateCheckIn(ctx)).toMatchObject({
        outcome: 'REFUSED',
        reasons: [reason('QUIET_PERIOD')],
      });
    });

    const firm = { id: 'firm-1', onPositiveList: false, creditGrade: 'GOOD' } as const;
    it.each<[string, QuietPeriodRule, boolean]>([
      ['a rule naming no firms applies to all', { daysOfMonth: [15] }, true],
      [
        'empty lists name no firms',
        { daysOfMonth: [15], enterpriseIds: [], creditGrades: [] },
        true,
      ],
      [
        'positiveListOnly false names no firms',
        { daysOfMonth: [15], positiveListOnly: false },
        true,
      ],
      ['enterpriseIds containing the firm', { daysOfMonth: [15], enterpriseIds: ['firm-1'] }, true],
      ['enterpriseIds without the firm', { daysOfMonth: [15], enterpriseIds: ['firm-2'] }, false],
      ['creditGrades containing its grade', { daysOfMonth: [15], creditGrades: ['GOOD'] }, true],
      [
        'creditGrades without its grade',
        { daysOfMonth: [15], creditGrades: ['TRUSTWORTHY'] },
        false,
      ],
      ['positiveListOnly, firm not listed', { daysOfMonth: [15], positiveListOnly: true }, false],
      [
        'another selector matching',
        { daysOfMonth: [15], enterpriseIds: ['firm-2'], creditGrades: ['GOOD'] },
        true,
      ],
    ])('%s', (_, rule, expected) => {
      expect(quiet(rule, { enterprise: firm })).toBe(expected);
    });

    it('applies a positiveListOnly rule to a listed firm', () => {
      const listed = { ...firm, onPositiveList: true };
      const allowed = { positiveListAllowedPurposes: ['ROUTINE' as const] };
      expect(
        quiet({ daysOfMonth: [15], positiveListOnly: true }, { enterprise: listed }, allowed),
      ).toBe(true);
    });

    it.each([
      ['RANDOM_INSPECTION', ['ROUTINE'], false],
      ['RANDOM_INSPECTION', ['ROUTINE', 'RANDOM_INSPECTION'], true],
      ['COMPLAINT_VERIFICATION', ['ROUTINE', 'COMPLAINT_VERIFICATION'], false],
    ] as const)('%s when the policy refuses %j: %s', (purpose, refused, expected) => {
      const result = quiet(
        { daysOfMonth: [15] },
        { purpose, reference: 'REF-1' },
        { quietPeriodRefusedPurposes: refused },
      );
      expect(result).toBe(expected);
    });
  });

  describe('repeat visit', () => {
    const prior = (offsetMs: number, overrides: Partial<PriorVisit> = {}) =>
      visit({ checkedInAt: at(NOW, offsetMs), purpose: 'ROUTINE', reference: null, ...overrides });
    const routine = (priorVisits: PriorVisit[], overrides: Partial<CheckInContext> = {}) =>
      codes(context({ purpose: 'ROUTINE', reference: null, priorVisits, ...overrides }));

    it.each([
      ['just now', 0, ['REPEAT_VISIT']],
      ['7 days minus a minute before', -7 * DAY + MINUTE, ['REPEAT_VISIT']],
      ['exactly 7 days before', -7 * DAY, ['REPEAT_VISIT']],
      ['7 days plus a minute before', -7 * DAY - MINUTE, []],
      ['a minute after (recorded after this offline scan)', MINUTE, []],
    ])('flags a routine check-in after a visit %s: %j', (_, offset, expected) => {
      expect(routine([prior(offset)])).toEqual(expected);
    });

    it('follows the policy window', () => {
      const ctx = { policy: policy({ repeatVisitWindowDays: 3 }) };
      expect(routine([prior(-3 * DAY + MINUTE)], ctx)).toEqual(['REPEAT_VISIT']);
      expect(routine([prior(-3 * DAY - MINUTE)], ctx)).toEqual([]);
    });

    it('counts a routine check-in after any recent visit, whatever its purpose or unit', () => {
      const other = prior(-DAY, {
        purpose: 'SPECIAL_CAMPAIGN',
        reference: 'ZX-1',
        unitLevel: 'PROVINCE',
      });
      expect(routine([other])).toEqual(['REPEAT_VISIT']);
    });

    it.each([
      [
        'the same complaint number',
        'COMPLAINT_VERIFICATION',
        'XF-1',
        'COMPLAINT_VERIFICATION',
        'XF-1',
        true,
      ],
      [
        'a new complaint number',
        'COMPLAINT_VERIFICATION',
        'XF-1',
        'COMPLAINT_VERIFICATION',
        'XF-2',
        false,
      ],
      [
        'the same number with spaces',
        'COMPLAINT_VERIFICATION',
        ' XF-1 ',
        'COMPLAINT_VERIFICATION',
        'XF-1',
        true,
      ],
      ['the same task', 'RANDOM_INSPECTION', 'SJ-1', 'RANDOM_INSPECTION', 'SJ-1', true],
      ['a new task', 'RANDOM_INSPECTION', 'SJ-1', 'RANDOM_INSPECTION', 'SJ-2', false],
      [
        'the same reference for another purpose',
        'SPECIAL_CAMPAIGN',
        'X-1',
        'RANDOM_INSPECTION',
        'X-1',
        false,
      ],
      ['an earlier routine visit', 'ROUTINE', null, 'RANDOM_INSPECTION', 'SJ-1', false],
    ] as const)('after %s', (_, priorPurpose, priorReference, purpose, reference, repeat) => {
      const priorVisits = [prior(-2 * DAY, { purpose: priorPurpose, reference: priorReference })];
      const result = codes(context({ purpose, reference, priorVisits }));
      expect(result).toEqual(repeat ? ['REPEAT_VISIT'] : []);
    });

    it('is a flag at a firm off the positive list and refuses at a listed firm', () => {
      const priorVisits = [prior(-DAY, { purpose: 'COMPLAINT_VERIFICATION', reference: 'XF-1' })];
      const ctx = (onPositiveList: boolean) =>
        context({
          purpose: 'COMPLAINT_VERIFICATION',
          reference: 'XF-1',
          priorVisits,
          enterprise: { id: 'firm-1', onPositiveList, creditGrade: 'GOOD' },
        });
      expect(evaluateCheckIn(ctx(false))).toMatchObject({
        outcome: 'FLAGGED',
        reasons: [reason('REPEAT_VISIT')],
      });
      expect(evaluateCheckIn(ctx(true))).toMatchObject({
        outcome: 'REFUSED',
        reasons: [reason('REPEAT_VISIT')],
      });
    });

    it('places a refusing repeat visit before the flags', () => {
      const ctx = context({
        purpose: 'COMPLAINT_VERIFICATION',
        reference: 'XF-1',
        coOfficers: [],
        priorVisits: [prior(-DAY, { purpose: 'COMPLAINT_VERIFICATION', reference: 'XF-1' })],
        enterprise: { id: 'firm-1', onPositiveList: true, creditGrade: 'GOOD' },
      });
      expect(codes(ctx)).toEqual(['REPEAT_VISIT', 'SINGLE_OFFICER']);
    });
  });

  describe('geofence', () => {
    // A point about 300 m north of the gate.
    const north = { lat: GATE.lat + 300 / 111_195, lng: GATE.lng };
    const d = distanceMeters(GATE, north);

    it.each([
      ['accuracy just too small', d - 200 - 1, null, ['OUT_OF_GEOFENCE']],
      ['accuracy just enough', d - 200 + 1, null, []],
      ['no accuracy, default radius', 0, null, ['OUT_OF_GEOFENCE']],
      ['no accuracy, gate radius just larger', 0, d + 1, []],
      ['no accuracy, gate radius just smaller', 0, d - 1, ['OUT_OF_GEOFENCE']],
      ['negative accuracy counts as none', -1000, null, ['OUT_OF_GEOFENCE']],
    ])('%s', (_, accuracy, radiusM, expected) => {
      const ctx = context({ gate: { ...GATE, radiusM }, location: { ...north, accuracy } });
      expect(codes(ctx)).toEqual(expected);
    });

    it('follows the default radius of the policy', () => {
      const location = { ...north, accuracy: 0 };
      const ctx = context({ location, policy: policy({ geofenceDefaultRadiusM: d + 1 }) });
      expect(codes(ctx)).toEqual([]);
    });

    it('flags a check-in without a location', () => {
      expect(codes(context({ location: null }))).toEqual(['OUT_OF_GEOFENCE']);
    });

    it('flags a location that is not a number', () => {
      expect(codes(context({ location: { lat: NaN, lng: GATE.lng, accuracy: 5 } }))).toEqual([
        'OUT_OF_GEOFENCE',
      ]);
    });
  });

  describe('time', () => {
    it.each([
      ['synced at once', 0, []],
      ['synced exactly 10 days later', -10 * DAY, []],
      ['synced 10 days and a minute later', -10 * DAY - MINUTE, ['LATE_SYNC']],
    ])('an offline check-in %s: %j', (_, offset, expected) => {
      const clientTime = at(NOW, offset);
      const decision = evaluateCheckIn(context({ clientTime }));
      expect(decision.reasons.map((item) => item.code)).toEqual(expected);
      expect(decision.effectiveTime).toBe(clientTime);
    });

    it('follows the backfill window of the policy', () => {
      const ctx = context({
        clientTime: at(NOW, -2 * DAY),
        policy: policy({ backfillWindowDays: 1 }),
      });
      expect(codes(ctx)).toEqual(['LATE_SYNC']);
    });

    it.each([
      ['behind', -4 * MINUTE, [], false],
      ['ahead within tolerance', 5 * MINUTE, [], false],
      ['ahead beyond tolerance', 5 * MINUTE + 1000, ['CLOCK_SKEW'], true],
      ['a day ahead', DAY, ['CLOCK_SKEW'], true],
    ])('a phone clock %s', (_, offset, expected, useServer) => {
      const clientTime = at(NOW, offset);
      const decision = evaluateCheckIn(context({ clientTime }));
      expect(decision.reasons.map((item) => item.code)).toEqual(expected);
      expect(decision.effectiveTime).toBe(useServer ? NOW : clientTime);
    });

    it('decides the quiet period and repeat window at the server time when the clock is skewed', () => {
      // The phone claims 16 May (China); the server says 15 May, a quiet day.
      const server = '2026-05-14T17:00:00.000Z';
      const ctx = context({
        serverTime: server,
        clientTime: at(server, DAY),
        purpose: 'ROUTINE',
        reference: null,
        policy: policy({ quietPeriods: [{ daysOfMonth: [15] }] }),
        // Within the window of the server time, not of the phone's.
        priorVisits: [visit({ checkedInAt: at(server, -7 * DAY + MINUTE), purpose: 'ROUTINE' })],
      });
      expect(evaluateCheckIn(ctx)).toMatchObject({ effectiveTime: server, outcome: 'REFUSED' });
      expect(codes(ctx)).toEqual(['QUIET_PERIOD', 'REPEAT_VISIT', 'CLOCK_SKEW']);
    });

    it('records the effective time in canonical UTC', () => {
      const ctx = context({
        serverTime: '2026-05-12T10:00:00+08:00',
        clientTime: '2026-05-12T10:00:00.5+08:00',
      });
      expect(evaluateCheckIn(ctx).effectiveTime).toBe('2026-05-12T02:00:00.500Z');
    });

    it.each([
      '2026-05-12T10:00:00',
      '2026-05-12',
      '2026-02-29T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-05-12T24:00:00Z',
      'yesterday',
      '',
    ])('refuses to guess the instant of %j', (time) => {
      expect(() => evaluateCheckIn(context({ clientTime: time }))).toThrow(RangeError);
      expect(() =>
        evaluateCheckIn(context({ priorVisits: [visit({ checkedInAt: time })] })),
      ).toThrow(RangeError);
    });

    it('accepts a leap day', () => {
      const time = '2028-02-29T08:00:00+08:00';
      expect(evaluateCheckIn(context({ serverTime: time, clientTime: time })).effectiveTime).toBe(
        '2028-02-29T00:00:00.000Z',
      );
    });
  });
});

describe('late sync: order-dependent rules on the time-ordered record', () => {
  const HOUR = 3_600_000;
  // Routine visits by one officer's phone, scanned 216 h, 120 h and 48 h ago (cap 2 a year).
  const scannedAt = (hoursAgo: number) => at(NOW, -hoursAgo * HOUR);
  const routine = (hoursAgo: number, id: string): LaterVisit => ({
    id,
    checkedInAt: scannedAt(hoursAgo),
    purpose: 'ROUTINE',
    reference: null,
    unitLevel: 'CITY',
  });
  const lateRoutine = (hoursAgo: number, overrides: Partial<CheckInContext>) =>
    context({
      purpose: 'ROUTINE',
      reference: null,
      randomTask: null,
      clientTime: scannedAt(hoursAgo),
      policy: policy({ repeatVisitWindowDays: 1 }),
      ...overrides,
    });

  it('flags the scan that arrives after two later ones, naming the visit past the cap', () => {
    const decision = evaluateCheckIn(
      lateRoutine(216, { laterVisits: [routine(120, 'v-120'), routine(48, 'v-48')] }),
    );
    expect(decision.outcome).toBe('FLAGGED');
    expect(decision.reasons).toEqual([
      {
        ...reason('LATE_SYNC_CONFLICT'),
        detail: 'ANNUAL_CAP_REACHED',
        conflictsWith: ['v-48'],
      },
    ]);
  });

  it('leaves the same scans unflagged when they arrive in order', () => {
    const first = lateRoutine(216, { laterVisits: [] });
    const second = lateRoutine(120, { priorVisits: [routine(216, 'v-216')] });
    const third = lateRoutine(48, { priorVisits: [routine(216, 'v-216'), routine(120, 'v-120')] });
    expect(evaluateCheckIn(first).outcome).toBe('ALLOWED');
    expect(evaluateCheckIn(second).outcome).toBe('ALLOWED');
    // In order, the third is refused at the gate, as the officer's phone predicted.
    expect(codes(third)).toEqual(['ANNUAL_CAP_REACHED']);
  });

  it('flags a later visit that becomes a repeat within the window', () => {
    const decision = evaluateCheckIn(
      lateRoutine(30, {
        laterVisits: [routine(10, 'v-10')],
        policy: policy({ annualCapPerUnitLevel: 10, repeatVisitWindowDays: 2 }),
      }),
    );
    expect(decision.reasons).toEqual([
      { ...reason('LATE_SYNC_CONFLICT'), detail: 'REPEAT_VISIT', conflictsWith: ['v-10'] },
    ]);
  });

  it('does not flag a refused attempt or a purpose the cap does not count', () => {
    const later = { laterVisits: [routine(120, 'v-120'), routine(48, 'v-48')] };
    const refused = lateRoutine(216, {
      ...later,
      enterprise: { id: 'firm-1', onPositiveList: true, creditGrade: 'GOOD' },
    });
    expect(codes(refused)).toEqual(['POSITIVE_LIST_NO_DISTURBANCE']);
    const complaint = lateRoutine(216, {
      ...later,
      purpose: 'COMPLAINT_VERIFICATION',
      reference: 'XF-1',
    });
    expect(codes(complaint)).toEqual([]);
  });
});

describe('属地管辖: jurisdiction', () => {
  const OUTSIDE = {
    id: 'firm-1',
    onPositiveList: false,
    creditGrade: 'GOOD' as const,
    unitId: 'unit-9',
  };
  const officer = {
    id: 'officer-a',
    active: true,
    unitId: 'unit-1',
    unitLevel: 'CITY',
    jurisdictionUnitIds: ['unit-1', 'unit-1a'],
  };
  const assignment = {
    reference: '郑环指〔2026〕3号',
    kind: 'DESIGNATED' as const,
    unitIds: ['unit-1'],
    enterpriseIds: ['firm-1'],
    validFrom: '2026-05-01',
    validTo: '2026-05-31',
  };
  const complaint = (overrides: Partial<CheckInContext>) =>
    context({
      purpose: 'COMPLAINT_VERIFICATION',
      reference: 'XF-1',
      randomTask: null,
      officer,
      ...overrides,
    });

  it("allows a firm of the officer's unit or a unit below it without a flag", () => {
    expect(codes(complaint({ enterprise: { ...OUTSIDE, unitId: 'unit-1a' } }))).toEqual([]);
  });

  it("flags, without refusing, a firm supervised outside the officer's subtree", () => {
    const decision = evaluateCheckIn(complaint({ enterprise: OUTSIDE }));
    expect(decision.outcome).toBe('FLAGGED');
    expect(decision.reasons).toEqual([reason('OUT_OF_JURISDICTION')]);
  });

  it('does not flag a visit whose reference names an assignment in force for the unit and firm', () => {
    const withAssignment = policy({ jurisdictionAssignments: [assignment] });
    const named = complaint({
      enterprise: OUTSIDE,
      reference: ' 郑环指〔2026〕3号 ',
      policy: withAssignment,
    });
    expect(codes(named)).toEqual([]);
    // Another reference, another firm, another unit or outside its dates: still flagged.
    for (const ctx of [
      complaint({ enterprise: OUTSIDE, policy: withAssignment }),
      complaint({
        enterprise: { ...OUTSIDE, id: 'firm-2' },
        reference: assignment.reference,
        policy: withAssignment,
      }),
      complaint({
        enterprise: OUTSIDE,
        reference: assignment.reference,
        officer: { ...officer, unitId: 'unit-1a' },
        policy: withAssignment,
      }),
      complaint({
        enterprise: OUTSIDE,
        reference: assignment.reference,
        clientTime: '2026-06-01T01:00:00Z',
        serverTime: '2026-06-01T01:00:00Z',
        policy: withAssignment,
      }),
    ]) {
      expect(codes(ctx)).toEqual(['OUT_OF_JURISDICTION']);
    }
  });

  it('does not judge jurisdiction when the units are not known (offline)', () => {
    expect(codes(complaint({ enterprise: { ...OUTSIDE, unitId: undefined } }))).toEqual([]);
    expect(
      codes(
        complaint({ enterprise: OUTSIDE, officer: { ...officer, jurisdictionUnitIds: undefined } }),
      ),
    ).toEqual([]);
  });
});

describe('isRefusingReason', () => {
  it('makes REPEAT_VISIT refusing only at a positive-list firm', () => {
    expect(isRefusingReason('REPEAT_VISIT', true)).toBe(true);
    expect(isRefusingReason('REPEAT_VISIT', false)).toBe(false);
  });

  it.each([
    ['CODE_INVALID', true],
    ['POSITIVE_LIST_NO_DISTURBANCE', true],
    ['SINGLE_OFFICER', false],
    ['CLOCK_SKEW', false],
  ] as const)('%s refuses: %s', (code, refusing) => {
    expect(isRefusingReason(code, false)).toBe(refusing);
    expect(isRefusingReason(code, true)).toBe(refusing);
  });

  describe('双随机: a random inspection is made only on its drawn task', () => {
    const mismatch = (ctx: CheckInContext) => {
      const decision = evaluateCheckIn(ctx);
      const found = decision.reasons.find((r) => r.code === 'RANDOM_TASK_MISMATCH');
      return { outcome: decision.outcome, detail: found?.detail ?? null };
    };

    it.each([
      ['no task with that reference', { randomTask: null }, 'UNKNOWN_TASK'],
      ['a task of another firm', { randomTask: { ...TASK, enterpriseId: 'firm-2' } }, 'OTHER_FIRM'],
      [
        'a task whose period has ended',
        { randomTask: { ...TASK, periodStart: '2026-04-01', periodEnd: '2026-05-11' } },
        'OUTSIDE_PERIOD',
      ],
      [
        'a task whose period starts tomorrow (China time)',
        { randomTask: { ...TASK, periodStart: '2026-05-13', periodEnd: '2026-05-31' } },
        'OUTSIDE_PERIOD',
      ],
      [
        'a lead officer the task does not name',
        { officer: { id: 'officer-x', active: true, unitId: 'unit-1', unitLevel: 'CITY' } },
        'NOT_ASSIGNED',
      ],
      [
        'a co-officer the task does not name',
        {
          coOfficers: [
            { id: 'officer-b', active: true },
            { id: 'officer-z', active: true },
          ],
        },
        'NOT_ASSIGNED',
      ],
    ] as [string, Partial<CheckInContext>, string][])('refuses %s', (_name, overrides, detail) => {
      expect(mismatch(context(overrides))).toEqual({ outcome: 'REFUSED', detail });
    });

    it('allows the task’s own officers on its firm within its period, on its first and last day', () => {
      expect(mismatch(context())).toEqual({ outcome: 'ALLOWED', detail: null });
      const day = { randomTask: { ...TASK, periodStart: '2026-05-12', periodEnd: '2026-05-12' } };
      expect(mismatch(context(day))).toEqual({ outcome: 'ALLOWED', detail: null });
    });

    it('does not look at tasks for other purposes', () => {
      const other = context({
        purpose: 'SPECIAL_CAMPAIGN',
        reference: '郑环专〔2026〕1号',
        randomTask: null,
      });
      expect(codes(other)).toEqual([]);
    });
  });
});

describe('splitRefusal', () => {
  const r = (...codes: ReasonCode[]) => codes.map(reason);
  it('puts the refusing rules first and the flags recorded besides apart', () => {
    expect(
      splitRefusal(r('POSITIVE_LIST_NO_DISTURBANCE', 'SINGLE_OFFICER', 'OUT_OF_GEOFENCE')),
    ).toEqual({
      refusing: r('POSITIVE_LIST_NO_DISTURBANCE'),
      recorded: r('SINGLE_OFFICER', 'OUT_OF_GEOFENCE'),
    });
  });
  it('reads a repeat visit as refusing when nothing else refused, or at a listed firm', () => {
    expect(splitRefusal(r('REPEAT_VISIT', 'SINGLE_OFFICER')).refusing).toEqual(r('REPEAT_VISIT'));
    expect(splitRefusal(r('POSITIVE_LIST_NO_DISTURBANCE', 'REPEAT_VISIT')).refusing).toEqual(
      r('POSITIVE_LIST_NO_DISTURBANCE', 'REPEAT_VISIT'),
    );
    expect(splitRefusal(r('ANNUAL_CAP_REACHED', 'REPEAT_VISIT'))).toEqual({
      refusing: r('ANNUAL_CAP_REACHED'),
      recorded: r('REPEAT_VISIT'),
    });
  });
});
