import type { DeskSummary } from '@qinqing/domain';
import { checkInBody, startDemoWorld, type DemoWorld, type Firm } from './support/demo-world';

/**
 * 不予入企（按规则） counts the rules that refused, not the flags a refused attempt also carries:
 * an officer alone (SINGLE_OFFICER, a flag) refused for the positive list is one refusal by the
 * positive list, and none by 两名以上执法人员.
 */
describe('GET /api/v1/desk/summary: refusals by the refusing rule', () => {
  let w: DemoWorld;

  async function refusedAlone(firm: Firm, overrides: Record<string, unknown>): Promise<string[]> {
    const code = await w.issueCode(firm);
    const res = await w.users.officer1.request('POST', '/api/v1/check-ins', {
      ...checkInBody(w, code, firm),
      coOfficerIds: [],
      ...overrides,
    });
    expect(res.statusCode).toBe(409);
    return (res.json().reasons as { code: string }[]).map((r) => r.code);
  }

  beforeAll(async () => {
    w = await startDemoWorld();
  });
  afterAll(() => w.t.close());

  it('counts each refused attempt under the rule that refused it, not under its flags', async () => {
    // a routine inspection at a positive-list firm, by one officer: refused, and flagged 单人
    expect(await refusedAlone(w.firms.sinian, { purpose: 'ROUTINE', reference: null })).toEqual([
      'POSITIVE_LIST_NO_DISTURBANCE',
      'SINGLE_OFFICER',
    ]);
    // a campaign without its reference, by one officer: refused, and flagged 单人
    expect(await refusedAlone(w.firms.zhengjia, { reference: null })).toEqual([
      'REFERENCE_REQUIRED',
      'SINGLE_OFFICER',
    ]);

    const res = await w.users.supervisor.request('GET', '/api/v1/desk/summary');
    expect(res.statusCode).toBe(200);
    const s: DeskSummary = res.json();
    expect(s.refusalsByRule).toEqual([
      { code: 'POSITIVE_LIST_NO_DISTURBANCE', count: 1 },
      { code: 'REFERENCE_REQUIRED', count: 1 },
    ]);
    const [{ flags }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS flags FROM visit v, jsonb_array_elements(v.reasons) r
        WHERE v.outcome = 'REFUSED' AND r ->> 'code' = 'SINGLE_OFFICER'`,
    );
    expect(flags).toBe(2); // the flags are recorded, just not counted as refusals
  });
});
