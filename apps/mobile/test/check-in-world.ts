import {
  DEFAULT_CHECK_IN_POLICY,
  encodeBase64url,
  gateCodeKeyPairFromSeed,
  gateCodeUrl,
  previewOffline,
  signGateCode,
  type CheckInPreview,
  type CheckInPreviewRequest,
  type EnterpriseView,
  type OfficerView,
  type OfflineSnapshot,
} from '@qinqing/domain';

/**
 * A small world for the check-in screen's tests: a gate key, a firm with one gate, its signed code,
 * two officers, and a snapshot of them from which the "server" answers previews with the same rule
 * engine (so a test exercises real rules, not hand-written verdicts).
 */
export const gateKey = gateCodeKeyPairFromSeed(1, new Uint8Array(32).fill(7));
export const FIRM_ID = '11111111-2222-4333-8444-555555555555';
export const GATE_ID = '66666666-7777-4888-9999-000000000000';

export function gateCodeFor(enterpriseId: string, gateId = GATE_ID): string {
  return gateCodeUrl(
    'https://qinqing.example.gov.cn',
    signGateCode({ enterpriseId, gateId, version: 1 }, gateKey),
  );
}

export function firmView(overrides: Partial<EnterpriseView> = {}): EnterpriseView {
  return {
    id: FIRM_ID,
    name: '郑州思念食品有限公司',
    creditGrade: 'A',
    onPositiveList: true,
    gates: [{ id: GATE_ID, name: '正门', lat: 34.7, lng: 113.6, radiusM: 200 }],
    ...overrides,
  } as unknown as EnterpriseView;
}

export const officers: OfficerView[] = [
  { id: 'o1', name: '张建国', badgeNumber: 'A1', unitId: 'u1', unitName: '金水分局', active: true },
  { id: 'o2', name: '李明华', badgeNumber: 'A2', unitId: 'u1', unitName: '金水分局', active: true },
] as OfficerView[];

export function snapshotOf(
  firms: EnterpriseView[],
  overrides: Partial<OfflineSnapshot> = {},
): OfflineSnapshot {
  return {
    issuedAt: new Date().toISOString(),
    officer: {
      id: 'o1',
      name: '张建国',
      badgeNumber: 'A1',
      unitId: 'u1',
      unitLevel: 'BRANCH',
      active: true,
    },
    colleagues: officers,
    enterprises: firms,
    priorVisits: {},
    activeCodeVersions: {},
    policy: DEFAULT_CHECK_IN_POLICY,
    gateCodeKeys: {
      algorithm: 'Ed25519',
      keys: [{ keyId: 1, publicKey: encodeBase64url(gateKey.publicKey) }],
    },
    tasks: [],
    ...overrides,
  };
}

/** What the API's preview answers, judged on the given facts by the shared rule engine. */
export function serverPreviewOn(
  facts: OfflineSnapshot,
): (body: CheckInPreviewRequest) => Promise<CheckInPreview> {
  return async (body) => {
    const preview = previewOffline(facts, body, new Date());
    if (!preview) throw new Error('the test facts do not hold this firm');
    return preview;
  };
}
