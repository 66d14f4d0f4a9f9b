import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath } from './support/browser';
import { startRunningApp } from './support/running-app';
import type { TestApp } from '../../api/test/support/test-app';

describe('H5 app served by the API, in Chromium', () => {
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

  it('renders the landing screen at 360 px with the live service status and the purposes from libs/domain', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.goto(app.baseUrl + '/');
    await page.getByText('服务正常').waitFor({ timeout: 15_000 });
    const purposes = await page.getByTestId('purpose-list').innerText();
    for (const label of ['双随机抽查', '信访举报核实', '日常检查'])
      expect(purposes).toContain(label);
    await expect(page.title()).resolves.toContain('亲清');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: screenshotPath('landing'), fullPage: true });
    await page.close();
  });

  it('needs no code beyond what index.html names to show the landing and the login screen', async () => {
    // On a cold start at one bar of signal, each wave of chunks found only after the last one ran
    // costs a round trip: index.html preloads the landing's and the login's chunks beside the
    // runtime. Anything else (the prefetch of later screens) is refused here, and both screens
    // must still show and work.
    const html = await (await fetch(app.baseUrl + '/')).text();
    const named = new Set(
      Array.from(html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"/g), (m) => m[1]),
    );
    expect(Array.from(named).filter((url) => /^\/js\/.+\.js$/.test(url)).length).toBeGreaterThan(3);
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.route(/\/(js|css)\/.+\.(js|css)$/, (route) => {
      const { pathname } = new URL(route.request().url());
      return named.has(pathname) ? route.continue() : route.abort();
    });
    await page.goto(app.baseUrl + '/');
    await page.getByText('服务正常').waitFor({ timeout: 15_000 });
    await page.getByTestId('enter').filter({ visible: true }).click();
    const username = page.getByTestId('login-username').filter({ visible: true }).locator('input');
    await username.fill('officer1');
    await expect(username.inputValue()).resolves.toBe('officer1');
    await expect(
      page.getByTestId('login-submit').filter({ visible: true }).innerText(),
    ).resolves.toContain('登录');
    await page.close();
  });

  it('shows the unavailable message when the API cannot be reached', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.route('**/api/health', (route) => route.abort());
    await page.goto(app.baseUrl + '/');
    await page.getByText('服务暂不可用').waitFor({ timeout: 15_000 });
    await page.close();
  });
});
