import { usccCheckCharacter } from '@qinqing/domain';
import { checkInBody, startDemoWorld, type DemoWorld, type Firm } from './support/demo-world';

/** The rules as the API applies them: data in force at the scan's time, recorded either way. */
describe('check-in rules through the API', () => {
  let w: DemoWorld;
  const code: Record<string, string> = {};
  const reasonsOf = (body: {
    decision?: { reasons: { code: string }[] };
    reasons?: { code: string }[];
  }) => (body.decision?.reasons ?? body.reasons ?? []).map((r) => r.code);
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

  beforeAll(async () => {
    w = await startDemoWorld();
    for (const key of ['haier', 'zhonglian', 'sinian', 'yutong', 'haoxiangni'] as const) {
      code[key] = await w.issueCode(w.firms[key]);
    }
  });
  afterAll(() => w.t.close());

  const post = (
    firm: keyof DemoWorld['firms'],
    overrides: Record<string, unknown>,
    user = w.users.officer3,
  ) =>
    user.request(
      'POST',
      '/api/v1/check-ins',
      checkInBody(w, code[firm], w.firms[firm], {
        coOfficerIds: [w.users.officer4.id],
        ...overrides,
      }),
    );

  it('refuses a third counted visit by the same unit level in a year (ANNUAL_CAP_REACHED); complaints are not capped', async () => {
    for (const ref of ['专项-1', '专项-2']) {
      expect((await post('haier', { reference: ref })).statusCode).toBe(201);
    }
    const third = await post('haier', { reference: '专项-3' });
    expect(third.statusCode).toBe(409);
    expect(reasonsOf(third.json())).toEqual(['ANNUAL_CAP_REACHED']);
    const complaint = await post('haier', {
      purpose: 'COMPLAINT_VERIFICATION',
      reference: '12369-H-1',
    });
    expect(complaint.statusCode).toBe(201);
  });

  it("counts the cap in the server's year when the phone's clock is a year ahead", async () => {
    // The two visits of the test above are this year's; the phone says it is next year.
    const ahead = new Date(Date.now() + 366 * 86_400_000).toISOString();
    const res = await post('haier', { reference: '专项-4', clientTime: ahead });
    expect(res.statusCode).toBe(409);
    expect(reasonsOf(res.json())).toEqual(['ANNUAL_CAP_REACHED', 'CLOCK_SKEW']);
  });

  it('flags a repeat visit without a new cause, and refuses it at a positive-list firm', async () => {
    const body = { purpose: 'ASSIGNED_BY_SUPERIOR', reference: '郑环督〔2026〕7号' };
    expect((await post('yutong', { ...body, purpose: 'COMPLAINT_VERIFICATION' })).statusCode).toBe(
      201,
    );
    const first = await post('zhonglian', body, w.users.officer1);
    expect(first.statusCode).toBe(201);
    const repeat = await post(
      'zhonglian',
      { ...body, coOfficerIds: [w.users.officer2.id] },
      w.users.officer1,
    );
    expect(repeat.statusCode).toBe(201);
    expect(reasonsOf(repeat.json())).toEqual(['REPEAT_VISIT']);
    const listed = await post('yutong', {
      purpose: 'COMPLAINT_VERIFICATION',
      reference: '12369-Y-9',
    });
    expect(listed.statusCode).toBe(201); // a new complaint number is a new cause
    const listedRepeat = await post('yutong', {
      purpose: 'COMPLAINT_VERIFICATION',
      reference: '12369-Y-9',
    });
    expect(listedRepeat.statusCode).toBe(409);
    expect(reasonsOf(listedRepeat.json())).toContain('REPEAT_VISIT');
  });

  it('judges by list membership in force at the scan: a 2022 scan at a firm listed until 2022-12-31', async () => {
    const res = await post('haier', {
      purpose: 'ROUTINE',
      reference: null,
      clientTime: '2022-06-01T10:00:00+08:00',
    });
    expect(res.statusCode).toBe(409);
    expect(reasonsOf(res.json())).toEqual(['POSITIVE_LIST_NO_DISTURBANCE', 'LATE_SYNC']);
    const recorded = await w.users.supervisor.request(
      'GET',
      `/api/v1/visits/${res.json().attemptId}`,
    );
    expect(recorded.json().checkedInAt).toBe('2022-06-01T02:00:00.000Z');
  });

  it('accepts an offline check-in within the backfill window and flags one beyond it (LATE_SYNC), never dropping it', async () => {
    const within = await post('haoxiangni', {
      purpose: 'REQUESTED_SERVICE',
      reference: '帮扶申请-01',
      clientTime: daysAgo(9),
    });
    expect(within.statusCode).toBe(201);
    expect(reasonsOf(within.json())).toEqual([]);
    const beyond = await post('haoxiangni', {
      purpose: 'REQUESTED_SERVICE',
      reference: '帮扶申请-02',
      clientTime: daysAgo(11),
    });
    expect(beyond.statusCode).toBe(201);
    expect(reasonsOf(beyond.json())).toEqual(['LATE_SYNC']);
  });

  it('does not trust a phone clock ahead of the server (CLOCK_SKEW, recorded at server time)', async () => {
    const ahead = new Date(Date.now() + 3600_000).toISOString();
    // 金水分局's officers at a firm of 金水分局 (in their jurisdiction).
    const res = await post(
      'zhonglian',
      {
        purpose: 'COMPLAINT_VERIFICATION',
        reference: '12369-Z-5',
        clientTime: ahead,
        coOfficerIds: [w.users.officer2.id],
      },
      w.users.officer1,
    );
    expect(res.statusCode).toBe(201);
    expect(reasonsOf(res.json())).toEqual(['CLOCK_SKEW']);
    expect(Date.parse(res.json().visit.checkedInAt)).toBeLessThan(Date.parse(ahead) - 3000_000);
  });

  it('refuses routine checks in a quiet period set by policy, records the version, and judges older scans by the older policy', async () => {
    const current = (await w.users.admin.request('GET', '/api/v1/policy')).json();
    const allDays = Array.from({ length: 31 }, (_, i) => i + 1);
    const saved = await w.users.admin.request('PUT', '/api/v1/policy', {
      policy: {
        ...current,
        quietPeriods: [
          { daysOfMonth: allDays, enterpriseIds: [w.firms.zhonglian.id], label: '生产旺季' },
        ],
      },
      note: '众联混凝土安静期',
    });
    expect(saved.statusCode).toBe(200);
    const version = saved.json().version;

    const routine = await post(
      'zhonglian',
      { purpose: 'ROUTINE', reference: null },
      w.users.officer2,
    );
    expect(routine.statusCode).toBe(409);
    expect(routine.json().decision).toMatchObject({ outcome: 'REFUSED', policyVersion: version });
    expect(reasonsOf(routine.json())).toContain('QUIET_PERIOD');

    const complaint = await post(
      'zhonglian',
      { purpose: 'COMPLAINT_VERIFICATION', reference: '12369-Z-6' },
      w.users.officer2,
    );
    expect(complaint.statusCode).toBe(201);

    const before = await post(
      'zhonglian',
      {
        purpose: 'ROUTINE',
        reference: null,
        clientTime: daysAgo(2),
        coOfficerIds: [w.users.officer1.id],
      },
      w.users.officer2,
    );
    expect(before.json().decision.policyVersion).toBe(1);
    expect(reasonsOf(before.json())).not.toContain('QUIET_PERIOD');
  });

  it('refuses when an officer named on the visit is inactive', async () => {
    await w.t.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [
      w.users.officer4.id,
    ]);
    try {
      const res = await post('haoxiangni', {
        purpose: 'REQUESTED_SERVICE',
        reference: '帮扶申请-03',
      });
      expect(res.statusCode).toBe(409);
      expect(reasonsOf(res.json())).toEqual(['OFFICER_INACTIVE', 'SINGLE_OFFICER']);
    } finally {
      await w.t.dataSource.query(`UPDATE app_user SET active = true WHERE id = $1`, [
        w.users.officer4.id,
      ]);
    }
  });

  describe('late sync on the time-ordered record (a phone that was offline for days)', () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

    /** A new firm of 新郑分局 (not listed, no visits yet), registered by the admin. */
    async function newFirm(body17: string, name: string): Promise<Firm> {
      const [{ id: unitId }] = await w.t.dataSource.query(
        `SELECT id FROM unit WHERE code = 'ZZ-XZ'`,
      );
      const gate = { lat: 34.52, lng: 113.84, radiusM: 200 };
      const res = await w.users.admin.request('POST', '/api/v1/enterprises', {
        uscc: body17 + usccCheckCharacter(body17),
        name,
        district: '新郑市',
        creditGrade: 'GOOD',
        unitId,
        gates: [{ name: '大门', ...gate }],
      });
      expect(res.statusCode).toBe(201);
      const [{ id: gateId }] = await w.t.dataSource.query(
        'SELECT id FROM gate WHERE enterprise_id = $1',
        [res.json().id],
      );
      return { id: res.json().id, name, gateId, gate };
    }

    /**
     * A check-in by 新郑分局's officers at the firm, scanned `h` hours ago: a special campaign
     * (counted in the cap; each its own campaign, so none is a repeat of another).
     */
    async function campaignAt(firm: Firm, code: string, h: number) {
      return w.users.officer3.request(
        'POST',
        '/api/v1/check-ins',
        checkInBody(w, code, firm, {
          purpose: 'SPECIAL_CAMPAIGN',
          reference: `郑环专〔2026〕${h}号`,
          clientTime: hoursAgo(h),
          coOfficerIds: [w.users.officer4.id],
        }),
      );
    }

    it('flags the scan that arrives after later ones and breaks the cap, naming the visit it conflicts with', async () => {
      const firm = await newFirm('91410184MA9QQ0101', '新郑市测试耐火材料有限公司');
      const code = await w.issueCode(firm);
      const [first, second] = [await campaignAt(firm, code, 120), await campaignAt(firm, code, 48)];
      expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
      expect(reasonsOf(first.json())).toEqual([]);
      expect(reasonsOf(second.json())).toEqual([]);
      const late = await campaignAt(firm, code, 216);
      expect(late.statusCode).toBe(201); // the officer was inside: recorded, not refused
      expect(late.json().decision.outcome).toBe('FLAGGED');
      expect(late.json().decision.reasons).toEqual([
        {
          code: 'LATE_SYNC_CONFLICT',
          message: expect.stringContaining('迟到的离线打卡'),
          detail: 'ANNUAL_CAP_REACHED',
          conflictsWith: [second.json().visit.id],
        },
      ]);
      // The supervisor finds it among the flags, with the conflict kept on the visit.
      const flagged = await w.users.supervisor.request(
        'GET',
        `/api/v1/visits?flag=LATE_SYNC_CONFLICT&enterpriseId=${firm.id}`,
      );
      expect(flagged.json().items.map((v: { id: string }) => v.id)).toEqual([late.json().visit.id]);
      expect(flagged.json().items[0].decision.reasons[0].conflictsWith).toEqual([
        second.json().visit.id,
      ]);
    });

    it('leaves the same scans unflagged when they arrive in order (the third is refused at the gate)', async () => {
      const firm = await newFirm('91410184MA9QQ0102', '新郑市测试包装材料有限公司');
      const code = await w.issueCode(firm);
      const [a, b, c] = [
        await campaignAt(firm, code, 216),
        await campaignAt(firm, code, 120),
        await campaignAt(firm, code, 48),
      ];
      expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 409]);
      expect(reasonsOf(a.json())).toEqual([]);
      expect(reasonsOf(b.json())).toEqual([]);
      expect(reasonsOf(c.json())).toEqual(['ANNUAL_CAP_REACHED']);
    });
  });
});
