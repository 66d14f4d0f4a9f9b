import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath } from './support/browser';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

const RUITAI = '河南瑞泰耐材科技有限公司';
const PHONE = { width: 360, height: 780 };

/** 待签退 on the officer's home, and a check-out ordering rectification with a date picked. */
describe('check-out from the 待签退 list in Chromium', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let visitId: string;

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();
    const [officer2] = await app.dataSource.query(
      `SELECT id FROM app_user WHERE username = 'officer2'`,
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/check-ins',
      headers: { authorization: `Bearer ${await apiToken(app, 'officer1')}` },
      payload: {
        clientId: randomUUID(),
        code: await issueGateCode(app, RUITAI),
        purpose: 'COMPLAINT_VERIFICATION',
        reference: 'XF-2026-0901',
        coOfficerIds: [officer2.id],
        location: null,
        clientTime: new Date().toISOString(),
      },
    });
    expect(res.statusCode).toBe(201);
    visitId = res.json().visit.id;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('orders rectification by a picked date; the visit leaves the list', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, app.baseUrl, 'officer1');
    const open = page.getByTestId('home-open-visits');
    await open.waitFor({ timeout: 15_000 });
    expect(await open.innerText()).toContain(RUITAI);
    await page.getByTestId(`home-check-out-${visitId}`).click();
    await page.waitForURL((url) => url.hash.includes('pages/officer/check-out/index'));
    await page.getByTestId('checkout-visit').waitFor({ timeout: 15_000 });

    await page.getByTestId('findings-RECTIFY_ORDERED').click();
    // The deadline is empty until chosen; the picker opens thirty days on (never today).
    expect(await page.getByTestId('rectify-by').innerText()).toBe('点击选择整改期限');
    await page.getByTestId('rectify-by').click();
    await page.locator('.nut-picker-confirm-btn').click();
    const deadline = new Date(Date.now() + 8 * 3600_000 + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await page.waitForFunction(
      (day) => document.querySelector('[data-testid="rectify-by"]')?.textContent?.includes(day),
      deadline,
      { timeout: 10_000 },
    );
    await page
      .getByTestId('checkout-notes')
      .locator('textarea')
      .fill('废气收集设施破损，责令限期整改。');
    await page.screenshot({ path: screenshotPath('officer-check-out-rectify'), fullPage: true });
    await page.getByTestId('checkout-submit').click();
    const done = page.getByTestId('checkout-done');
    await done.waitFor({ timeout: 15_000 });
    expect(await done.innerText()).toContain('责令整改');

    const [visit] = await app.dataSource.query(
      `SELECT findings, to_char(rectify_by, 'YYYY-MM-DD') AS "rectifyBy", notes,
              checked_out_at IS NOT NULL AS "checkedOut"
         FROM visit WHERE id = $1`,
      [visitId],
    );
    expect(visit).toEqual({
      findings: 'RECTIFY_ORDERED',
      rectifyBy: deadline,
      notes: '废气收集设施破损，责令限期整改。',
      checkedOut: true,
    });

    // back home (a fresh start, not a stale page underneath): today's list has it, checked out
    await page.getByTestId('checkout-home').click();
    await page.waitForURL((url) => url.hash.includes('pages/officer/home/index'));
    const today2 = page.getByTestId('home-today');
    await today2.getByText(RUITAI).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('officer-greeting').count()).toBe(1);
    expect(await page.getByTestId(`home-check-out-${visitId}`).count()).toBe(0);
    await page.close();
  });
});
