import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath } from './support/browser';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

const SINIAN = '郑州思念食品有限公司';

describe('supervisor screens (执法记录, 记录详情, 审计链) in Chromium', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let refusalMessage: string;

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();

    // A routine inspection at a 正面清单 firm: refused, and recorded.
    const [officer2] = await app.dataSource.query(
      `SELECT id FROM app_user WHERE username = 'officer2'`,
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/check-ins',
      headers: { authorization: `Bearer ${await apiToken(app, 'officer1')}` },
      payload: {
        clientId: randomUUID(),
        code: await issueGateCode(app, SINIAN),
        purpose: 'ROUTINE',
        coOfficerIds: [officer2.id],
        location: null,
        clientTime: new Date().toISOString(),
      },
    });
    expect(res.statusCode).toBe(409);
    const body = res.json() as { code: string; reasons: { code: string; message: string }[] };
    expect(body.code).toBe('CHECK_IN_REFUSED');
    refusalMessage = body.reasons[0].message;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function seeRefusalFirst(page: Page): Promise<void> {
    await loginAs(page, app.baseUrl, 'supervisor');
    // The desk is the supervisor's home; the visit log is one tap away.
    expect(page.url()).toContain('pages/supervisor/desk');
    await page.getByTestId('desk-visits-log').click();
    await page.waitForURL((url) => url.hash.includes('pages/supervisor/visits'));
    const firstSection = page.locator('[data-testid^="section-"]').first();
    expect(await firstSection.getAttribute('data-testid')).toBe('section-REFUSED');
    const row = firstSection.getByTestId('supervisor-visit-row').first();
    await row.waitFor({ timeout: 15_000 });
    const text = await row.innerText();
    expect(text).toContain(SINIAN);
    expect(text).toContain('张建国');
    expect(text).toContain('日常检查');
    expect(text).toContain('不予入企');
    expect(text).toContain(refusalMessage);
  }

  it('on a desktop browser: the refusal first, its record with the audit entry, the chain check', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await seeRefusalFirst(page);
    // The wide layout is a table: the columns sit side by side.
    const header = page.getByTestId('section-REFUSED').locator('.stable__head');
    expect(await header.isVisible()).toBe(true);

    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor({ timeout: 15_000 });
    const verdict = await result.innerText();
    expect(verdict).toMatch(/审计链完整：\d+ 条记录/);
    expect(verdict).toContain('核验时间');
    await page.screenshot({ path: screenshotPath('supervisor-visits-desktop'), fullPage: true });

    await page.getByTestId('section-REFUSED').getByTestId('supervisor-visit-row').first().click();
    await page.waitForURL((url) => url.hash.includes('pages/supervisor/visit/index'));
    await page.getByTestId('supervisor-visit').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('visit-outcome').innerText()).toBe('不予入企');
    expect(await page.getByTestId('visit-reason').first().innerText()).toBe(refusalMessage);
    const audit = page.getByTestId('visit-audit-entry');
    await audit.first().waitFor({ timeout: 15_000 });
    expect(await audit.first().innerText()).toContain('打卡');
    expect(await page.getByTestId('supervisor-visit').innerText()).toContain('规则版本');
    await audit.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('supervisor-visit'), fullPage: true });
    await page.close();
  }, 90_000);

  it('on a phone: the refusal first, in one column within 360 px', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await seeRefusalFirst(page);
    expect(await page.getByTestId('section-REFUSED').locator('.stable__head').isVisible()).toBe(
      false,
    );
    // Coming from the desk, the page slides in: measure once the transition has settled.
    await page
      .waitForFunction(() => document.documentElement.scrollWidth <= 360, undefined, {
        timeout: 5_000,
      })
      .catch(() => undefined);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath('supervisor-visits-phone'), fullPage: true });
    await page.close();
  }, 90_000);
});
