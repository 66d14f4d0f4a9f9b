import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath } from './support/browser';
import { DESKTOP, lookAt, PHONE } from './support/look';
import { startRunningApp } from './support/running-app';
import { apiToken, loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

/**
 * A bureau's new officer: the admin creates his account through the API (a one-time password),
 * he logs in with it in the browser, is sent to 修改密码, sets his own password and lands on the
 * officer's home.
 */
describe('first login with a one-time password (Chromium)', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let oneTimePassword: string;

  beforeAll(async () => {
    app = await startRunningApp();
    const [unit] = await app.dataSource.query(`SELECT id FROM unit WHERE code = 'ZZ-JS'`);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${await apiToken(app, 'admin')}` },
      payload: {
        username: 'sunxd',
        displayName: '孙晓东',
        role: 'officer',
        unitId: unit.id,
        badgeNo: '豫A41010088',
      },
    });
    expect(created.statusCode).toBe(201);
    oneTimePassword = created.json().oneTimePassword;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('logs in, is sent to 修改密码 with the policy checked as he types, and then to his home', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/#/pages/login/index`);
    await page.getByTestId('login-username').locator('input').fill('sunxd');
    await page.getByTestId('login-password').locator('input').fill(oneTimePassword);
    await page.getByTestId('login-submit').click();

    await page.waitForURL((url) => url.hash.includes('pages/password'), { timeout: 15_000 });
    await page.getByTestId('password-required').waitFor();
    // the one-time password typed at the login is already there
    await expect(page.getByTestId('password-current').locator('input').inputValue()).resolves.toBe(
      oneTimePassword,
    );
    const newField = page.getByTestId('password-new').locator('input');
    const ruleOk = (rule: string) =>
      page.getByTestId(`password-rule-${rule}`).getAttribute('data-ok');
    await newField.fill('sunxd888');
    expect(await ruleOk('MIN_LENGTH')).toBe('false');
    expect(await ruleOk('NOT_USERNAME')).toBe('false');
    await page.getByTestId('password-submit').click();
    await expect(page.getByTestId('password-error').textContent()).resolves.toBe(
      '新密码不符合上述要求，请修改。',
    );
    await page.screenshot({ path: screenshotPath('password-change-refused-360') });

    await newField.fill('Jinshui-Zhifa-2027');
    await page.getByTestId('password-again').locator('input').fill('Jinshui-Zhifa-2027');
    for (const rule of ['MIN_LENGTH', 'NOT_USERNAME', 'NOT_COMMON', 'NOT_CURRENT']) {
      expect(await ruleOk(rule)).toBe('true');
    }
    expect(await page.getByTestId('password-error').count()).toBe(0);
    // axe, overflow, blank controls, CSP; and the screenshot artifacts/screenshots/password-change-360.png
    await lookAt(page, 'password-change-360');

    await page.getByTestId('password-submit').click();
    await page.waitForURL((url) => url.hash.includes('pages/officer/home'), { timeout: 15_000 });
    await page.locator('.qq-bar__title').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: screenshotPath('password-changed-officer-home-360') });
    expect(await page.locator('.qq-bar__title').first().textContent()).toBeTruthy();

    const [row] = await app.dataSource.query(
      `SELECT must_change_password FROM app_user WHERE username = 'sunxd'`,
    );
    expect(row.must_change_password).toBe(false);
    const relogin = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'sunxd', password: 'Jinshui-Zhifa-2027' },
    });
    expect(relogin.json().user.mustChangePassword).toBe(false);
    await context.close();
  }, 90_000);

  it('账号管理: the admin finds the account, issues a new one-time password and deactivates it', async () => {
    for (const [size, viewport] of [
      ['360', PHONE],
      ['1280', DESKTOP],
    ] as const) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const status = (text: string) =>
        page.locator('[data-testid="users-status-sunxd"]', { hasText: text });
      await loginAs(page, app.baseUrl, 'admin');
      await page.getByTestId('desk-users').click();
      await page.getByTestId('users-row-sunxd').waitFor();
      await page.getByTestId('users-search').locator('input').fill('孙晓东');
      await page.getByTestId('users-search-submit').click();
      await page.getByTestId('users-row-officer1').waitFor({ state: 'detached' });
      await page.getByTestId('users-reset-sunxd').click();
      const password = await page.getByTestId('users-issued-password').textContent();
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{14}$/);
      await expect(page.getByTestId('users-status-sunxd').textContent()).resolves.toBe(
        '在用 · 待修改初始密码',
      );
      await page.getByTestId('users-issued').scrollIntoViewIfNeeded();
      await lookAt(page, `admin-users-${size}`);
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'sunxd', password },
      });
      expect(login.json().user.mustChangePassword).toBe(true);

      await page.getByTestId('users-toggle-sunxd').click();
      await status('已停用').waitFor();
      const [row] = await app.dataSource.query(
        `SELECT active FROM app_user WHERE username = 'sunxd'`,
      );
      expect(row.active).toBe(false);
      await page.getByTestId('users-toggle-sunxd').click();
      await status('在用 ·').waitFor();
      await context.close();
    }
  }, 120_000);
});
