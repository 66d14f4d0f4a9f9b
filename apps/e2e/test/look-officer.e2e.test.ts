import { randomUUID } from 'node:crypto';
import { extractGateCodeToken } from '@qinqing/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/support/test-app';
import { launchChromium } from './support/browser';
import { DESKTOP, expectTapTarget, lookAt, PHONE } from './support/look';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';

/** officer3 (新郑 unit): 瑞泰 is off the 正面清单, 好想你 is on it (无事不扰). */
const OPEN_FIRM = '河南瑞泰耐材科技有限公司';
const LIST_FIRM = '新郑好想你健康食品股份有限公司';
const DAY_MS = 86_400_000;
const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3600_000 + offsetDays * DAY_MS).toISOString().slice(0, 10);

/** The officer's screens as a person sees them, and the defects found by looking at them. */
describe('the officer’s screens, looked at (360 and 1280 wide)', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let openVisitId: string;
  let listFirmToken: string;

  /** Rows in the visit table (visits and refused attempts) of officer3. */
  async function officer3Rows(): Promise<number> {
    const [row] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM visit v JOIN app_user u ON u.id = v.officer_id
        WHERE u.username = 'officer3'`,
    );
    return row.n;
  }

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();
    // officer3 went into 瑞泰 and has not checked out yet.
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/check-ins',
      headers: { authorization: `Bearer ${await apiToken(app, 'officer3')}` },
      payload: {
        clientId: randomUUID(),
        code: await issueGateCode(app, OPEN_FIRM),
        purpose: 'COMPLAINT_VERIFICATION',
        reference: 'XF-2026-0777',
        coOfficerIds: [],
        location: null,
        clientTime: new Date().toISOString(),
      },
    });
    expect(res.statusCode).toBe(201);
    openVisitId = res.json().visit.id;
    listFirmToken = extractGateCodeToken(await issueGateCode(app, LIST_FIRM))!;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function officer(viewport: { width: number; height: number }): Promise<{
    context: BrowserContext;
    page: Page;
  }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await loginAs(page, app.baseUrl, 'officer3');
    await page.getByTestId('officer-greeting').waitFor({ timeout: 15_000 });
    return { context, page };
  }

  const checkInUrl = () =>
    `${app.baseUrl}/#/pages/officer/check-in/index?code=${encodeURIComponent(listFirmToken)}`;

  it('warns of the visit still open elsewhere, asks before checking in, and back from the decision returns to the same scan without sending it again; 换个事由 after a refusal', async () => {
    const { context, page } = await officer(PHONE);
    await page.goto(checkInUrl());
    const warning = page.getByTestId('checkin-open-visits');
    await warning.waitFor({ timeout: 15_000 });
    const words = await warning.innerText();
    expect(words).toContain('您还有未签退的检查');
    expect(words).toContain(OPEN_FIRM);
    expect(words).toMatch(/自 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 入企，尚未签退/);
    await expectTapTarget(page.getByTestId(`checkin-go-check-out-${openVisitId}`));
    await page.getByTestId('purpose-ROUTINE').click();
    await expectTapTarget(page.getByTestId('checkin-submit'));
    await expectTapTarget(page.getByTestId('checkin-scan'));
    await lookAt(page, 'officer-check-in-open-visit-360');

    // 确认登记 asks first; 取消 sends nothing.
    const before = await officer3Rows();
    await page.getByTestId('checkin-submit').click();
    const dialog = page.getByTestId('checkin-confirm-elsewhere');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(OPEN_FIRM);
    await lookAt(page, 'officer-check-in-confirm-360');
    await page.locator('.nut-dialog-footer-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await officer3Rows()).toBe(before);

    // Confirmed: 日常检查 at a 正面清单 firm is refused and recorded.
    await page.getByTestId('checkin-submit').click();
    await page.locator('.nut-dialog-footer-ok').click();
    await page.waitForURL(/pages\/officer\/decision\/index/);
    await expect(page.getByTestId('decision-outcome').innerText()).resolves.toBe('不予入企');
    expect(await officer3Rows()).toBe(before + 1);
    await expectTapTarget(page.getByTestId('decision-other-purpose'));
    await lookAt(page, 'officer-decision-refused-360');

    // Browser back: the check-in of the same scan, saying what happened, nothing sent again.
    await page.goBack();
    await page.waitForURL(/pages\/officer\/check-in\/index\?code=/);
    const said = page.getByTestId('checkin-submitted');
    await said.waitFor();
    expect(await said.innerText()).toContain('上次提交不予入企');
    await expect(page.getByTestId('checkin-firm-name').innerText()).resolves.toBe(LIST_FIRM);
    await page.waitForTimeout(1500);
    expect(await officer3Rows()).toBe(before + 1);
    await expect(page.getByTestId('checkin-submit').innerText()).resolves.toBe('重新提交');

    // Forward to the decision again, then 换个事由: the same check-in screen, another purpose.
    await page.goForward();
    await page.getByTestId('decision-other-purpose').click();
    await page.waitForURL(/pages\/officer\/check-in\/index\?code=/);
    await page.getByTestId('checkin-submitted').waitFor();
    await page.getByTestId('purpose-COMPLAINT_VERIFICATION').click();
    await page.getByTestId('reference-input').locator('input').fill('XF-2026-0778');
    await page.getByTestId('checkin-submit').click();
    await page.locator('.nut-dialog-footer-ok').click();
    await page.waitForURL(/pages\/officer\/decision\/index/);
    await expect(page.getByTestId('decision-outcome').innerText()).resolves.toMatch(
      /允许入企|允许但已记录/,
    );
    expect(await officer3Rows()).toBe(before + 2);
    await lookAt(page, 'officer-decision-allowed-360');

    // Back again: registered, no second submission offered.
    await page.goBack();
    await page.getByText('本次扫码已登记').waitFor();
    expect(await page.getByTestId('checkin-submit').count()).toBe(0);
    await context.close();
  }, 180_000);

  it('shows a refused attempt in 我的检查记录 as refused, with the rule in words', async () => {
    const { context, page } = await officer(PHONE);
    await page.getByTestId('home-visits').click();
    await page.getByTestId('range-0').click();
    // (the home page stays underneath, hidden: look in this screen's list only)
    const list = page.getByTestId('visits-list');
    const refused = list.locator('[data-testid^="visit-"][data-outcome="REFUSED"]').first();
    await refused.waitFor({ timeout: 15_000 });
    const line = await refused.getByTestId('visit-time').innerText();
    expect(line).toMatch(/^不予入企（已记录） \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await refused.innerText()).toContain('无事不扰');
    const entered = list.locator('[data-testid^="visit-"]:not([data-outcome="REFUSED"])').first();
    expect(await entered.getByTestId('visit-time').innerText()).toMatch(/^入企 /);
    await lookAt(page, 'officer-visits-360');
    await context.close();
  }, 60_000);

  it('orders rectification only by a day after today, at most two years ahead', async () => {
    const { context, page } = await officer(PHONE);
    await page.goto(`${app.baseUrl}/#/pages/officer/check-out/index?visitId=${openVisitId}`);
    await page.getByTestId('checkout-visit').waitFor({ timeout: 15_000 });
    await page.getByTestId('findings-RECTIFY_ORDERED').click();
    await expect(page.getByTestId('rectify-by').innerText()).resolves.toBe('点击选择整改期限');
    await expectTapTarget(page.getByTestId('checkout-submit'));
    await lookAt(page, 'officer-check-out-360');

    await page.getByTestId('checkout-submit').click();
    await expect(page.getByTestId('checkout-error').innerText()).resolves.toBe(
      '责令整改须选择整改期限。',
    );

    await page.getByTestId('rectify-by').click();
    await page.locator('.nut-picker-title').getByText('选择整改期限').waitFor();
    const years = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[class*="nut-pickerview-roller-item"]'))
        .map((el) => el.textContent?.trim() ?? '')
        .filter((t) => /^\d{4}年?$/.test(t)),
    );
    const thisYear = Number(chinaDay().slice(0, 4));
    const shown = Array.from(new Set(years.map((y) => Number(y.slice(0, 4)))));
    expect(Math.max(...shown)).toBe(thisYear + 2);
    expect(Math.min(...shown)).toBeGreaterThanOrEqual(thisYear);
    await lookAt(page, 'officer-check-out-picker-360');
    await page.locator('.nut-picker-confirm-btn').click();
    const suggested = chinaDay(30);
    await expect(page.getByTestId('rectify-by').innerText()).resolves.toBe(
      `整改期限：${suggested}`,
    );
    await page.getByTestId('checkout-submit').click();
    await page.getByTestId('checkout-done').waitFor({ timeout: 15_000 });
    const [visit] = await app.dataSource.query(
      `SELECT to_char(rectify_by, 'YYYY-MM-DD') AS "rectifyBy" FROM visit WHERE id = $1`,
      [openVisitId],
    );
    expect(visit.rectifyBy).toBe(suggested);
    expect(visit.rectifyBy > chinaDay()).toBe(true);
    await context.close();
  }, 60_000);

  it('我的评价汇总 has a way back', async () => {
    const { context, page } = await officer(PHONE);
    await page.getByTestId('home-ratings').click();
    await page.getByTestId('officer-rating-total').waitFor({ timeout: 15_000 });
    const back = page.getByTestId('page-back');
    await expect(back.innerText()).resolves.toContain('返回');
    await expectTapTarget(back);
    await lookAt(page, 'officer-ratings-360');
    await back.click();
    await page.getByTestId('officer-greeting').waitFor();
    await context.close();
  }, 60_000);

  for (const [size, viewport] of [
    ['360', PHONE],
    ['1280', DESKTOP],
  ] as const) {
    it(`every officer screen at ${size} px: no axe problem, nothing overflowing, no blank control`, async () => {
      const { context, page } = await officer(viewport);
      await page
        .getByTestId('home-today')
        .getByText(/入企|今天还没有/)
        .first()
        .waitFor();
      await expectTapTarget(page.getByTestId('home-scan'));
      await lookAt(page, `officer-home-${size}`);

      await page.goto(checkInUrl());
      await page.getByTestId('checkin-firm-name').waitFor({ timeout: 15_000 });
      await lookAt(page, `officer-check-in-${size}`);

      // 确认登记 (confirming when a visit is still open elsewhere): the decision.
      await page.getByTestId('purpose-ROUTINE').click();
      await page.getByTestId('checkin-submit').click();
      const ok = page.locator('.nut-dialog-footer-ok');
      await ok.waitFor({ timeout: 5000 }).then(
        () => ok.click(),
        () => undefined,
      );
      await page.waitForURL(/pages\/officer\/decision\/index/);
      await page.getByTestId('decision-card').waitFor();
      await lookAt(page, `officer-decision-${size}`);

      await page.goto(`${app.baseUrl}/#/pages/officer/visits/index`);
      await page.getByTestId('visits-list').locator('[data-outcome]').first().waitFor();
      await lookAt(page, `officer-visits-${size}`);

      await page.goto(`${app.baseUrl}/#/pages/officer/badge/index`);
      await page.getByTestId('badge-card').waitFor({ timeout: 15_000 });
      await page.getByTestId('qr-code').waitFor();
      expect(await page.getByTestId('badge-countdown').innerText()).toMatch(/\d+ 秒后自动刷新/);
      await lookAt(page, `officer-badge-${size}`);

      await page.goto(`${app.baseUrl}/#/pages/officer/sync/index`);
      await page.getByTestId('sync-pending-count').waitFor();
      await expectTapTarget(page.getByTestId('sync-now'));
      await lookAt(page, `officer-sync-${size}`);

      await page.goto(`${app.baseUrl}/#/pages/officer/ratings/index`);
      await page.getByTestId('officer-rating-total').waitFor({ timeout: 15_000 });
      await lookAt(page, `officer-ratings-${size}`);

      await page.goto(`${app.baseUrl}/#/pages/officer/tasks/index`);
      await page.getByTestId('tasks-scan').waitFor({ timeout: 15_000 });
      await page
        .getByText(/目前没有您的抽查任务|抽查任务编号|复制任务编号/)
        .first()
        .waitFor();
      await lookAt(page, `officer-tasks-${size}`);

      const [open] = await app.dataSource.query(
        `SELECT v.id FROM visit v JOIN app_user u ON u.id = v.officer_id
          WHERE u.username = 'officer3' AND v.outcome <> 'REFUSED' AND v.checked_out_at IS NULL
          LIMIT 1`,
      );
      if (open) {
        await page.goto(`${app.baseUrl}/#/pages/officer/check-out/index?visitId=${open.id}`);
        await page.getByTestId('checkout-visit').waitFor({ timeout: 15_000 });
        await page.getByTestId('findings-RECTIFY_ORDERED').click();
        await lookAt(page, `officer-check-out-${size}`);
      }
      await context.close();
    }, 120_000);
  }
});
