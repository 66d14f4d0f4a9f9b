import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Workbook } from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { DESKTOP, lookAt, PHONE } from './support/look';
import { startRunningApp } from './support/running-app';
import { loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

const FIRM_USCC = '91410100MA00000000'; // replaced below by the demo firm's code
const JS = '郑州市生态环境局金水分局';

/** A workbook with the 单位, 执法人员 and 企业联系人 sheets, as the template lays them out. */
async function peopleWorkbook(tag: string, firmUscc: string): Promise<string> {
  const book = new Workbook();
  const sheet = (name: string, rows: (string | null)[][]) => {
    const ws = book.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  };
  sheet('单位', [
    ['单位名称', '上级单位', '层级'],
    [`金水分局第${tag}中队`, `金水分局第${tag}大队`, '中队'],
    [`金水分局第${tag}大队`, JS, '大队'],
  ]);
  sheet('执法人员', [
    ['执法证号', '姓名', '所属单位', '用户名', '手机'],
    [`豫A4109${tag}1`, '孙立新', `金水分局第${tag}中队`, `sunlixin${tag}`, '13800009901'],
    [`豫A4109${tag}2`, '周敏', `金水分局第${tag}大队`, `zhoumin${tag}`, null],
  ]);
  sheet('企业联系人', [
    ['用户名', '姓名', '统一社会信用代码', '手机'],
    [`hanmei${tag}`, '韩梅', firmUscc, '13900009901'],
  ]);
  const file = path.join(tmpdir(), `qinqing-people-${tag}-${process.pid}.xlsx`);
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
}

/** The admin imports units, officers and a firm contact, and prints their one-time passwords. */
describe('主数据导入 of people in Chromium: 打印初始密码', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let firmUscc = FIRM_USCC;

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();
    [{ uscc: firmUscc }] = await app.dataSource.query(
      `SELECT uscc FROM enterprise WHERE name = '郑州思念食品有限公司'`,
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function importPeople(page: Page, file: string): Promise<void> {
    await page.getByTestId('desk-master-data').click();
    await page.waitForURL((url) => url.hash.includes('pages/admin/master-data/index'));
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByRole('button', { name: '检查（不导入）' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.innerText()).toMatch(/执法人员\s*新增\s*2/);
    await page.getByTestId('import-apply').click();
    await page.locator(':text-is("确认导入"):visible').last().click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
  }

  for (const [label, viewport, tag] of [
    ['1280', DESKTOP, '7'],
    ['360', PHONE, '8'],
  ] as const) {
    it(`at ${label} px: the accounts created are counted and their passwords print as a PDF`, async () => {
      const page = await browser.newPage({ viewport, acceptDownloads: true });
      await loginAs(page, app.baseUrl, 'admin');
      await importPeople(page, await peopleWorkbook(tag, firmUscc));

      const accounts = page.getByTestId('import-accounts');
      await expect(accounts.innerText()).resolves.toContain(
        '本次新建 3 个账号（执法人员 2 个，企业联系人 1 个）',
      );
      await expect(accounts.innerText()).resolves.toContain('离开本页后无法再次打印');
      const print = page.getByRole('button', { name: '打印初始密码' });
      await print.scrollIntoViewIfNeeded();
      await lookAt(page, `admin-import-accounts-${label}`);

      const [download] = await Promise.all([page.waitForEvent('download'), print.click()]);
      expect(download.suggestedFilename()).toBe('账号初始密码清单.pdf');
      const pdf = readFileSync((await download.path())!);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.getByText('已下载：账号初始密码清单.pdf').waitFor();
      await lookAt(page, `admin-import-printed-${label}`);

      const [unit] = await app.dataSource.query(
        `SELECT level, (SELECT name FROM unit p WHERE p.id = u.parent_id) AS parent FROM unit u WHERE name = $1`,
        [`金水分局第${tag}中队`],
      );
      expect(unit).toEqual({ level: 'BRIGADE', parent: `金水分局第${tag}大队` });
      const printed = await app.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry a JOIN app_user u ON u.id::text = a.subject_id::text
          WHERE a.action = 'USER_CREDENTIALS_PRINTED' AND u.username LIKE $1`,
        [`%${tag}`],
      );
      expect(printed[0].n).toBe(3);
      await page.close();
    });
  }
});
