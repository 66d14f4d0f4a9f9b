import type { Browser } from 'playwright-core';
import type { TestApp } from '../../api/test/support/test-app';
import { launchChromium, screenshotPath } from './support/browser';
import { startRunningApp } from './support/running-app';
import { loginAs } from './support/ui';

/**
 * At the gate with no signal: after one online session, the app opens from a cold start with the
 * network cut (service worker), including screens never opened online.
 */
describe('the H5 app opens with no signal (service worker)', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('reopens the officer home and loads the check-in screen offline after one online session', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const online = await context.newPage();
    await loginAs(online, app.baseUrl, 'officer1');
    // The worker installs, precaches every chunk and takes control of the page.
    const precached = await online.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const names = await caches.keys();
      const urls = (
        await Promise.all(
          names.map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)),
        )
      ).flat();
      return { active: Boolean(registration.active), urls };
    });
    expect(precached.active).toBe(true);
    // Revisioned entries are keyed with a __WB_REVISION__ query.
    expect(precached.urls.some((u) => new URL(u).pathname === '/index.html')).toBe(true);
    expect(precached.urls.filter((u) => /\/js\/.+\.js$/.test(u)).length).toBeGreaterThan(10);
    expect(precached.urls.some((u) => u.includes('/api/'))).toBe(false);

    const manifest = (await (
      await context.request.get(`${app.baseUrl}/manifest.webmanifest`)
    ).json()) as {
      start_url: string;
    };
    await online.close();

    // No signal: the app is opened again at the gate from its home-screen icon (start_url),
    // which takes a signed-in officer straight to the home.
    await context.setOffline(true);
    const page = await context.newPage();
    await page.goto(new URL(manifest.start_url, app.baseUrl).href);
    await page.getByTestId('home-scan').getByText('扫码入企').waitFor({ timeout: 20_000 });
    expect(page.url()).toContain('#/pages/officer/home/index');
    await page.screenshot({ path: screenshotPath('offline-cold-start-home') });
    // A screen whose code was never loaded online comes from the precache too.
    await page.goto(`${app.baseUrl}/#/pages/officer/tasks/index`);
    // Taro keeps the home page in the DOM (hidden): look inside the tasks page only.
    const tasks = page.getByTestId('officer-tasks');
    await tasks.getByText('双随机抽查须凭抽中的任务入企').waitFor({ timeout: 20_000 });
    await expect(tasks.getByTestId('tasks-offline').textContent()).resolves.toContain(
      '网络不可用，以下为手机离线数据中的任务',
    );
    await page.screenshot({ path: screenshotPath('offline-cold-start-tasks') });
    await context.close();
  });

  it('never caches the API: with the network cut, a call fails instead of answering stale data', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The worker is first installed once a user has signed in (src/shared/pwa.h5.ts): before,
    // its precache would take half of one bar of signal from the login.
    await page.goto(`${app.baseUrl}/`, { waitUntil: 'load' });
    await page.getByTestId('enter').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations())).toHaveLength(0);
    await loginAs(page, app.baseUrl, 'officer1');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.evaluate(() => fetch('/api/health').then((r) => r.status));
    await context.setOffline(true);
    const outcome = await page.evaluate(() =>
      fetch('/api/health').then(
        (r) => `status ${r.status}`,
        () => 'network error',
      ),
    );
    expect(outcome).toBe('network error');
    await context.close();
  });
});
