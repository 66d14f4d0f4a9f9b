import {
  judgeOffline,
  OFFLINE_SNAPSHOT_KIND,
  openEnvelope,
  snapshotKeys,
  type CheckInRequest,
  type OfflineSnapshot,
} from '@qinqing/domain';
import { decodeBase64url } from '@qinqing/domain';
import { checkInBody, startDemoWorld, type DemoWorld } from './support/demo-world';

describe('offline snapshot and badge codes', () => {
  let w: DemoWorld;
  let codes: Record<string, string>;
  beforeAll(async () => {
    w = await startDemoWorld();
    codes = {
      sinian: await w.issueCode(w.firms.sinian),
      zhonglian: await w.issueCode(w.firms.zhonglian),
      ruitai: await w.issueCode(w.firms.ruitai),
    };
  });
  afterAll(() => w.t.close());

  async function snapshotOf(
    user: DemoWorld['users'][keyof DemoWorld['users']],
  ): Promise<OfflineSnapshot> {
    const res = await user.request('GET', '/api/v1/offline/snapshot');
    expect(res.statusCode).toBe(200);
    const keys = (await w.t.inject({ method: 'GET', url: '/api/v1/gate-codes/keys' })).json().keys;
    const publicKeys = new Map<number, Uint8Array>(
      keys.map((k: { keyId: number; publicKey: string }) => [
        k.keyId,
        decodeBase64url(k.publicKey)!,
      ]),
    );
    const opened = openEnvelope<OfflineSnapshot>(
      res.json().snapshot,
      OFFLINE_SNAPSHOT_KIND,
      publicKeys,
    );
    if (!opened.ok) throw new Error(opened.problem);
    return opened.payload;
  }

  it('gives an officer a signed snapshot of the unit: firms, colleagues, policy, keys, code versions', async () => {
    const snapshot = await snapshotOf(w.users.officer1);
    expect(snapshot.officer).toMatchObject({
      id: w.users.officer1.id,
      unitLevel: 'BRANCH',
      active: true,
    });
    expect(snapshot.enterprises.map((e) => e.name)).toContain('郑州思念食品有限公司');
    expect(snapshot.enterprises.map((e) => e.name)).not.toContain('河南瑞泰耐材科技有限公司');
    expect(snapshot.colleagues.map((c) => c.name).sort()).toEqual(['张建国', '李明华'].sort());
    expect(snapshot.activeCodeVersions[w.firms.sinian.gateId]).toBe(1);
    expect(snapshot.policy.version).toBe(1);
    expect(snapshotKeys(snapshot).size).toBe(1);
    expect((await w.users.firm1.request('GET', '/api/v1/offline/snapshot')).statusCode).toBe(403);
  });

  it('judges offline exactly as the server then does, for refusals, flags and allowed visits', async () => {
    const cases: Record<string, unknown>[] = [
      { code: codes.sinian, firm: 'sinian', purpose: 'ROUTINE', reference: null },
      {
        code: codes.sinian,
        firm: 'sinian',
        purpose: 'COMPLAINT_VERIFICATION',
        reference: '12369-OFF-1',
      },
      { code: codes.zhonglian, firm: 'zhonglian', coOfficerIds: [] },
      { code: codes.zhonglian, firm: 'zhonglian', purpose: 'RANDOM_INSPECTION', reference: ' ' },
      { code: codes.zhonglian.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), firm: 'zhonglian' },
    ];
    for (const { firm, ...overrides } of cases) {
      const snapshot = await snapshotOf(w.users.officer1);
      const f = w.firms[firm as keyof DemoWorld['firms']];
      const request = checkInBody(
        w,
        overrides.code as string,
        f,
        overrides,
      ) as unknown as CheckInRequest;
      const offline = judgeOffline(snapshot, request, new Date());
      if (!offline.judged) throw new Error('not judged');
      const online = await w.users.officer1.request('POST', '/api/v1/check-ins', request);
      const decision = online.json().decision;
      expect({ outcome: offline.decision.outcome, reasons: offline.decision.reasons }).toEqual({
        outcome: decision.outcome,
        reasons: decision.reasons,
      });
    }
  });

  it('leaves a firm of another unit unjudged offline (queued for the server)', async () => {
    const snapshot = await snapshotOf(w.users.officer1);
    const request = checkInBody(w, codes.ruitai, w.firms.ruitai) as unknown as CheckInRequest;
    expect(judgeOffline(snapshot, request, new Date())).toMatchObject({
      judged: false,
      reason: 'FIRM_NOT_IN_SNAPSHOT',
    });
  });

  it('issues a rotating badge code that a firm verifies as real and on duty', async () => {
    const badge = await w.users.officer1.request('GET', '/api/v1/officers/me/badge-code');
    expect(badge.statusCode).toBe(200);
    const { code, expiresAt } = badge.json();
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(60_000);
    const check = await w.users.firm1.request('POST', '/api/v1/badge-codes/verify', { code });
    expect(check.json()).toMatchObject({
      valid: true,
      onDuty: true,
      officer: { name: '张建国', badgeNumber: '豫A41010001', unitName: '郑州市生态环境局金水分局' },
    });
    await w.t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [
      w.users.officer1.id,
    ]);
    const off = await w.users.firm1.request('POST', '/api/v1/badge-codes/verify', { code });
    expect(off.json()).toMatchObject({
      valid: true,
      onDuty: false,
      message: expect.stringContaining('已停用'),
    });
    await w.t.dataSource.query('UPDATE app_user SET active = true WHERE id = $1', [
      w.users.officer1.id,
    ]);
    const forged = await w.users.firm1.request('POST', '/api/v1/badge-codes/verify', {
      code: code.slice(0, -4) + 'AAAA',
    });
    expect(forged.json()).toMatchObject({ valid: false, onDuty: false, officer: null });
    expect((await w.users.firm1.request('GET', '/api/v1/officers/me/badge-code')).statusCode).toBe(
      403,
    );
  });

  it('lists the unit’s officers for the co-officer picker, and none to firms', async () => {
    const mine = (await w.users.officer3.request('GET', '/api/v1/officers')).json().items;
    expect(mine.map((o: { name: string }) => o.name).sort()).toEqual(['王志强', '赵丽娟'].sort());
    expect((await w.users.firm1.request('GET', '/api/v1/officers')).statusCode).toBe(403);
  });
});
