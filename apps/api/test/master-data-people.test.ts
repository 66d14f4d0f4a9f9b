import type { LightMyRequestResponse } from 'fastify';
import { assertConformsToContract } from './support/contract-conformance';
import { startDemoWorld, type DemoWorld } from './support/demo-world';
import { upload, uscc, workbook, type Sheets } from './support/master-data-upload';
import { readPdfText } from './support/read-pdf-text';

interface Problem {
  sheet: string;
  row: number;
  column: string;
  value: string;
  message: string;
}

interface ImportedAccount {
  userId: string;
  username: string;
  displayName: string;
  role: 'officer' | 'enterprise';
  unit: string | null;
  firms: string[];
  oneTimePassword: string;
}

const ZD = '郑州市生态环境综合行政执法支队';
const JS = '郑州市生态环境局金水分局';
const XZ = '郑州市生态环境局新郑分局';
const SINIAN = '郑州思念食品有限公司';

describe('master data import: 单位, 执法人员, 企业联系人 sheets and the printable one-time passwords', () => {
  let w: DemoWorld;
  let usccOf: Record<string, string>;
  let address = 0;
  beforeAll(async () => {
    w = await startDemoWorld({ LOGIN_ACCOUNT_DELAY_MS: 0 });
    const items: { name: string; uscc: string }[] = (
      await w.users.admin.request('GET', '/api/v1/enterprises')
    ).json().items;
    usccOf = Object.fromEntries(items.map((f) => [f.name, f.uscc]));
  }, 60_000);
  afterAll(() => w.t.close());

  const importSheets = async (sheets: Sheets, dryRun: boolean) => {
    const res = await upload(w, w.users.admin, await workbook(sheets), `dryRun=${dryRun}`);
    assertConformsToContract('POST', '/api/v1/master-data/import', res);
    return res;
  };
  const problemsOf = (res: LightMyRequestResponse): Problem[] => res.json().problems;
  const login = (username: string, password: string) =>
    w.t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: `10.40.${Math.floor(++address / 250)}.${(address % 250) + 1}`,
    });
  const print = (accounts: { userId: string; oneTimePassword: string }[], user = w.users.admin) =>
    user.request('POST', '/api/v1/users/credentials-sheet', { accounts });
  /** Everything an import of people could change. */
  const state = async () =>
    w.t.dataSource.query(`SELECT
      (SELECT count(*) FROM unit)::int AS units,
      (SELECT string_agg(id || ':' || coalesce(parent_id::text, ''), ',' ORDER BY id) FROM unit) AS tree,
      (SELECT count(*) FROM app_user)::int AS users,
      (SELECT string_agg(username || ':' || name || ':' || coalesce(phone, '') || ':' || coalesce(unit_id::text, ''), ',' ORDER BY username) FROM app_user) AS accounts,
      (SELECT count(*) FROM enterprise_member)::int AS members,
      (SELECT count(*) FROM audit_entry)::int AS audit`);
  const auditOf = async (importId: string) =>
    (await w.t.dataSource.query(
      `SELECT action, subject_type AS "subjectType", subject_id AS "subjectId", data
         FROM audit_entry WHERE data->>'importId' = $1 ORDER BY seq`,
      [importId],
    )) as {
      action: string;
      subjectType: string;
      subjectId: string;
      data: Record<string, unknown>;
    }[];
  const unitByName = async (name: string) =>
    (
      await w.t.dataSource.query(
        `SELECT id, level, parent_id AS "parentId" FROM unit WHERE name = $1`,
        [name],
      )
    )[0] as { id: string; level: string; parentId: string | null } | undefined;

  describe('单位', () => {
    it('creates units whose parents come later in the sheet, 中队 as a brigade; moves an existing unit; dry run first', async () => {
      const sheets: Sheets = {
        单位: [
          ['金水分局第一中队', '金水分局第一大队', '中队'],
          ['金水分局第一大队', JS, '大队'],
          [XZ, ZD, '分局'],
          ['新郑分局第二大队', XZ, '大队'],
        ],
      };
      const before = await state();
      const dry = await importSheets(sheets, true);
      expect(dry.statusCode).toBe(200);
      expect(dry.json()).toMatchObject({
        ok: true,
        problems: [],
        summary: { units: { create: 3, update: 0, unchanged: 1 } },
      });
      expect(await state()).toEqual(before);

      const res = await importSheets(sheets, false);
      expect(res.statusCode).toBe(200);
      expect(res.json().accounts).toBeUndefined();
      const brigade = (await unitByName('金水分局第一大队'))!;
      const squad = (await unitByName('金水分局第一中队'))!;
      expect(brigade).toMatchObject({ level: 'BRIGADE', parentId: (await unitByName(JS))!.id });
      expect(squad).toMatchObject({ level: 'BRIGADE', parentId: brigade.id });

      // the units endpoint lists them; their audit entries read as the endpoint's
      const audit = await auditOf(res.json().importId);
      expect(audit.map((e) => e.action)).toEqual([
        'MASTER_DATA_IMPORTED',
        'UNIT_CREATED',
        'UNIT_CREATED',
        'UNIT_CREATED',
      ]);
      expect(audit.slice(1).map((e) => e.data.name)).toEqual([
        '金水分局第一大队',
        '金水分局第一中队',
        '新郑分局第二大队',
      ]);
      expect(audit[2].data).toMatchObject({ level: 'BRIGADE', parentId: brigade.id });
      const listed = (await w.users.admin.request('GET', '/api/v1/units')).json().items;
      expect(listed.map((u: { name: string }) => u.name)).toContain('金水分局第一中队');

      // a move: the 新郑 brigade goes under 金水分局
      const moved = await importSheets({ 单位: [['新郑分局第二大队', JS, '大队']] }, false);
      expect(moved.json().summary.units).toEqual({ create: 0, update: 1, unchanged: 0 });
      const second = (await unitByName('新郑分局第二大队'))!;
      expect(second.parentId).toBe((await unitByName(JS))!.id);
      const [entry] = (await auditOf(moved.json().importId)).filter(
        (e) => e.action === 'UNIT_UPDATED',
      );
      expect(entry).toMatchObject({
        subjectId: second.id,
        data: {
          before: { parentId: (await unitByName(XZ))!.id },
          after: { parentId: (await unitByName(JS))!.id },
        },
      });

      // the same sheet again: nothing to do, nothing written
      const audited = await state();
      const again = await importSheets(
        { 单位: [['新郑分局第二大队', JS, '大队'], ...sheets.单位!.slice(0, 2)] },
        false,
      );
      expect(again.json()).toMatchObject({
        ok: true,
        summary: { units: { create: 0, update: 0, unchanged: 3 } },
      });
      expect(again.json().importId).toBeUndefined();
      expect(await state()).toEqual(audited);
    });

    it('reports unknown parents, cycles, levels, blanks and duplicates row by row, and changes nothing', async () => {
      const before = await state();
      const res = await importSheets(
        {
          单位: [
            ['惠济分局', '不存在的支队', '分局'], // 2
            ['A大队', 'B大队', '大队'], // 3
            ['B大队', 'A大队', '大队'], // 4
            ['管城分局', '', '分局'], // 5
            ['上街分局', ZD, '科室'], // 6
            [JS, ZD, '大队'], // 7: an existing 分局 cannot become a 大队
            ['中原分局', ZD, '分局'], // 8
            ['中原分局', ZD, '分局'], // 9
            ['good', ZD, '分局'], // 10: fine on its own
            [JS, '金水分局第一中队', '分局'], // 11: under its own grandchild
          ],
        },
        false,
      );
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      const problems = problemsOf(res);
      const at = (row: number) => problems.filter((p) => p.row === row).map((p) => p.message);
      expect(at(2)).toEqual([expect.stringContaining('找不到上级单位“不存在的支队”')]);
      expect(at(3)).toEqual(['上级单位形成循环：A大队 → B大队 → A大队']);
      expect(at(4)).toEqual(['上级单位形成循环：B大队 → A大队 → B大队']);
      expect(at(5)).toEqual(['只有最上级的支队可以不填“上级单位”']);
      expect(at(6)).toEqual([expect.stringContaining('无法识别的层级“科室”')]);
      expect(at(7)).toEqual([expect.stringContaining('现为分局：层级不能通过导入修改')]);
      expect(at(8)).toEqual([]);
      expect(at(9)).toEqual(['单位名称与第8行重复']);
      expect(at(10)).toEqual([]);
      expect(at(11)).toEqual([
        expect.stringMatching(/^上级单位形成循环：郑州市生态环境局金水分局 → /),
      ]);
      expect(problems.every((p) => p.sheet === '单位')).toBe(true);
      expect(await state()).toEqual(before);
      expect(await unitByName('good')).toBeUndefined();
    });
  });

  describe('执法人员 and 企业联系人', () => {
    let created: ImportedAccount[];

    it('creates officers and firm contacts with one-time passwords, answered once, never stored or audited in clear', async () => {
      const firmA = uscc(7001);
      const sheets: Sheets = {
        单位: [['金水分局第三大队', JS, '大队']],
        企业: [
          [
            firmA,
            '郑州市导入测试环保科技有限公司',
            null,
            null,
            null,
            null,
            null,
            '金水分局第三大队',
            '豫A41019901',
          ],
        ],
        执法人员: [
          ['豫A41019901', '孙立新', '金水分局第三大队', 'sunlixin', '13800009901'],
          ['豫A41019902', '周敏', XZ, 'zhoumin', null],
          // officer1 already holds this 执法证号: only his name, unit and phone change
          ['豫A41010001', '张建国', XZ, 'officer1', '13800000111'],
        ],
        企业联系人: [
          ['hanmei', '韩梅', firmA, '13900009901'],
          ['hanmei', '韩梅', usccOf[SINIAN], null],
          // firm2 gains a second firm; his first stays bound
          ['firm2', '陈伟（瑞泰耐材环保主管）', usccOf[SINIAN], null],
        ],
      };
      const before = await state();
      const dry = await importSheets(sheets, true);
      expect(dry.json()).toMatchObject({
        ok: true,
        problems: [],
        summary: {
          units: { create: 1 },
          firms: { create: 1 },
          officers: { create: 2, update: 1, unchanged: 0 },
          contacts: { create: 1, update: 1, unchanged: 0 },
        },
      });
      expect(dry.json().accounts).toBeUndefined();
      expect(await state()).toEqual(before);

      const res = await importSheets(sheets, false);
      expect(res.statusCode).toBe(200);
      created = res.json().accounts;
      expect(created).toEqual([
        expect.objectContaining({
          username: 'sunlixin',
          displayName: '孙立新',
          role: 'officer',
          unit: '金水分局第三大队',
          firms: [],
        }),
        expect.objectContaining({ username: 'zhoumin', role: 'officer', unit: XZ }),
        expect.objectContaining({
          username: 'hanmei',
          role: 'enterprise',
          unit: null,
          firms: ['郑州市导入测试环保科技有限公司', SINIAN],
        }),
      ]);
      for (const account of created) expect(account.oneTimePassword).toMatch(/^\S{12,}$/);

      // each can log in with it, and must change it first
      for (const account of created) {
        const session = await login(account.username, account.oneTimePassword);
        expect(session.statusCode).toBe(200);
        expect(session.json().user).toMatchObject({ id: account.userId, mustChangePassword: true });
      }
      const [hanmei] = await w.t.dataSource.query(
        `SELECT u.role, u.phone, array_agg(e.name ORDER BY e.name) AS firms
           FROM app_user u JOIN enterprise_member m ON m.user_id = u.id JOIN enterprise e ON e.id = m.enterprise_id
          WHERE u.username = 'hanmei' GROUP BY u.role, u.phone`,
      );
      expect(hanmei).toEqual({
        role: 'enterprise',
        phone: '13900009901',
        firms: ['郑州思念食品有限公司', '郑州市导入测试环保科技有限公司'].sort(),
      });
      // the new officer is the new firm's liaison
      const [firm] = await w.t.dataSource.query(
        `SELECT liaison_officer_id AS "liaison" FROM enterprise WHERE uscc = $1`,
        [firmA],
      );
      expect(firm.liaison).toBe(created[0].userId);
      const [officer1] = await w.t.dataSource.query(
        `SELECT u.phone, un.name AS unit FROM app_user u JOIN unit un ON un.id = u.unit_id WHERE u.username = 'officer1'`,
      );
      expect(officer1).toEqual({ phone: '13800000111', unit: XZ });
      const firm2Firms = await w.t.dataSource.query(
        `SELECT e.name FROM enterprise_member m JOIN enterprise e ON e.id = m.enterprise_id
           JOIN app_user u ON u.id = m.user_id WHERE u.username = 'firm2' ORDER BY e.name`,
      );
      expect(firm2Firms.map((f: { name: string }) => f.name)).toEqual([
        '河南瑞泰耐材科技有限公司',
        SINIAN,
      ]);

      // audited as the users endpoint audits, without a single password
      const audit = await auditOf(res.json().importId);
      expect(audit.map((e) => e.action)).toEqual([
        'MASTER_DATA_IMPORTED',
        'UNIT_CREATED',
        'USER_CREATED',
        'USER_CREATED',
        'USER_UPDATED',
        'ENTERPRISE_CREATED',
        'USER_CREATED',
        'USER_UPDATED',
      ]);
      expect(audit[2].data).toMatchObject({
        username: 'sunlixin',
        displayName: '孙立新',
        role: 'officer',
        badgeNo: '豫A41019901',
        phone: '13800009901',
      });
      expect(audit[4].data).toMatchObject({
        before: { unitId: (await unitByName(JS))!.id, phone: '13800000001' },
        after: { unitId: (await unitByName(XZ))!.id, phone: '13800000111' },
      });
      expect(audit[6].data).toMatchObject({ username: 'hanmei', role: 'enterprise' });
      expect((audit[6].data.enterpriseIds as string[]).length).toBe(2);
      expect(audit[7].data).toMatchObject({
        before: { enterpriseIds: [w.firms.ruitai.id] },
        after: { enterpriseIds: [w.firms.ruitai.id, w.firms.sinian.id].sort() },
      });
      const everything = JSON.stringify(await w.t.dataSource.query(`SELECT data FROM audit_entry`));
      for (const account of created) expect(everything).not.toContain(account.oneTimePassword);
      const hashes = await w.t.dataSource.query(
        `SELECT password_hash AS hash FROM app_user WHERE username IN ('sunlixin', 'zhoumin', 'hanmei')`,
      );
      for (const { hash } of hashes) expect(hash).toMatch(/^\$argon2id\$/);

      // the same file again: nothing changes, no new passwords
      const counted = await state();
      const again = await importSheets(sheets, false);
      expect(again.json()).toMatchObject({
        ok: true,
        summary: {
          units: { create: 0, update: 0, unchanged: 1 },
          officers: { create: 0, update: 0, unchanged: 3 },
          contacts: { create: 0, update: 0, unchanged: 2 },
        },
      });
      expect(again.json().accounts).toBeUndefined();
      expect(await state()).toEqual(counted);
    });

    it('reports taken usernames, duplicate 执法证号, unknown units and firms, bad phones; one bad row imports nothing', async () => {
      const before = await state();
      const res = await importSheets(
        {
          执法人员: [
            ['豫A41018801', '钱进', JS, 'qianjin', '13800008801'], // 2: fine
            ['豫A41018802', '吴用', JS, 'firm1', null], // 3: an enterprise user's username
            ['豫A41018803', '郑好', JS, 'OFFICER2', null], // 4: another officer's (any case)
            ['豫A41018801', '钱进', JS, 'qianjin2', null], // 5: 执法证号 again
            ['豫A41018804', '冯远', '不存在的大队', 'fengyuan', null], // 6
            ['豫A41018805', '陈静', JS, 'chenjing', '电话号码'], // 7
            ['豫A41010002', '李明华', JS, 'liminghua', null], // 8: officer2's badge, another username
            ['豫A41018806', '', JS, 'x', null], // 9
          ],
          企业联系人: [
            ['officer3', '王志强', usccOf[SINIAN], '13900008801'], // 2: an officer's username
            ['zhaolei', '赵磊', uscc(9999), '13900008802'], // 3: unknown firm
            ['qianjin', '钱进', usccOf[SINIAN], '13900008803'], // 4: in the officers sheet
            ['sunli', '孙丽', usccOf[SINIAN], null], // 5: a new contact needs a phone
            ['liuyang', '刘洋', usccOf[SINIAN], '13900008804'], // 6
            ['liuyang', '刘阳', usccOf['河南瑞泰耐材科技有限公司'], null], // 7: another name
            ['liuyang', '刘洋', usccOf[SINIAN], null], // 8: same firm again
          ],
        },
        false,
      );
      expect(res.statusCode).toBe(422);
      const problems = problemsOf(res);
      const at = (sheet: string, row: number) =>
        problems.filter((p) => p.sheet === sheet && p.row === row).map((p) => p.message);
      expect(at('执法人员', 2)).toEqual([]);
      expect(at('执法人员', 3)).toEqual([
        '用户名“firm1”已被企业管理人员账号“刘晓燕（思念食品环保主管）”使用',
      ]);
      expect(at('执法人员', 4)).toEqual([
        '用户名“OFFICER2”已被执法人员李明华（执法证号 豫A41010002）使用',
      ]);
      expect(at('执法人员', 5)).toEqual(['执法证号与第2行重复']);
      expect(at('执法人员', 6)).toEqual([expect.stringContaining('找不到执法单位“不存在的大队”')]);
      expect(at('执法人员', 7)).toEqual([expect.stringContaining('电话号码格式不正确')]);
      expect(at('执法人员', 8)).toEqual([
        '执法证号“豫A41010002”已登记在账号“officer2”上：用户名不能通过导入修改',
      ]);
      expect(at('执法人员', 9)).toEqual([
        '“姓名”不能为空',
        expect.stringContaining('用户名为 3–64 位'),
      ]);
      expect(at('企业联系人', 2)).toEqual([expect.stringContaining('已被执法人员王志强')]);
      expect(at('企业联系人', 3)).toEqual([expect.stringContaining('找不到该企业')]);
      expect(at('企业联系人', 4)).toEqual(['用户名与“执法人员”工作表第2行重复']);
      expect(at('企业联系人', 5)).toEqual(['新建的企业联系人须填写手机']);
      expect(at('企业联系人', 6)).toEqual([]);
      expect(at('企业联系人', 7)).toEqual(['同一用户名的姓名与第6行（刘洋）不一致']);
      expect(at('企业联系人', 8)).toEqual([expect.stringContaining('同一联系人的企业与第6行重复')]);
      expect(await state()).toEqual(before);

      // one bad row among good ones: nothing at all
      const one = await importSheets(
        {
          单位: [['二七分局', ZD, '分局']],
          执法人员: [
            ['豫A41018811', '钱进', '二七分局', 'qianjin', '13800008801'],
            ['豫A41018812', '吴用', '二七分局', 'firm1', null],
          ],
        },
        false,
      );
      expect(one.statusCode).toBe(422);
      expect(problemsOf(one)).toHaveLength(1);
      expect(one.json().accounts).toBeUndefined();
      expect(await state()).toEqual(before);
      expect(await unitByName('二七分局')).toBeUndefined();
    });

    it('exports the people sheets the import reads back unchanged, and imports a CSV of one', async () => {
      // a retired unit with a deactivated officer in it: exported, and read back as it is
      const admin = w.users.admin;
      const unit = (
        await admin.request('POST', '/api/v1/units', {
          name: '金水分局已撤销大队',
          parentId: (await unitByName(JS))!.id,
        })
      ).json();
      const officer = (
        await admin.request('POST', '/api/v1/users', {
          username: 'chexiao',
          displayName: '撤销',
          role: 'officer',
          unitId: unit.id,
          badgeNo: '豫A41017701',
        })
      ).json().user;
      expect(
        (await admin.request('PATCH', `/api/v1/users/${officer.id}`, { active: false })).statusCode,
      ).toBe(200);
      expect(
        (await admin.request('PATCH', `/api/v1/units/${unit.id}`, { active: false })).statusCode,
      ).toBe(200);
      const sheetOf = async (sheet: string) =>
        (
          await admin.request(
            'GET',
            `/api/v1/master-data/export.csv?sheet=${encodeURIComponent(sheet)}`,
          )
        ).rawPayload;
      for (const sheet of ['单位', '执法人员']) {
        const same = await upload(
          w,
          admin,
          await sheetOf(sheet),
          `dryRun=true&sheet=${encodeURIComponent(sheet)}`,
          'text/csv',
        );
        expect(same.json()).toMatchObject({ ok: true, problems: [] });
      }
      // but nobody new goes into it, and no unit under it
      const refused = await importSheets(
        {
          单位: [['已撤销大队下的中队', '金水分局已撤销大队', '中队']],
          执法人员: [['豫A41017702', '新人', '金水分局已撤销大队', 'xinren', null]],
        },
        true,
      );
      expect(problemsOf(refused).map((p) => p.message)).toEqual([
        '上级单位“金水分局已撤销大队”已撤销',
        '执法单位“金水分局已撤销大队”已撤销，不能再安排人员',
      ]);

      const csv = await w.users.admin.request(
        'GET',
        `/api/v1/master-data/export.csv?sheet=${encodeURIComponent('执法人员')}`,
      );
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('豫A41019901,孙立新,金水分局第三大队,sunlixin,13800009901');
      const contacts = await w.users.admin.request(
        'GET',
        `/api/v1/master-data/export.csv?sheet=${encodeURIComponent('企业联系人')}`,
      );
      expect(contacts.body.match(/^hanmei,/gm)).toHaveLength(2);
      const units = await w.users.admin.request(
        'GET',
        `/api/v1/master-data/export.csv?sheet=${encodeURIComponent('单位')}`,
      );
      expect(units.body).toContain('金水分局第一中队,金水分局第一大队,中队');
      expect(units.body).toContain(`${ZD},,支队`);

      const back = await upload(
        w,
        w.users.admin,
        csv.rawPayload,
        `dryRun=false&sheet=${encodeURIComponent('执法人员')}`,
        'text/csv',
      );
      expect(back.statusCode).toBe(200);
      expect(back.json()).toMatchObject({
        ok: true,
        summary: { officers: { create: 0, update: 0 } },
      });
      expect(back.json().importId).toBeUndefined();
    });

    describe('POST /api/v1/users/credentials-sheet', () => {
      it('prints the valid one-time passwords on an A4 list, audited without them', async () => {
        const accounts = created.map((a) => ({
          userId: a.userId,
          oneTimePassword: a.oneTimePassword,
        }));
        const res = await print(accounts);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers['content-disposition']).toMatch(
          /^attachment; filename="credentials\.pdf"/,
        );
        const pdf = readPdfText(res.rawPayload);
        expect(pdf.pages).toHaveLength(1);
        expect(pdf.pages[0].mediaBox.map(Math.round)).toEqual([0, 0, 595, 842]);
        const text = pdf.pages[0].text.replace(/\n/g, '');
        expect(text).toContain(ZD);
        expect(text).toContain('账号初始密码清单');
        expect(text).toContain('首次登录后须修改密码');
        expect(text).toContain('签收人签字');
        for (const account of created) {
          expect(text).toContain(account.displayName);
          expect(text).toContain(account.username);
          // monospaced and spaced apart on paper; pdf.js may read the gaps as blanks
          expect(text.replace(/\s+/g, '')).toContain(account.oneTimePassword);
        }
        expect(text).toContain(`郑州市导入测试环保科技有限公司、${SINIAN}`);
        expect(text).toContain('执法人员');
        expect(text).toContain('企业管理人员');
        expect(text).toContain('金水分局第三大队');

        const audit = await w.t.dataSource.query(
          `SELECT subject_id AS "subjectId", actor_id AS "actorId", data FROM audit_entry
            WHERE action = 'USER_CREDENTIALS_PRINTED' ORDER BY seq`,
        );
        expect(audit.map((e: { subjectId: string }) => e.subjectId)).toEqual(
          created.map((a) => a.userId),
        );
        expect(audit[0]).toMatchObject({ actorId: w.users.admin.id, data: { accounts: 3 } });
        for (const account of created) {
          expect(JSON.stringify(audit)).not.toContain(account.oneTimePassword);
        }
      });

      it('pages a long list: 30 accounts, several A4 pages', async () => {
        const sheets: Sheets = {
          执法人员: Array.from({ length: 30 }, (_, i) => [
            `豫A4102${String(i).padStart(4, '0')}`,
            `测试${i}`,
            JS,
            `bulk${i}`,
            null,
          ]),
        };
        const res = await importSheets(sheets, false);
        const accounts = (res.json().accounts as ImportedAccount[]).map((a) => ({
          userId: a.userId,
          oneTimePassword: a.oneTimePassword,
        }));
        expect(accounts).toHaveLength(30);
        const pdf = readPdfText((await print(accounts)).rawPayload);
        expect(pdf.pages.length).toBeGreaterThanOrEqual(5);
        expect(pdf.pages.at(-1)!.text).toContain('bulk29');
        expect(pdf.pages.at(-1)!.text).toContain(`第 ${pdf.pages.length} / ${pdf.pages.length} 页`);
      });

      it('refuses a changed, wrong or unknown password row by row (422 CREDENTIALS_INVALID), and nothing is printed', async () => {
        const [sun, zhou, han] = created;
        const changed = await login(sun.username, sun.oneTimePassword);
        const token = changed.json().accessToken;
        const done = await w.t.inject({
          method: 'POST',
          url: '/api/v1/auth/password',
          headers: { authorization: `Bearer ${token}` },
          payload: { currentPassword: sun.oneTimePassword, newPassword: 'Jinshui-Zhifa-2027' },
        });
        expect(done.statusCode).toBe(204);
        const printedBefore = await w.t.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'USER_CREDENTIALS_PRINTED'`,
        );
        const res = await print([
          { userId: sun.userId, oneTimePassword: sun.oneTimePassword },
          { userId: zhou.userId, oneTimePassword: zhou.oneTimePassword },
          { userId: han.userId, oneTimePassword: 'NotThePassword9' },
          { userId: w.firms.sinian.id, oneTimePassword: 'Abcdefgh2345' },
          { userId: w.users.firm1.id, oneTimePassword: 'Qinqing@2026' },
        ]);
        expect(res.statusCode).toBe(422);
        expect(res.json()).toMatchObject({
          code: 'CREDENTIALS_INVALID',
          message: expect.stringContaining('一次性密码不正确或已失效'),
          errors: [
            { field: 'accounts.0', message: expect.stringContaining('“sunlixin”已修改过密码') },
            { field: 'accounts.2', message: expect.stringContaining('“hanmei”的一次性密码不正确') },
            { field: 'accounts.3', message: '第4个账号：找不到该账号' },
            { field: 'accounts.4', message: expect.stringContaining('“firm1”已修改过密码') },
          ],
        });
        expect(
          await w.t.dataSource.query(
            `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'USER_CREDENTIALS_PRINTED'`,
          ),
        ).toEqual(printedBefore);
      });

      it('prints a password reset in 账号管理; a second reset makes the first unprintable', async () => {
        const officer2 = (await w.users.admin.request('GET', '/api/v1/users?q=officer2')).json()
          .items[0];
        const first = (
          await w.users.admin.request('POST', `/api/v1/users/${officer2.id}/password-reset`)
        ).json().oneTimePassword;
        const ok = await print([{ userId: officer2.id, oneTimePassword: first }]);
        expect(ok.statusCode).toBe(200);
        expect(readPdfText(ok.rawPayload).pages[0].text).toContain('李明华');
        await w.users.admin.request('POST', `/api/v1/users/${officer2.id}/password-reset`);
        const stale = await print([{ userId: officer2.id, oneTimePassword: first }]);
        expect(stale.statusCode).toBe(422);
      });

      it('is for admins only, and takes 1 to 500 accounts', async () => {
        const [, zhou] = created;
        for (const user of ['officer1', 'supervisor', 'firm1'] as const) {
          const res = await print(
            [{ userId: zhou.userId, oneTimePassword: zhou.oneTimePassword }],
            w.users[user],
          );
          expect(res.statusCode).toBe(403);
          expect(res.json().code).toBe('FORBIDDEN');
        }
        expect((await print([])).statusCode).toBe(400);
        const tooMany = Array.from({ length: 501 }, () => ({
          userId: zhou.userId,
          oneTimePassword: zhou.oneTimePassword,
        }));
        expect((await print(tooMany)).json().code).toBe('VALIDATION_FAILED');
        const twice = await print([
          { userId: zhou.userId, oneTimePassword: zhou.oneTimePassword },
          { userId: zhou.userId, oneTimePassword: zhou.oneTimePassword },
        ]);
        expect(twice.statusCode).toBe(422);
        expect(twice.json().errors).toEqual([
          { field: 'accounts.1', message: '第2个账号：与第1个账号重复' },
        ]);
      });
    });
  });
});
