import { usccCheckCharacter } from '@qinqing/domain';
import { startDemoWorld, type DemoWorld } from './support/demo-world';

describe('master data of firms (admin), audited', () => {
  let w: DemoWorld;
  let unitId: string;
  beforeAll(async () => {
    w = await startDemoWorld();
    unitId = (await w.t.dataSource.query(`SELECT id FROM unit WHERE code = 'ZZ-JS'`))[0].id;
  });
  afterAll(() => w.t.close());

  const body17 = '91410100MA9QQ0001';
  const newFirm = (uscc: string) => ({
    uscc,
    name: '郑州中铁工程装备集团盾构制造有限公司',
    district: '经开区',
    creditGrade: 'GOOD',
    unitId,
    gates: [{ name: '南门', lat: 34.72, lng: 113.75 }],
  });
  const auditActions = async (subjectId: string) =>
    (
      await w.t.dataSource.query(
        'SELECT action FROM audit_entry WHERE subject_id = $1 ORDER BY seq',
        [subjectId],
      )
    ).map((r: { action: string }) => r.action);

  it('registers a firm only with a valid USCC, explaining the problem in Chinese', async () => {
    const wrong = body17 + (usccCheckCharacter(body17) === '0' ? '1' : '0');
    const bad = await w.users.admin.request('POST', '/api/v1/enterprises', newFirm(wrong));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'uscc', message: '统一社会信用代码校验位不正确，请核对' },
    ]);

    const ok = await w.users.admin.request(
      'POST',
      '/api/v1/enterprises',
      newFirm(body17 + usccCheckCharacter(body17)),
    );
    expect(ok.statusCode).toBe(201);
    const duplicate = await w.users.admin.request(
      'POST',
      '/api/v1/enterprises',
      newFirm(body17 + usccCheckCharacter(body17)),
    );
    expect(duplicate.statusCode).toBe(409);
    expect(await auditActions(ok.json().id)).toEqual(['ENTERPRISE_CREATED']);
    const listed = (await w.users.officer1.request('GET', '/api/v1/enterprises')).json().items;
    expect(listed.find((e: { id: string }) => e.id === ok.json().id)).toMatchObject({
      onPositiveList: false,
      gates: [{ name: '南门', radiusM: 200 }],
    });
  });

  it('changes a credit grade with before and after in the audit log; only admins may', async () => {
    const firm = w.firms.zhonglian;
    expect(
      (
        await w.users.supervisor.request('PATCH', `/api/v1/enterprises/${firm.id}`, {
          creditGrade: 'GOOD',
        })
      ).statusCode,
    ).toBe(403);
    const res = await w.users.admin.request('PATCH', `/api/v1/enterprises/${firm.id}`, {
      creditGrade: 'GOOD',
    });
    expect(res.statusCode).toBe(200);
    const [entry] = await w.t.dataSource.query(
      `SELECT data FROM audit_entry WHERE action = 'ENTERPRISE_UPDATED' AND subject_id = $1`,
      [firm.id],
    );
    expect(entry.data).toEqual({
      before: { creditGrade: 'WARNING' },
      after: { creditGrade: 'GOOD' },
    });
  });

  it('keeps positive-list membership as history: add, refuse a second open one, end with a reason', async () => {
    const firm = w.firms.hanyang;
    const add = await w.users.admin.request(
      'POST',
      `/api/v1/enterprises/${firm.id}/positive-list`,
      {
        batch: '第四批',
        effectiveFrom: '2026-01-01',
      },
    );
    expect(add.statusCode).toBe(201);
    const again = await w.users.admin.request(
      'POST',
      `/api/v1/enterprises/${firm.id}/positive-list`,
      {
        batch: '第五批',
        effectiveFrom: '2026-02-01',
      },
    );
    expect(again.statusCode).toBe(409);
    const tooEarly = await w.users.admin.request(
      'POST',
      `/api/v1/enterprises/${firm.id}/positive-list/removal`,
      {
        effectiveTo: '2025-12-31',
        removalReason: '误操作',
      },
    );
    expect(tooEarly.statusCode).toBe(400);
    const end = await w.users.admin.request(
      'POST',
      `/api/v1/enterprises/${firm.id}/positive-list/removal`,
      {
        effectiveTo: '2026-03-31',
        removalReason: '环境信用等级下调为严重失信',
      },
    );
    expect(end.statusCode).toBe(200);
    const view = (await w.users.admin.request('GET', '/api/v1/enterprises'))
      .json()
      .items.find((e: { id: string }) => e.id === firm.id);
    expect(view.positiveList).toEqual([
      {
        batch: '第四批',
        effectiveFrom: '2026-01-01',
        effectiveTo: '2026-03-31',
        removalReason: '环境信用等级下调为严重失信',
      },
    ]);
    expect(await auditActions(firm.id)).toEqual(['POSITIVE_LIST_ADDED', 'POSITIVE_LIST_REMOVED']);
  });
});
