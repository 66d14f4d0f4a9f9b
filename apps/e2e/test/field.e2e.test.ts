import { gcj02ToWgs84 } from '../../mobile/src/pages/officer/check-in/location-math';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/support/test-app';
import { screenshotPath } from './support/browser';
import { launchChromiumWithFakeCamera, qrVideoFile } from './support/fake-camera';
import { PHONE } from './support/look';
import { startRunningApp } from './support/running-app';
import { issueGateCode, loginAs } from './support/ui';

const FIRM = '郑州众联混凝土有限公司';
const REFERENCE = '郑环专〔2026〕12号';
const SLOW_REFERENCE = '郑环专〔2026〕15号';

/**
 * At the gate with one bar of signal, or none: the officer opens the app from a cold start with
 * the network cut, scans, checks in from the signed snapshot with a colleague, reads the verdict
 * without a server, and the visit reaches the server once when the signal is back. Then the same
 * at 400 kbit/s and 400 ms round trips, where every wait shows that something is happening.
 */
describe('at the gate with weak or no signal', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let gate: { lat: number; lng: number };

  beforeAll(async () => {
    app = await startRunningApp();
    const code = await issueGateCode(app, FIRM);
    [gate] = await app.dataSource.query(
      `SELECT g.lat, g.lng FROM gate g JOIN enterprise e ON e.id = g.enterprise_id
        WHERE e.name = $1 ORDER BY g.name LIMIT 1`,
      [FIRM],
    );
    browser = await launchChromiumWithFakeCamera(await qrVideoFile(code));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  function phoneAtGate(): Promise<BrowserContext> {
    const [latitude, longitude] = gcj02ToWgs84(gate.lat, gate.lng);
    return browser.newContext({
      viewport: PHONE,
      permissions: ['camera', 'geolocation'],
      geolocation: { latitude, longitude, accuracy: 10 },
    });
  }

  /** One online session: logged in, the service worker in control, the snapshot stored. */
  async function onlineSession(context: BrowserContext): Promise<void> {
    const page = await context.newPage();
    await loginAs(page, app.baseUrl, 'officer1');
    await page.waitForFunction(
      () =>
        Boolean(navigator.serviceWorker.controller) &&
        Object.keys(localStorage).some((k) => k.startsWith('qinqing.offline.snapshot.')),
      undefined,
      { timeout: 30_000 },
    );
    await page.close();
  }

  /** Home → 扫码 → the camera reads the gate's QR → the check-in screen. */
  async function scanAtGate(page: Page): Promise<void> {
    await page.getByTestId('home-scan').click({ timeout: 20_000 });
    await page.waitForURL(/pages\/officer\/check-in\/index\?code=/, { timeout: 20_000 });
  }

  async function pickColleagueAndPurpose(page: Page, reference: string): Promise<void> {
    const colleague = page.locator('[data-testid^="co-officer-"]').filter({ hasText: '李明华' });
    await colleague.waitFor({ timeout: 15_000 });
    if ((await colleague.getAttribute('data-chosen')) !== 'true') await colleague.click();
    await page.getByTestId('purpose-SPECIAL_CAMPAIGN').click();
    await page.getByTestId('reference-input').locator('input').fill(reference);
  }

  async function visitsOf(clientId: string) {
    return app.dataSource.query(
      `SELECT v.outcome, v.reasons, e.name AS firm,
              (SELECT count(*)::int FROM visit_officer o WHERE o.visit_id = v.id) AS officers
         FROM visit v JOIN enterprise e ON e.id = v.enterprise_id WHERE v.client_id = $1`,
      [clientId],
    );
  }

  const queuedClientId = (page: Page) =>
    page.evaluate(() => {
      const raw = Object.keys(localStorage)
        .filter((k) => k.startsWith('qinqing.syncQueue.'))
        .map((k) => localStorage.getItem(k) ?? '')
        .join('\n');
      return /"clientId":"([0-9a-f-]{36})"/.exec(raw.split('"results"')[0])?.[1];
    });

  it('cold offline start → scan → check-in from the snapshot with a colleague → verdict → synced once', async () => {
    const context = await phoneAtGate();
    await onlineSession(context);

    // The browser was closed; at the gate there is no signal at all.
    await context.setOffline(true);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/#/pages/officer/home/index`);
    await scanAtGate(page);

    // The screen reads the signed snapshot: the firm by name, the colleagues, the verdict.
    await expect(page.getByTestId('checkin-firm-name').innerText()).resolves.toBe(FIRM);
    await pickColleagueAndPurpose(page, REFERENCE);
    await page.getByText('已定位').waitFor({ timeout: 15_000 });
    const verdict = page.getByTestId('checkin-verdict');
    await expect(verdict.innerText()).resolves.toContain('预判依据手机离线数据');
    await expect(verdict.innerText()).resolves.toContain('离线数据更新于');
    await expect(verdict.innerText()).resolves.not.toContain('单人执法');
    const previewed = await verdict.getAttribute('data-tone');
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(body).not.toContain('未读取到本单位其他执法人员');
    await page.screenshot({ path: screenshotPath('field-offline-check-in') });
    await verdict.screenshot({ path: screenshotPath('field-offline-verdict') });

    await page.getByTestId('checkin-submit').click();
    await page.getByTestId('decision-offline').waitFor({ timeout: 20_000 });
    const decision = await page.getByTestId('decision-card').innerText();
    expect(decision).toContain(FIRM);
    expect(decision).not.toContain('未知企业');
    expect(decision).toContain('已保存，联网后自动上传');
    await page.waitForTimeout(500); // the page's slide-in
    await page.screenshot({ path: screenshotPath('field-offline-decision') });
    const clientId = await queuedClientId(page);
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await visitsOf(clientId!)).toHaveLength(0);

    // The signal comes back: the queue sends it by itself, once.
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    for (let i = 0; i < 60 && (await visitsOf(clientId!)).length === 0; i++) {
      await page.waitForTimeout(500);
    }
    const [visit] = await visitsOf(clientId!);
    expect(visit.firm).toBe(FIRM);
    expect(visit.officers).toBe(2);
    const codes = (visit.reasons as { code: string }[]).map((r) => r.code);
    expect(codes).not.toContain('SINGLE_OFFICER');
    // the phone's verdict was the server's
    expect(
      { ALLOWED: 'allowed', FLAGGED: 'flagged', REFUSED: 'refused' }[visit.outcome as string],
    ).toBe(previewed);
    await context.close();
  }, 120_000);

  it('at 400 kbit/s and 400 ms round trips every wait shows progress, and the check-in lands once', async () => {
    const context = await phoneAtGate();
    await onlineSession(context);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/#/pages/officer/home/index`);
    await page.getByTestId('home-scan').waitFor({ timeout: 20_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 400_000 / 8,
      uploadThroughput: 400_000 / 8,
    });

    await scanAtGate(page);
    // The snapshot names the firm at once; the server's confirmation is shown as pending.
    await expect(page.getByTestId('checkin-firm-name').innerText()).resolves.toBe(FIRM);
    await pickColleagueAndPurpose(page, SLOW_REFERENCE);
    // The reference changed the facts: the snapshot's verdict shows at once, the server's is awaited…
    const verdict = page.getByTestId('checkin-verdict');
    await verdict.getByText('正在向服务器确认').waitFor({ timeout: 2_000 });
    // …and then takes its place.
    await verdict.getByText('预判依据服务器当前数据').waitFor({ timeout: 20_000 });
    await page.getByText('已定位').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('field-slow-check-in') });

    await page.getByTestId('checkin-submit').click();
    // Submitting over a slow link: the button says so until the decision opens.
    await page.getByTestId('checkin-submit').getByText('正在提交…').waitFor({ timeout: 2_000 });
    await page.waitForURL(/pages\/officer\/decision\/index/, { timeout: 30_000 });
    await page.getByTestId('decision-outcome').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('decision-offline').count()).resolves.toBe(0);
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM visit v JOIN app_user u ON u.id = v.officer_id
        WHERE u.username = 'officer1' AND v.reference = $1`,
      [SLOW_REFERENCE],
    );
    expect(n).toBe(1);
    await context.close();
  }, 120_000);
});
