import {
  OFFLINE_SNAPSHOT_KIND,
  openEnvelope,
  previewOffline,
  PURPOSES,
  type CheckInPreview,
  type OfflineSnapshot,
  type Purpose,
} from '@qinqing/domain';
import { seedDemoActivity } from '../src/database/seed/demo-activity';
import { checkInBody, startDemoWorld, type DemoWorld, type Firm } from './support/demo-world';

/**
 * 预判: POST /check-ins/preview judges every purpose on the facts a check-in would be judged on,
 * records nothing, and agrees with the phone's offline preview on the same snapshot and with the
 * check-in then made.
 */
describe('check-in preview (预判)', () => {
  let w: DemoWorld;
  const codes: Partial<Record<keyof DemoWorld['firms'], string>> = {};

  beforeAll(async () => {
    w = await startDemoWorld();
    // the demo's busy firm (众联: annual cap reached) and quiet firm (正佳: 安静期)
    await seedDemoActivity(w.t.app);
    for (const firm of ['sinian', 'zhonglian', 'zhengjia', 'ruitai'] as const) {
      codes[firm] = await w.issueCode(w.firms[firm]);
    }
  });
  afterAll(() => w.t.close());

  function previewBody(firm: Firm, code: string, overrides: Record<string, unknown> = {}) {
    const { clientId: _id, purpose: _purpose, ...body } = checkInBody(w, code, firm, overrides);
    return body;
  }

  async function preview(
    body: Record<string, unknown>,
    user = w.users.officer1,
  ): Promise<CheckInPreview> {
    const res = await user.request('POST', '/api/v1/check-ins/preview', body);
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  async function counts(): Promise<{ visits: number; audit: number; notifications: number }> {
    const [row] = await w.t.dataSource.query(
      `SELECT (SELECT count(*) FROM visit)::int AS visits,
              (SELECT count(*) FROM audit_entry)::int AS audit,
              (SELECT count(*) FROM notification)::int AS notifications`,
    );
    return row;
  }

  async function snapshotOf(user = w.users.officer1): Promise<OfflineSnapshot> {
    const res = await user.request('GET', '/api/v1/offline/snapshot');
    const keys = (await w.t.inject({ method: 'GET', url: '/api/v1/gate-codes/keys' })).json().keys;
    const map = new Map<number, Uint8Array>(
      keys.map((k: { keyId: number; publicKey: string }) => [
        k.keyId,
        Buffer.from(k.publicKey, 'base64url'),
      ]),
    );
    const opened = openEnvelope<OfflineSnapshot>(res.json().snapshot, OFFLINE_SNAPSHOT_KIND, map);
    if (!opened.ok) throw new Error(opened.problem);
    return opened.payload;
  }

  const verdicts = (p: CheckInPreview) =>
    Object.fromEntries(
      PURPOSES.map((purpose) => [
        purpose,
        [p.decisions[purpose].outcome, ...p.decisions[purpose].reasons.map((r) => r.code)],
      ]),
    );

  it('names the firm and gate and judges every purpose at a 正面清单 firm, recording nothing', async () => {
    const before = await counts();
    const p = await preview(previewBody(w.firms.sinian, codes.sinian!));
    expect(await counts()).toEqual(before);
    expect(p.enterprise).toMatchObject({
      id: w.firms.sinian.id,
      name: '郑州思念食品有限公司',
      onPositiveList: true,
    });
    expect(p.gate?.id).toBe(w.firms.sinian.gateId);
    expect(p.gate?.name).toEqual(expect.any(String));
    expect(Object.keys(p.decisions).sort()).toEqual([...PURPOSES].sort());
    expect(p.decisions.ROUTINE.outcome).toBe('REFUSED');
    expect(p.decisions.ROUTINE.reasons.map((r) => r.code)).toContain(
      'POSITIVE_LIST_NO_DISTURBANCE',
    );
    // 信访举报核实 is allowed at a listed firm (with its reference)
    const complaint = await preview(
      previewBody(w.firms.sinian, codes.sinian!, { reference: '12369-PRE-1' }),
    );
    expect(complaint.decisions.COMPLAINT_VERIFICATION.outcome).not.toBe('REFUSED');
  });

  it('warns of the annual cap and the quiet period, not only the positive list', async () => {
    const capped = await preview(previewBody(w.firms.zhonglian, codes.zhonglian!));
    expect(capped.decisions.ROUTINE).toMatchObject({ outcome: 'REFUSED' });
    expect(capped.decisions.ROUTINE.reasons.map((r) => r.code)).toContain('ANNUAL_CAP_REACHED');
    const quiet = await preview(previewBody(w.firms.zhengjia, codes.zhengjia!));
    expect(quiet.decisions.ROUTINE.outcome).toBe('REFUSED');
    expect(quiet.decisions.ROUTINE.reasons.map((r) => r.code)).toContain('QUIET_PERIOD');
    // 信访举报核实 is not held back by a quiet period
    const complaint = await preview(
      previewBody(w.firms.zhengjia, codes.zhengjia!, { reference: '12369-PRE-2' }),
    );
    expect(complaint.decisions.COMPLAINT_VERIFICATION.reasons.map((r) => r.code)).not.toContain(
      'QUIET_PERIOD',
    );
  });

  it('says what a check-in then decides, purpose by purpose (the same rules on the same facts)', async () => {
    const body = previewBody(w.firms.zhonglian, codes.zhonglian!, {
      reference: '郑环专〔2026〕12号',
    });
    for (const purpose of ['ROUTINE', 'SPECIAL_CAMPAIGN', 'COMPLAINT_VERIFICATION'] as Purpose[]) {
      // each check-in changes the facts (the next is a repeat visit): preview right before it
      const expected = verdicts(await preview(body))[purpose];
      const res = await w.users.officer1.request(
        'POST',
        '/api/v1/check-ins',
        checkInBody(w, codes.zhonglian!, w.firms.zhonglian, { ...body, purpose }),
      );
      const decision = res.json().decision;
      expect([decision.outcome, ...decision.reasons.map((r: { code: string }) => r.code)]).toEqual(
        expected,
      );
    }
  });

  it('agrees with the phone’s offline preview on a fresh snapshot', async () => {
    const snapshot = await snapshotOf();
    for (const firm of ['sinian', 'zhonglian', 'zhengjia'] as const) {
      for (const overrides of [
        {},
        { coOfficerIds: [] },
        { reference: '' },
        { location: null },
        { reference: 'NO-SUCH-TASK' },
      ]) {
        const body = previewBody(w.firms[firm], codes[firm]!, overrides);
        const online = await preview(body);
        const offline = previewOffline(snapshot, body as never, new Date());
        expect(offline).toBeDefined();
        expect(verdicts(offline!)).toEqual(verdicts(online));
        expect(offline!.enterprise).toEqual(online.enterprise);
        expect(offline!.gate).toEqual(online.gate);
      }
    }
  });

  it('flags a firm outside the officer’s jurisdiction, which the snapshot does not hold', async () => {
    const body = previewBody(w.firms.ruitai, codes.ruitai!);
    const p = await preview(body);
    expect(p.enterprise?.name).toBe('河南瑞泰耐材科技有限公司');
    expect(p.decisions.SPECIAL_CAMPAIGN.reasons.map((r) => r.code)).toContain(
      'OUT_OF_JURISDICTION',
    );
    expect(previewOffline(await snapshotOf(), body as never, new Date())).toBeUndefined();
  });

  it('refuses every purpose of a forged code and names no firm', async () => {
    const forged = codes.sinian!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const p = await preview(previewBody(w.firms.sinian, forged));
    expect(p.enterprise).toBeNull();
    expect(p.gate).toBeNull();
    for (const purpose of PURPOSES) {
      expect(p.decisions[purpose].outcome).toBe('REFUSED');
      expect(p.decisions[purpose].reasons.map((r) => r.code)).toEqual(['CODE_INVALID']);
    }
  });

  it('is for officers only, and refuses bad input with the usual 400', async () => {
    const body = previewBody(w.firms.sinian, codes.sinian!);
    const firm = await w.users.firm1.request('POST', '/api/v1/check-ins/preview', body);
    expect(firm.statusCode).toBe(403);
    const anonymous = await w.t.inject({
      method: 'POST',
      url: '/api/v1/check-ins/preview',
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
    const unknownCo = await w.users.officer1.request('POST', '/api/v1/check-ins/preview', {
      ...body,
      coOfficerIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownCo.statusCode).toBe(400);
    expect(unknownCo.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'coOfficerIds' }],
    });
    const badTime = await w.users.officer1.request('POST', '/api/v1/check-ins/preview', {
      ...body,
      clientTime: '2026-11-22T09:30:00',
    });
    expect(badTime.statusCode).toBe(400);
  });
});
