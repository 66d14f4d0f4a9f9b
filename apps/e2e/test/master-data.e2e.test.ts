import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { usccCheckCharacter } from '@qinqing/domain';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath } from './support/browser';
import { startRunningApp } from './support/running-app';
import { loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

const DESKTOP = { width: 1280, height: 900 };
const NAME = '郑州金水绿源再生资源有限公司';
const FIRST17 = '91410100MA0009876';
const USCC = FIRST17 + usccCheckCharacter(FIRST17);
const WRONG = FIRST17 + (usccCheckCharacter(FIRST17) === 'X' ? 'Y' : 'X');

/** A 企业 sheet as a bureau keeps it, saved as CSV (UTF-8 with BOM, as Excel saves it). */
function firmsCsv(uscc: string): string {
  const file = path.join(tmpdir(), `qinqing-firms-${uscc}.csv`);
  const rows = [
    '统一社会信用代码,企业名称,地址,所属区县,行业,环境信用等级,监管类别,属地执法单位,联络员执法证号',
    `${uscc},${NAME},郑州市金水区北三环,金水区,再生资源回收,良好,一般监管对象,郑州市生态环境局金水分局,`,
  ];
  writeFileSync(file, `\ufeff${rows.join('\r\n')}\r\n`);
  return file;
}

/** The admin checks a sheet with a wrong check character, fixes it, and imports it. */
describe('企业主数据导入 in Chromium', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const firmCount = async (): Promise<number> =>
    (
      await app.dataSource.query('SELECT count(*)::int AS n FROM enterprise WHERE name = $1', [
        NAME,
      ])
    )[0].n;

  it('reports the bad row by row and column, imports nothing, then imports the corrected sheet', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, app.baseUrl, 'admin');
    await page.getByTestId('desk-master-data').click();
    await page.waitForURL((url) => url.hash.includes('pages/admin/master-data/index'));

    const file = page.locator('input[type="file"]');
    await file.setInputFiles(firmsCsv(WRONG));
    await page.getByTestId('import-check').click();
    const problem = page.getByTestId('import-problem').first();
    await problem.waitFor({ timeout: 15_000 });
    const text = await problem.innerText();
    expect(text).toContain('统一社会信用代码');
    expect(text).toContain('2');
    expect(text).toContain(WRONG);
    // NutUI's button on H5 says it is disabled to the browser with aria-disabled
    await expect(page.getByTestId('import-apply').getAttribute('aria-disabled')).resolves.toBe(
      'true',
    );
    await page.screenshot({ path: screenshotPath('admin-import-problems'), fullPage: true });
    expect(await firmCount()).toBe(0);

    await file.setInputFiles(firmsCsv(USCC));
    await page.getByTestId('import-check').click();
    const summary = page.getByTestId('import-summary');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="import-problem"]'),
      undefined,
      { timeout: 15_000 },
    );
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.innerText()).toMatch(/新增\D*1/);
    await page.getByTestId('import-apply').click();
    // the confirmation (导入将一次性写入全部数据…) answers with its own button
    await page.locator(':text-is("确认导入"):visible').last().click();
    await page.getByTestId('import-done').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('admin-import-done'), fullPage: true });

    const [firm] = await app.dataSource.query(
      'SELECT uscc, district, credit_grade AS "creditGrade" FROM enterprise WHERE name = $1',
      [NAME],
    );
    expect(firm).toEqual({ uscc: USCC, district: '金水区', creditGrade: 'GOOD' });
    const audit = await app.dataSource.query(
      `SELECT action FROM audit_entry WHERE action IN ('MASTER_DATA_IMPORTED', 'ENTERPRISE_CREATED') ORDER BY seq`,
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'MASTER_DATA_IMPORTED',
      'ENTERPRISE_CREATED',
    ]);
    await page.close();
  });
});
