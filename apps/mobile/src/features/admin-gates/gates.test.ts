import {
  activeCodeText,
  filterGates,
  issueWarning,
  revokedText,
  versionText,
  type GateItem,
} from './gates';

const gate = (overrides: Partial<GateItem> = {}): GateItem => ({
  gateId: 'g1',
  gateName: '正门',
  enterpriseId: 'e1',
  enterpriseName: '郑州思念食品有限公司',
  uscc: '91410100MA00000001',
  district: '金水区',
  activeVersion: 2,
  activeIssuedAt: '2026-12-01T07:40:00Z',
  activeIssuedByName: '系统管理员',
  ...overrides,
});

describe('门口码与海报', () => {
  it('says which version is in force, when and by whom, or that there is none', () => {
    expect(activeCodeText(gate())).toBe('第 2 版 · 2026-12-01 15:40 由系统管理员生成');
    expect(activeCodeText(gate({ activeVersion: null }))).toBe('尚未生成打卡码');
  });

  it('warns that the printed poster stops working before re-issuing', () => {
    const warning = issueWarning(gate());
    expect(warning.content).toContain('第 2 版立即作废');
    expect(warning.content).toContain('已打印张贴的海报将不能再扫码打卡');
    expect(issueWarning(gate({ activeVersion: null })).content).not.toContain('作废');
  });

  it('finds gates by firm, gate, district or USCC', () => {
    const gates = [
      gate(),
      gate({ gateId: 'g2', gateName: '物流门', enterpriseName: '宇通客车', district: '管城区' }),
    ];
    expect(filterGates(gates, '物流').map((g) => g.gateId)).toEqual(['g2']);
    expect(filterGates(gates, '思念 正门').map((g) => g.gateId)).toEqual(['g1']);
    expect(filterGates(gates, '管城区').map((g) => g.gateId)).toEqual(['g2']);
    expect(filterGates(gates, '  ')).toHaveLength(2);
  });

  it('describes each version of the record', () => {
    const revoked = {
      version: 1,
      issuedAt: '2026-11-01T01:00:00Z',
      issuedBy: { id: 'a', name: '系统管理员' },
      revokedAt: '2026-12-01T07:40:00Z',
    };
    expect(versionText(revoked)).toEqual({
      title: '第 1 版',
      detail: '2026-11-01 09:00 由系统管理员生成',
      active: false,
    });
    expect(revokedText(revoked)).toBe('2026-12-01 15:40 作废');
    expect(revokedText({ ...revoked, revokedAt: null })).toBe('使用中');
  });
});
