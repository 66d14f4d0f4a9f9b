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

  it('shows the unavailable message when the API cannot be reached', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.route('**/api/health', (route) => route.abort());
    await page.goto(app.baseUrl + '/');
    await page.getByText('服务暂不可用').waitFor({ timeout: 15_000 });
    await page.close();
  });
});
