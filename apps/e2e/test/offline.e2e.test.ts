import { extractGateCodeToken } from '@qinqing/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/support/test-app';
import { launchChromium, screenshotPath } from './support/browser';
import { startRunningApp } from './support/running-app';
import { issueGateCode, loginAs } from './support/ui';

const FIRM = '郑州众联混凝土有限公司';

/** The clientIds the phone holds in its durable queue (Taro's storage is localStorage in H5). */
async function queuedClientIds(page: Page): Promise<string[]> {
  const raw = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('qinqing.syncQueue.'))
      .map((k) => localStorage.getItem(k) ?? '')
      .join('\n'),
  );
  const queued = raw.split('"results"')[0];
  return [...queued.matchAll(/"clientId":"([0-9a-f-]{36})"/g)].map((m) => m[1]);
}

/** Opens a URL as a fresh load of the app (like opening a gate code's link from the camera). */
async function openFresh(page: Page, url: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
}

describe('offline check-in: 离线预判, durable queue, sync with exactly one visit on the server', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('judges offline, keeps the check-in across reloads, and syncs it once when the API is back', async () => {
    context = await browser.newContext({
      viewport: { width: 360, height: 780 },
      geolocation: { latitude: 34.8215, longitude: 113.7402, accuracy: 10 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    const countVisits = async (clientId: string) =>
      Number(
        (
          await app.dataSource.query(`SELECT count(*)::int AS n FROM visit WHERE client_id = $1`, [
            clientId,
          ])
        )[0].n,
      );

    // Online: log in, and let the phone fetch its signed offline snapshot.
    await loginAs(page, app.baseUrl, 'officer1');
    await page.getByText('离线打卡同步').click({ timeout: 15_000 });
    await page.getByTestId('sync-refresh-snapshot').click();
    await page.getByText('离线数据已更新。').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('sync-snapshot-age').innerText()).toContain('离线数据更新于');
    expect(await page.getByTestId('sync-pending-count').innerText()).toContain('待同步 0 条');

    const qr = await issueGateCode(app, FIRM);
    const token = extractGateCodeToken(qr)!;
    expect(token).toBeDefined();

    // The API becomes unreachable for the phone.
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));

    // Check in through the check-in screen.
    await openFresh(page, `${app.baseUrl}/#/pages/officer/check-in/index?code=${token}`);
    await page.getByTestId('purpose-ROUTINE').click({ timeout: 20_000 });
    await page.getByTestId('checkin-submit').click();

    // 离线预判, by the same rule engine, and saved for later.
    await page.getByTestId('decision-offline').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('decision-offline').innerText()).toContain('离线预判');
    const decision = await page.getByTestId('decision-card').innerText();
    expect(decision).toMatch(/允许入企|允许但已记录/); // the firm is not on the 正面清单
    expect(decision).toContain('已保存，联网后自动上传');
    await page.screenshot({ path: screenshotPath('officer-offline-decision'), fullPage: true });

    const [clientId] = await queuedClientIds(page);
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countVisits(clientId)).toBe(0);

    // The sync screen shows the queued check-in; it survives a reload (the app being killed).
    await openFresh(page, `${app.baseUrl}/#/pages/officer/sync/index`);
    await page.reload();
    await page.getByTestId('sync-queue-item').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('sync-pending-count').innerText()).toContain('待同步 1 条');
    const item = await page.getByTestId('sync-queue-item').innerText();
    expect(item).toContain(FIRM);
    expect(item).toContain('日常检查');
    expect(item).toMatch(/离线预判：(允许入企|允许但已记录)/);

    // Still no signal: 立即同步 says so and keeps the item.
    await page.getByTestId('sync-now').click();
    await page.getByText('网络不可用：离线打卡已保存在手机上').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('sync-pending-count').innerText()).toContain('待同步 1 条');
    expect(await queuedClientIds(page)).toEqual([clientId]);
    expect(await countVisits(clientId)).toBe(0);

    // The signal comes back: 立即同步.
    await page.unroute('**/api/**');
    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-result').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('sync-progress').innerText()).toContain('1 / 1');
    expect(await page.getByTestId('sync-pending-count').innerText()).toContain('待同步 0 条');
    const result = page.getByTestId('sync-result');
    const resultText = await result.innerText();
    expect(resultText).toContain(FIRM);
    expect(resultText).toMatch(/服务器判定：(允许入企|允许但已记录)/);
    await page.screenshot({ path: screenshotPath('officer-sync'), fullPage: true });

    // Exactly one visit with that clientId, with the same decision the screen shows.
    expect(await countVisits(clientId)).toBe(1);
    const [visit] = await app.dataSource.query(
      `SELECT v.outcome, e.name FROM visit v JOIN enterprise e ON e.id = v.enterprise_id WHERE v.client_id = $1`,
      [clientId],
    );
    expect(visit.name).toBe(FIRM);
    expect(await result.getAttribute('data-outcome')).toBe(visit.outcome);
    // The phone judged what the server judged (same rule engine, same data).
    expect(await result.getAttribute('data-differs')).toBe('false');

    // The server's decision is kept on the phone (reload), and syncing again sends nothing more.
    await page.reload();
    await page.getByTestId('sync-result').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('sync-result').innerText()).toContain(FIRM);
    await page.getByTestId('sync-now').click();
    await page.getByText('没有待同步的离线打卡。').waitFor({ timeout: 15_000 });
    expect(await countVisits(clientId)).toBe(1);
    expect(await queuedClientIds(page)).toEqual([]);
  });

  it('syncs by itself when the browser reports the network is back', async () => {
    const page = await context.newPage();
    const qr = await issueGateCode(app, FIRM);
    await page.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await openFresh(
      page,
      `${app.baseUrl}/#/pages/officer/check-in/index?code=${extractGateCodeToken(qr)}`,
    );
    await page.getByTestId('purpose-ROUTINE').click({ timeout: 20_000 });
    await page.getByTestId('checkin-submit').click();
    await page.getByTestId('decision-offline').waitFor({ timeout: 20_000 });
    const [clientId] = await queuedClientIds(page);
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);

    await openFresh(page, `${app.baseUrl}/#/pages/officer/sync/index`);
    await page.getByTestId('sync-queue-item').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('sync-pending-count').innerText()).toContain('待同步 1 条');

    // The signal comes back: the browser's `online` event starts the sync, no button pressed.
    await page.unroute('**/api/**');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByText('待同步 0 条').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('sync-progress').innerText()).toContain('1 / 1');
    const [visit] = await app.dataSource.query(
      `SELECT count(*)::int AS n, min(outcome) AS outcome FROM visit WHERE client_id = $1`,
      [clientId],
    );
    expect(visit.n).toBe(1);
    const result = page.getByTestId('sync-result').first();
    expect(await result.getAttribute('data-outcome')).toBe(visit.outcome);
    // The snapshot was refreshed after the first visit synced (app show, online), so the phone
    // predicted the repeat visit as the server judged it.
    const text = await result.innerText();
    expect(text).toContain('近期已对该企业开展过检查');
    expect(text).toContain('离线预判：允许但已记录');
    expect(await result.getAttribute('data-differs')).toBe('false');
    await page.close();
  });
});
