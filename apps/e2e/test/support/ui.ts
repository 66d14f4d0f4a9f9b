import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../api/src/database/seed/demo-data';
import type { TestApp } from '../../../api/test/support/test-app';

/** Logs a demo user in through the H5 login screen; resolves once the role's home has loaded. */
export async function loginAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await page.getByTestId('login-username').locator('input').fill(username);
  await page.getByTestId('login-password').locator('input').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.hash.includes('pages/login'), { timeout: 15_000 });
  // The role's home has rendered (its title bar) and the router is idle: a test that opens another
  // page right away must not race the login's own navigation.
  await page.locator('.qq-bar__title').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
}

/** An access token for API calls a test makes beside the browser (e.g. issuing gate codes). */
export async function apiToken(t: TestApp, username: string): Promise<string> {
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  return res.json().accessToken;
}

/** Issues a fresh gate code for the first gate of a demo firm (as admin); returns the QR text. */
export async function issueGateCode(t: TestApp, firmName: string): Promise<string> {
  const [gate] = await t.dataSource.query(
    `SELECT g.id FROM gate g JOIN enterprise e ON e.id = g.enterprise_id WHERE e.name = $1 ORDER BY g.name LIMIT 1`,
    [firmName],
  );
  const token = await apiToken(t, 'admin');
  const res = await t.inject({
    method: 'POST',
    url: `/api/v1/gates/${gate.id}/codes`,
    headers: { authorization: `Bearer ${token}` },
  });
  return res.json().code;
}
