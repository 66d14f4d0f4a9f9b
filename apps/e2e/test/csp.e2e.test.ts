import type { Browser } from 'playwright-core';
import type { TestApp } from '../../api/test/support/test-app';
import { launchChromium } from './support/browser';
import { findProblems, PHONE } from './support/look';
import { startRunningApp } from './support/running-app';
import { loginAs } from './support/ui';

/**
 * The H5 app runs under its Content-Security-Policy (the look-* tests assert no violation on
 * every page); here the policy is shown to bite: an injected inline script is refused and seen.
 */
describe('Content-Security-Policy in Chromium', () => {
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

  it('runs the app without a violation and refuses a script injected into the page', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const response = await page.goto(app.baseUrl + '/');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await loginAs(page, app.baseUrl, 'officer1');
    expect((await findProblems(page)).csp).toEqual([]);

    // What an injected <script> (XSS) would do: refused by script-src, and reported.
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return Boolean((window as unknown as { __injected?: boolean }).__injected);
    });
    expect(ran).toBe(false);
    const { csp } = await findProblems(page);
    expect(csp.some((v) => v.startsWith('script-src'))).toBe(true);
    await page.close();
  });
});
