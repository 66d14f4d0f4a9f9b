import type { Locator, Page } from 'playwright-core';
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

/**
 * Chooses an option of a SelectField as a finger does: opens its NutUI wheel, drags the wheel up
 * until the option sits in the middle, lets go, and confirms (确定).
 */
export async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  const picker = page.locator('.nut-picker:visible');
  await picker.waitFor({ timeout: 5_000 });
  const items = picker.locator('.nut-pickerview-roller-item');
  await items.first().waitFor();
  const labels = (await items.allTextContents()).map((t) => t.trim());
  const target = labels.indexOf(option);
  if (target < 0) throw new Error(`"${option}" is not among ${labels.join(' / ')}`);
  const active = async () =>
    labels.indexOf(
      (
        (await picker.locator('.nut-pickerview-roller-item-active').first().textContent()) ?? ''
      ).trim(),
    );
  for (let attempt = 0; attempt < 3 && (await active()) !== target; attempt++) {
    await drag(page, picker, target - Math.max(0, await active()));
  }
  if ((await active()) !== target)
    throw new Error(`the wheel of ${testId} did not stop on "${option}"`);
  await picker.locator('.nut-picker-confirm-btn').click();
  await picker.waitFor({ state: 'hidden' });
  const shown = await page.getByTestId(testId).innerText();
  if (!shown.includes(option.trim()))
    throw new Error(`${testId} shows "${shown}", not "${option}"`);
}

/** Drags a picker's wheel by `rows` rows (up: positive), slowly, and lets it settle. */
async function drag(page: Page, picker: Locator, rows: number): Promise<void> {
  const spacing = await picker
    .locator('.nut-pickerview-roller-placeholder')
    .first()
    .evaluate((el) => el.getBoundingClientRect().height);
  const box = (await picker.locator('.nut-pickerview-list').first().boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', atY?: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: atY === undefined ? [] : [{ x, y: atY }],
    });
  await touch('touchStart', y);
  // a little past the option: the wheel snaps back onto it (a snap it must animate, after which
  // it takes the option; let go exactly on it, it would wait for an animation that never comes)
  const distance = (rows + 0.3 * Math.sign(rows || 1)) * spacing;
  // the wheel listens to one touch event per render: moves are paced, the last one repeated
  for (let step = 1; step <= 12; step++) {
    await touch('touchMove', y - (distance * Math.min(step, 10)) / 10);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(400); // slower than a flick: the wheel stops where it is let go
  await touch('touchEnd');
  await cdp.detach();
  await page.waitForTimeout(600); // the wheel settles on the option
}
