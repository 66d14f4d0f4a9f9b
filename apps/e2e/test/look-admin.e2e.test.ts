import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { usccCheckCharacter } from '@qinqing/domain';
import { Workbook } from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, screenshotPath } from './support/browser';
import { contrastOf, DESKTOP, expectTapTarget, lookAt, PHONE } from './support/look';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

const SIZES = [
  ['360', PHONE],
  ['1280', DESKTOP],
] as const;

const FIRM = '郑州思念食品有限公司';

/** A 企业 sheet with a wrong USCC check character, as a bureau's CSV (UTF-8 with BOM). */
function badFirmsCsv(): string {
  const first17 = '91410100MA0007654';
  const wrong = first17 + (usccCheckCharacter(first17) === 'X' ? 'Y' : 'X');
  const file = path.join(tmpdir(), `qinqing-look-admin-${process.pid}.csv`);
  const rows = [
    '统一社会信用代码,企业名称,地址,所属区县,行业,环境信用等级,监管类别,属地执法单位,联络员执法证号',
    `${wrong},郑州金水测试再生资源有限公司,郑州市金水区北三环一段很长很长的地址以便折行,金水区,再生资源回收,良好,一般监管对象,郑州市生态环境局金水分局,`,
    `91410100MA0007655X,,郑州市金水区,火星区,再生资源回收,极好,一般监管对象,不存在的执法单位,`,
  ];
  writeFileSync(file, `\ufeff${rows.join('\r\n')}\r\n`);
  return file;
}

/**
 * lookAt, and a screenshot of the whole length of the page (<name>-full.png): the app scrolls
 * inside its own container, so a full-page screenshot shows only the first screen.
 */
async function look(page: Page, name: string): Promise<void> {
  await lookAt(page, name);
  const size = page.viewportSize()!;
  const height = await page.evaluate(() =>
    Math.max(...Array.from(document.querySelectorAll('body *')).map((el) => el.scrollHeight)),
  );
  await page.setViewportSize({ width: size.width, height: Math.min(height + 120, 8000) });
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshotPath(`${name}-full`) });
  await page.setViewportSize(size);
}

/** The element lies inside the screen's width (nothing runs past the right edge). */
async function expectOnScreen(locator: Locator, width: number): Promise<void> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
}

/** Nothing inside the element is cut off: its content fits its box, and its text is inside it. */
async function expectNotClipped(locator: Locator): Promise<void> {
  const cut = await locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const problems: string[] = [];
    if (el.scrollWidth > el.clientWidth + 1)
      problems.push(`scrollWidth ${el.scrollWidth} > ${el.clientWidth}`);
    if (el.scrollHeight > el.clientHeight + 1)
      problems.push(`scrollHeight ${el.scrollHeight} > ${el.clientHeight}`);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      // text that is not shown (display: none) has no box to leave
      const style = node.parentElement && getComputedStyle(node.parentElement);
      if (!node.parentElement?.getClientRects().length || style?.visibility === 'hidden') continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (
        r.left < box.left - 1 ||
        r.right > box.right + 1 ||
        r.top < box.top - 1 ||
        r.bottom > box.bottom + 1
      ) {
        problems.push(`text "${node.textContent.trim()}" outside the box`);
      }
    }
    return problems;
  });
  expect(cut).toEqual([]);
}

/** A button a person can read: its visible text is the label, in readable contrast. */
async function expectReadableButton(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  await button.waitFor({ timeout: 15_000 });
  expect((await button.innerText()).trim()).toBe(name);
  const text = button.getByText(name, { exact: true });
  expect(await contrastOf(text)).toBeGreaterThanOrEqual(4.5);
  await expectNotClipped(button);
}

describe('admin, landing, login and public pages: what a person sees', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let drawId: string;

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();
    await issueGateCode(app, FIRM);
    const token = await apiToken(app, 'supervisor');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const committed = await app.inject({
      method: 'POST',
      url: '/api/v1/draws',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: '外观检查用抽查', periodStart: today, periodEnd: '2099-12-31' },
    });
    expect(committed.statusCode).toBe(201);
    drawId = committed.json().id;
    const revealed = await app.inject({
      method: 'POST',
      url: `/api/v1/draws/${drawId}/reveal`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revealed.statusCode).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(size: { width: number; height: number }, hash: string, admin = false) {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    if (admin) await loginAs(page, app.baseUrl, 'admin');
    await page.goto(`${app.baseUrl}/#${hash}`);
    // a fresh start on this page, with no screen of the login underneath
    if (admin) await page.reload();
    return { page, close: () => context.close() };
  }

  describe.each(SIZES)('at %s px', (label, size) => {
    it('landing: 登录 and 抽查结果公示 fit the screen, the hotlines are whole', async () => {
      const { page, close } = await open(size, '/pages/index/index');
      await page.getByText('服务正常').waitFor({ timeout: 15_000 });
      await look(page, `admin-landing-${label}`);
      for (const name of ['登录', '抽查结果公示（无需登录）']) {
        const button = page.getByRole('button', { name, exact: true });
        await expectOnScreen(button, size.width);
        await expectTapTarget(button);
        await expectReadableButton(page, name);
      }
      for (const number of ['12369', '12345']) {
        const hotline = page.getByTestId(`hotline-${number}`);
        if ((await hotline.count()) === 0) continue;
        await expectOnScreen(hotline, size.width);
        await expectTapTarget(hotline);
        await expectNotClipped(hotline);
        await expect(hotline.innerText()).resolves.toContain(number);
      }
      await close();
    });

    it('login', async () => {
      const { page, close } = await open(size, '/pages/login/index');
      await page.getByTestId('login-submit').waitFor({ timeout: 15_000 });
      await look(page, `admin-login-${label}`);
      await close();
    });

    it('public pages: the list and a draw, each with a way back', async () => {
      const { page, close } = await open(size, '/pages/index/index');
      await page.getByRole('button', { name: '抽查结果公示（无需登录）' }).click();
      const row = page.getByTestId('public-draw-row').filter({ hasText: '外观检查用抽查' });
      await row.waitFor({ timeout: 15_000 });
      await look(page, `admin-public-draws-${label}`);
      await row.click();
      await page.getByTestId('public-seed').waitFor({ timeout: 15_000 });
      await look(page, `admin-public-draw-${label}`);

      // ‹ 返回 on the draw goes to the list, and on the list to the landing page
      const back = page.getByRole('button', { name: '‹ 返回' });
      await expectTapTarget(back);
      await back.click();
      await page.waitForURL((url) => url.hash.includes('pages/public/draws/index'));
      await page.getByRole('button', { name: '‹ 返回' }).click();
      await page.waitForURL((url) => url.hash.includes('pages/index/index'));
      await page.getByText('执法检查扫码登记，双向监督无事不扰').waitFor();

      // opened from a link, with nothing to go back to: 返回 still leads somewhere sensible
      await page.goto(`${app.baseUrl}/#/pages/public/draw/index?id=${drawId}`);
      await page.reload();
      await page.getByTestId('public-seed').waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: '‹ 返回' }).click();
      await page.waitForURL((url) => url.hash.includes('pages/public/draws/index'));
      await page.getByTestId('public-draw-row').first().waitFor({ timeout: 15_000 });
      await close();
    });

    it('门口码与海报: every gate with its code version, the version record, the confirmation', async () => {
      const { page, close } = await open(size, '/pages/admin/gates/index', true);
      const card = page.getByTestId('gate-card').filter({ hasText: FIRM }).first();
      await card.waitFor({ timeout: 15_000 });
      await expect(card.getByTestId('gate-active').innerText()).resolves.toMatch(/第 \d+ 版/);
      await expect(card.getByTestId('gate-active').innerText()).resolves.toContain('系统管理员');
      await card.getByRole('button', { name: /查看版本记录/ }).click();
      await card.getByTestId('gate-version').first().waitFor({ timeout: 15_000 });
      await look(page, `admin-gates-${label}`);
      await card.getByRole('button', { name: '重新生成打卡码' }).click();
      const warning = page.getByTestId('gate-issue-warning');
      await warning.waitFor();
      await expect(warning.innerText()).resolves.toContain('已打印张贴的海报将不能再扫码打卡');
      await look(page, `admin-gates-confirm-${label}`);
      await page.getByRole('button', { name: '取消' }).click();
      await warning.waitFor({ state: 'hidden' });
      await close();
    });

    it('检查规则: the version in force, the form and the comparison', async () => {
      const { page, close } = await open(size, '/pages/admin/policy/index', true);
      await page.getByTestId('policy-current-version').waitFor({ timeout: 15_000 });
      await look(page, `admin-policy-${label}`);
      await page.getByRole('button', { name: '修改检查规则' }).click();
      await page.getByTestId('policy-form').waitFor();
      await look(page, `admin-policy-form-${label}`);
      await page.getByRole('button', { name: '取消' }).click();
      await close();
    });

    it('企业主数据导入: labelled buttons, and problems readable on the screen', async () => {
      const { page, close } = await open(size, '/pages/admin/master-data/index', true);
      for (const name of ['下载导入模板', '导出现有数据']) await expectReadableButton(page, name);
      await page.locator('input[type="file"]').setInputFiles(badFirmsCsv());
      await expectReadableButton(page, '检查（不导入）');
      await page.getByRole('button', { name: '检查（不导入）' }).click();
      const problems = page.getByTestId('import-problem');
      await problems.first().waitFor({ timeout: 15_000 });
      expect(await problems.count()).toBeGreaterThanOrEqual(3);
      for (const problem of await problems.all()) {
        await expectOnScreen(problem, size.width);
        await expectNotClipped(problem);
      }
      await expect(problems.first().innerText()).resolves.toMatch(/第 2 行/);
      await look(page, `admin-master-data-problems-${label}`);
      await close();
    });
  });

  it('issuing a new code asks first, then shows the new version; the posters download', async () => {
    const { page, close } = await open(PHONE, '/pages/admin/gates/index', true);
    const card = page.getByTestId('gate-card').filter({ hasText: FIRM }).first();
    await card.waitFor({ timeout: 15_000 });
    const before = Number(
      /第 (\d+) 版/.exec(await card.getByTestId('gate-active').innerText())![1],
    );
    await card.getByRole('button', { name: '重新生成打卡码' }).click();
    await page.getByRole('button', { name: '作废旧码并重新生成' }).click();
    await card.getByTestId('gate-message').waitFor({ timeout: 15_000 });
    await expect(card.getByTestId('gate-message').innerText()).resolves.toContain(
      `已生成第 ${before + 1} 版打卡码，第 ${before} 版已作废`,
    );
    // The card shows the new version once the gate list is read again (after the message).
    await card
      .getByTestId('gate-active')
      .filter({ hasText: `第 ${before + 1} 版` })
      .waitFor({ timeout: 15_000 });
    const [{ revoked }] = await app.dataSource.query(
      `SELECT count(*)::int AS revoked FROM gate_code c JOIN enterprise e ON e.id = c.enterprise_id
        WHERE e.name = $1 AND c.revoked_at IS NOT NULL`,
      [FIRM],
    );
    expect(revoked).toBeGreaterThanOrEqual(before);

    for (const [name, magic] of [
      ['下载海报 PDF（A4）', '%PDF-'],
      ['下载海报图片 PNG', '\x89PNG'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card.getByRole('button', { name }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^打卡码-${FIRM}-.+-v${before + 1}\\.`),
      );
      const file = readFileSync((await download.path())!);
      expect(file.subarray(0, magic.length).toString('latin1')).toBe(magic);
      await card.getByTestId('gate-message').filter({ hasText: '已下载' }).waitFor();
    }
    await close();
  });

  it('检查规则: wrong values are named per field in Chinese; a good change is a new version, compared', async () => {
    const { page, close } = await open(PHONE, '/pages/admin/policy/index', true);
    await page.getByTestId('policy-current-version').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: '修改检查规则' }).click();
    const cap = page.getByTestId('policy-input-annualCapPerUnitLevel').locator('input');
    await cap.fill('0');
    await page.getByRole('button', { name: '添加安静期' }).click();
    const days = page.getByTestId('policy-quiet-days').locator('input');
    await days.fill('25-32');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    await page.getByTestId('policy-save-error').waitFor();
    for (const text of [
      '同级单位每年现场检查上限应在 1 至 50 次之间。',
      '“25-32”不是每月的真实日期，日期应在 1 至 31 之间。',
      '请写明修改原因',
    ]) {
      await expect(page.getByText(text).first().isVisible()).resolves.toBe(true);
    }
    await look(page, 'admin-policy-errors-360');

    await cap.fill('3');
    await days.fill('28-31');
    await page
      .getByTestId('policy-note')
      .locator('textarea')
      .fill('外观测试：年度上限改为3次，月末安静期');
    await page.getByRole('button', { name: '保存为新版本' }).click();
    const saved = page.getByTestId('policy-saved');
    await saved.waitFor({ timeout: 15_000 });
    const version = Number(/已保存为第 (\d+) 版/.exec(await saved.innerText())![1]);
    const [stored] = await app.dataSource.query(
      'SELECT body, note FROM policy_version WHERE version = $1',
      [version],
    );
    expect(stored.body.annualCapPerUnitLevel).toBe(3);
    expect(stored.body.quietPeriods).toEqual([{ daysOfMonth: [28, 29, 30, 31] }]);
    expect(stored.note).toBe('外观测试：年度上限改为3次，月末安静期');
    await expect(page.getByTestId('policy-current-version').innerText()).resolves.toContain(
      `第 ${version} 版`,
    );

    const changed = page.getByTestId('policy-diff-changed');
    expect(await changed.count()).toBe(2);
    await expect(changed.nth(0).innerText()).resolves.toContain('同级单位每年现场检查上限');
    await expect(changed.nth(1).innerText()).resolves.toContain('安静期');
    await expect(changed.nth(1).innerText()).resolves.toContain('每月 28-31 日');
    const same = page.getByTestId('policy-diff-same').first();
    const background = (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background(changed.first())).not.toBe(await background(same));
    await expect(page.getByTestId('policy-diff-summary').innerText()).resolves.toContain(
      '有 2 项变化',
    );
    await look(page, 'admin-policy-diff-360');
    await close();
  });

  it('the import template says what to do in the app, not an API parameter', async () => {
    const { page, close } = await open(DESKTOP, '/pages/admin/master-data/index', true);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载导入模板' }).click(),
    ]);
    const book = new Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const readme = book.getWorksheet('说明')!.getColumn(1).values.join('\n');
    expect(readme).toContain('“检查（不导入）”');
    expect(readme).not.toMatch(/dryRun|=true/);
    await close();
  });
});
