/** @jest-environment node */
import {
  DEFAULT_CHECK_IN_POLICY,
  encodeBase64url,
  gateCodeKeyPairFromSeed,
  gateCodeUrl,
  OFFLINE_SNAPSHOT_KIND,
  signEnvelope,
  signGateCode,
  type CheckInRequest,
  type EnterpriseView,
  type GateCodeKeyPair,
  type OfflineSnapshot,
} from '@qinqing/domain';
import Taro from '@tarojs/taro';
import { ApiError, NetworkError, type ApiClient } from '../../services/api';
import { memoryStore, type KeyValueStore } from '../../services/storage';
import { submitCheckIn } from '../check-in/submit';
import { KEYS_STORAGE_KEY } from '../trust/keys';
import { officerQueue, queueKey, resetOfflineSupport } from '../sync-queue/officer-queue';
import {
  loadSnapshot,
  refreshSnapshot,
  SnapshotRejectedError,
  snapshotAgeText,
  snapshotInfo,
} from './snapshot';

const OFFICER = '11111111-1111-4111-8111-111111111111';
const FIRM = '22222222-2222-4222-8222-222222222222';
const GATE = '33333333-3333-4333-8333-333333333333';
const OTHER_FIRM = '44444444-4444-4444-8444-444444444444';

const serverKey = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(7));
const rotatedKey = gateCodeKeyPairFromSeed(2, new Uint8Array(32).fill(9));
const attackerKey = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(66));

const published = (...keys: GateCodeKeyPair[]) => ({
  algorithm: 'Ed25519' as const,
  keys: keys.map((k) => ({ keyId: k.keyId, publicKey: encodeBase64url(k.publicKey) })),
});

const firm: EnterpriseView = {
  id: FIRM,
  uscc: '91410100MA0000000X',
  name: '郑州众联混凝土有限公司',
  address: '郑州市金水区',
  district: '金水区',
  industry: '水泥制品',
  creditGrade: 'B',
  supervisionClass: 'KEY',
  unitId: 'unit-jinshui',
  liaisonOfficer: null,
  onPositiveList: false,
  positiveList: [],
  gates: [{ id: GATE, name: '东门', lat: 34.8, lng: 113.7, radiusM: 200 }],
} as unknown as EnterpriseView;

function snapshotOf(overrides: Partial<OfflineSnapshot> = {}): OfflineSnapshot {
  return {
    issuedAt: '2026-11-22T08:00:00.000Z',
    officer: {
      id: OFFICER,
      name: '王执法',
      badgeNumber: '41000001',
      unitId: 'unit-jinshui',
      unitLevel: 'DISTRICT',
      active: true,
    },
    colleagues: [],
    enterprises: [firm],
    priorVisits: {},
    activeCodeVersions: { [GATE]: 1 },
    policy: DEFAULT_CHECK_IN_POLICY,
    gateCodeKeys: published(serverKey),
    // the drawn task the random inspections below name (双随机)
    tasks: [
      {
        id: 'task-1',
        drawId: 'draw-1',
        drawNumber: 'SJ-2026-001',
        reference: 'TASK-1',
        enterpriseId: FIRM,
        enterpriseName: '郑州众联混凝土有限公司',
        officers: [
          { id: OFFICER, name: '王执法', badgeNumber: '41000001' },
          { id: '66666666-6666-4666-8666-666666666666', name: '李执法', badgeNumber: '41000002' },
        ],
        periodStart: '2000-01-01',
        periodEnd: '2099-12-31',
        short: false,
        visitId: null,
        inspected: false,
      },
    ],
    ...overrides,
  };
}

/** A stand-in for the API client: answers from the fields a test sets. */
function fakeClient(init: {
  envelope?: string;
  keys?: ReturnType<typeof published>;
  checkIn?: () => Promise<never>;
}) {
  const calls: string[] = [];
  const client = {
    calls,
    envelope: init.envelope ?? signEnvelope(OFFLINE_SNAPSHOT_KIND, snapshotOf(), serverKey),
    keys: init.keys ?? published(serverKey),
    async offlineSnapshot() {
      calls.push('snapshot');
      return { snapshot: client.envelope, issuedAt: '2026-11-22T08:00:00.000Z' };
    },
    async gateCodeKeys() {
      calls.push('GET /api/v1/gate-codes/keys');
      return client.keys;
    },
    submitCheckIn: jest.fn(init.checkIn ?? (() => Promise.reject(new NetworkError()))),
  };
  return client;
}
const asApi = (c: ReturnType<typeof fakeClient>) => c as unknown as ApiClient;

describe('offline snapshot', () => {
  let store: KeyValueStore;
  beforeEach(() => {
    store = memoryStore();
  });

  it('fetches the keys the first time, verifies the envelope and stores it', async () => {
    const client = fakeClient({});
    const snapshot = await refreshSnapshot(asApi(client), {
      store,
      officerId: OFFICER,
      now: () => new Date('2026-11-22T08:01:00Z'),
    });
    expect(snapshot.enterprises[0].name).toBe('郑州众联混凝土有限公司');
    expect(client.calls).toEqual(['snapshot', 'GET /api/v1/gate-codes/keys']);
    expect(snapshotInfo({ store, officerId: OFFICER })).toEqual({
      envelope: client.envelope,
      issuedAt: '2026-11-22T08:00:00.000Z',
      fetchedAt: '2026-11-22T08:01:00.000Z',
    });
    expect(loadSnapshot({ store, officerId: OFFICER })).toEqual(snapshotOf());

    // The next refresh reuses the kept keys.
    await refreshSnapshot(asApi(client), { store, officerId: OFFICER });
    expect(client.calls).toEqual(['snapshot', 'GET /api/v1/gate-codes/keys', 'snapshot']);
  });

  it('rejects a snapshot signed by a key the keys endpoint does not publish, even if it carries that key', async () => {
    const forged = signEnvelope(
      OFFLINE_SNAPSHOT_KIND,
      snapshotOf({ gateCodeKeys: published(attackerKey) }),
      attackerKey,
    );
    const client = fakeClient({ envelope: forged });
    await expect(refreshSnapshot(asApi(client), { store, officerId: OFFICER })).rejects.toThrow(
      SnapshotRejectedError,
    );
    expect(snapshotInfo({ store, officerId: OFFICER })).toBeUndefined();
    expect(loadSnapshot({ store, officerId: OFFICER })).toBeUndefined();
  });

  it('keeps the earlier snapshot when a refresh fails verification', async () => {
    await refreshSnapshot(asApi(fakeClient({})), { store, officerId: OFFICER });
    const tampered = fakeClient({});
    const [kind, keyId, , sig] = tampered.envelope.split('.');
    const other = signEnvelope(OFFLINE_SNAPSHOT_KIND, snapshotOf({ enterprises: [] }), serverKey);
    tampered.envelope = [kind, keyId, other.split('.')[2], sig].join('.');
    await expect(
      refreshSnapshot(asApi(tampered), { store, officerId: OFFICER }),
    ).rejects.toMatchObject({ problem: 'BAD_SIGNATURE' });
    expect(loadSnapshot({ store, officerId: OFFICER })?.enterprises).toHaveLength(1);
  });

  it('fetches the keys again when the snapshot is signed with a new key id (rotation)', async () => {
    await refreshSnapshot(asApi(fakeClient({})), { store, officerId: OFFICER });
    const rotated = fakeClient({
      envelope: signEnvelope(OFFLINE_SNAPSHOT_KIND, snapshotOf(), rotatedKey),
      keys: published(serverKey, rotatedKey),
    });
    await refreshSnapshot(asApi(rotated), { store, officerId: OFFICER });
    expect(rotated.calls).toEqual(['snapshot', 'GET /api/v1/gate-codes/keys']);
    expect(loadSnapshot({ store, officerId: OFFICER })).toBeDefined();
  });

  it('refuses a snapshot of another officer, and does not load it for another login', async () => {
    await expect(
      refreshSnapshot(asApi(fakeClient({})), { store, officerId: 'someone-else' }),
    ).rejects.toMatchObject({ problem: 'OTHER_OFFICER' });
    await refreshSnapshot(asApi(fakeClient({})), { store, officerId: OFFICER });
    expect(loadSnapshot({ store, officerId: 'someone-else' })).toBeUndefined();
  });

  it('does not load a stored snapshot altered on the phone', async () => {
    await refreshSnapshot(asApi(fakeClient({})), { store, officerId: OFFICER });
    const key = `qinqing.offline.snapshot.${OFFICER}`;
    const stored = store.get<{ envelope: string }>(key)!;
    const forged = signEnvelope(OFFLINE_SNAPSHOT_KIND, snapshotOf(), attackerKey);
    store.set(key, { ...stored, envelope: forged });
    expect(loadSnapshot({ store, officerId: OFFICER })).toBeUndefined();
  });

  it('verifies again whenever the stored text or the kept keys change after a load', async () => {
    await refreshSnapshot(asApi(fakeClient({})), { store, officerId: OFFICER });
    expect(loadSnapshot({ store, officerId: OFFICER })).toEqual(snapshotOf());
    const key = `qinqing.offline.snapshot.${OFFICER}`;
    const stored = store.get<{ envelope: string }>(key)!;
    // Altered after a successful load: not served from the earlier verification.
    store.set(key, {
      ...stored,
      envelope: signEnvelope(OFFLINE_SNAPSHOT_KIND, snapshotOf(), attackerKey),
    });
    expect(loadSnapshot({ store, officerId: OFFICER })).toBeUndefined();
    // The genuine text again, but the kept keys no longer hold the server's key.
    store.set(key, stored);
    expect(loadSnapshot({ store, officerId: OFFICER })).toEqual(snapshotOf());
    store.set(KEYS_STORAGE_KEY, published(attackerKey));
    expect(loadSnapshot({ store, officerId: OFFICER })).toBeUndefined();
  });

  it('says how old the data is, in China time', () => {
    const now = new Date('2026-11-22T10:30:00Z');
    expect(snapshotAgeText('2026-11-22T08:00:00.000Z', now)).toBe(
      '离线数据更新于 11月22日 16:00（2 小时前）',
    );
    expect(snapshotAgeText('2026-11-22T10:29:40.000Z', now)).toBe(
      '离线数据更新于 11月22日 18:29（刚刚）',
    );
    expect(snapshotAgeText('2026-11-22T10:05:00.000Z', now)).toContain('25 分钟前');
    expect(snapshotAgeText('2026-11-19T10:05:00.000Z', now)).toContain('3 天前');
    expect(snapshotAgeText(undefined, now)).toContain('还没有离线数据');
  });
});

describe('submitCheckIn offline', () => {
  let store: KeyValueStore;
  const code = gateCodeUrl(
    'https://qinqing.example.gov.cn',
    signGateCode({ enterpriseId: FIRM, gateId: GATE, version: 1 }, serverKey),
  );
  const request = (overrides: Partial<CheckInRequest> = {}): CheckInRequest => ({
    clientId: '55555555-5555-4555-8555-555555555555',
    code,
    purpose: 'RANDOM_INSPECTION',
    reference: 'TASK-1',
    coOfficerIds: ['66666666-6666-4666-8666-666666666666'],
    location: { lat: 34.8, lng: 113.7, accuracy: 10 },
    clientTime: new Date().toISOString(),
    ...overrides,
  });

  beforeEach(() => {
    store = memoryStore();
    resetOfflineSupport();
    Taro.setStorageSync('qinqing.session', {
      accessToken: 't',
      refreshToken: 'r',
      expiresIn: 900,
      user: { id: OFFICER, role: 'officer', name: '王执法', username: 'officer1' },
    });
  });

  it('returns the server’s decision when online and queues nothing', async () => {
    const accepted = { visit: { id: 'v1' }, decision: { outcome: 'ALLOWED', reasons: [] } };
    const client = fakeClient({ checkIn: () => Promise.resolve(accepted) as never });
    client.submitCheckIn.mockResolvedValue({ accepted: true, result: accepted } as never);
    const result = await submitCheckIn(request(), asApi(client), store);
    expect(result).toEqual({ mode: 'online', accepted: true, result: accepted });
    expect(store.get(queueKey(OFFICER))).toBeUndefined();
  });

  it('rethrows errors other than no signal (the form shows them) and queues nothing', async () => {
    const client = fakeClient({});
    client.submitCheckIn.mockRejectedValue(
      new ApiError(400, 'VALIDATION_FAILED', '提交的内容不完整', {}),
    );
    await expect(submitCheckIn(request(), asApi(client), store)).rejects.toThrow(
      '提交的内容不完整',
    );
    expect(store.get(queueKey(OFFICER))).toBeUndefined();
  });

  it('without signal, refuses a random inspection whose task is not among the officer’s tasks', async () => {
    const client = fakeClient({});
    await refreshSnapshot(asApi(client), { store, officerId: OFFICER });

    const result = await submitCheckIn(request({ reference: 'TASK-9' }), asApi(client), store);

    expect(result).toMatchObject({
      mode: 'offline',
      judgement: {
        judged: true,
        decision: {
          outcome: 'REFUSED',
          reasons: [
            expect.objectContaining({ code: 'RANDOM_TASK_MISMATCH', detail: 'UNKNOWN_TASK' }),
          ],
        },
      },
    });
  });

  it('without signal, judges with the snapshot’s rule engine (离线预判) and queues durably', async () => {
    const client = fakeClient({});
    await refreshSnapshot(asApi(client), { store, officerId: OFFICER });

    const result = await submitCheckIn(request(), asApi(client), store);

    expect(result).toMatchObject({
      mode: 'offline',
      queued: true,
      request: request({ clientTime: expect.any(String) }),
      snapshotIssuedAt: '2026-11-22T08:00:00.000Z',
      judgement: {
        judged: true,
        decision: { outcome: 'ALLOWED' },
        enterprise: { name: '郑州众联混凝土有限公司' },
        gate: { name: '东门' },
      },
    });
    const stored = store.get<{ items: { request: CheckInRequest; offline: unknown }[] }>(
      queueKey(OFFICER),
    );
    expect(stored?.items).toHaveLength(1);
    expect(stored?.items[0]).toMatchObject({
      request: { clientId: request().clientId },
      offline: { judged: true, outcome: 'ALLOWED', enterpriseName: '郑州众联混凝土有限公司' },
    });
  });

  it('judges the same way as the server would: a positive-list firm refuses a routine check', async () => {
    const client = fakeClient({
      envelope: signEnvelope(
        OFFLINE_SNAPSHOT_KIND,
        snapshotOf({ enterprises: [{ ...firm, onPositiveList: true }] }),
        serverKey,
      ),
    });
    await refreshSnapshot(asApi(client), { store, officerId: OFFICER });
    const result = await submitCheckIn(request({ purpose: 'ROUTINE' }), asApi(client), store);
    expect(
      result.mode === 'offline' && result.judgement.judged && result.judgement.decision,
    ).toEqual({
      outcome: 'REFUSED',
      reasons: [expect.objectContaining({ code: 'POSITIVE_LIST_NO_DISTURBANCE' })],
      policyVersion: 1,
      effectiveTime: expect.any(String),
    });
  });

  it('refuses offline a code whose signature does not verify', async () => {
    const client = fakeClient({});
    await refreshSnapshot(asApi(client), { store, officerId: OFFICER });
    const forged = signGateCode({ enterpriseId: FIRM, gateId: GATE, version: 1 }, attackerKey);
    const result = await submitCheckIn(request({ code: forged }), asApi(client), store);
    expect(result).toMatchObject({
      mode: 'offline',
      judgement: {
        judged: true,
        decision: { outcome: 'REFUSED', reasons: [{ code: 'CODE_INVALID' }] },
      },
    });
  });

  it('queues without a verdict for a firm outside the snapshot', async () => {
    const client = fakeClient({});
    await refreshSnapshot(asApi(client), { store, officerId: OFFICER });
    const other = signGateCode({ enterpriseId: OTHER_FIRM, gateId: GATE, version: 1 }, serverKey);
    const result = await submitCheckIn(request({ code: other }), asApi(client), store);
    expect(result).toMatchObject({
      mode: 'offline',
      queued: true,
      judgement: { judged: false, reason: 'FIRM_NOT_IN_SNAPSHOT' },
    });
    expect(officerQueue(OFFICER, asApi(client), store)?.pending()).toHaveLength(1);
  });

  it('still queues the check-in when the phone has no snapshot', async () => {
    const client = fakeClient({});
    const result = await submitCheckIn(request(), asApi(client), store);
    expect(result).toEqual({
      mode: 'offline',
      queued: true,
      request: request({ clientTime: expect.any(String) }),
      judgement: { judged: false, reason: 'NO_SNAPSHOT' },
      snapshotIssuedAt: undefined,
    });
    const queue = officerQueue(OFFICER, asApi(client), store)!;
    expect(queue.pending()).toHaveLength(1);
    expect(queue.pending()[0].offline).toMatchObject({
      judged: false,
      unjudgedReason: 'NO_SNAPSHOT',
    });

    // Submitting the same check-in again (a double tap) does not queue it twice.
    await submitCheckIn(request(), asApi(client), store);
    expect(queue.pending()).toHaveLength(1);
  });

  it('sends the queued check-in later with the same clientId and records the server’s decision', async () => {
    const client = fakeClient({});
    await refreshSnapshot(asApi(client), { store, officerId: OFFICER });
    await submitCheckIn(request(), asApi(client), store);

    client.submitCheckIn.mockReset();
    client.submitCheckIn.mockResolvedValue({
      accepted: false,
      result: {
        code: 'CHECK_IN_REFUSED',
        message: '…',
        reasons: [{ code: 'ANNUAL_CAP_REACHED', message: '…' }],
        attemptId: 'attempt-1',
        decision: {
          outcome: 'REFUSED',
          reasons: [{ code: 'ANNUAL_CAP_REACHED', message: '…' }],
          policyVersion: 1,
        },
      },
    } as never);
    const queue = officerQueue(OFFICER, asApi(client), store)!;
    const report = await queue.flush();

    expect(report).toMatchObject({ sent: 1, total: 1, remaining: 0 });
    expect(client.submitCheckIn).toHaveBeenCalledTimes(1);
    expect((client.submitCheckIn.mock.calls[0] as unknown[])[0]).toEqual(
      request({ clientTime: expect.any(String) }),
    );
    expect(queue.results()[0]).toMatchObject({
      clientId: request().clientId,
      differs: true,
      offline: { outcome: 'ALLOWED' },
      server: { outcome: 'REFUSED', recordId: 'attempt-1' },
    });
  });
});
