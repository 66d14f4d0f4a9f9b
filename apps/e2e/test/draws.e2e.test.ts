import type { Browser } from 'playwright-core';
import type { DrawView } from '@qinqing/domain';
import { gcj02ToWgs84 } from '../../mobile/src/pages/officer/check-in/location-math';
import { launchChromium, screenshotPath } from './support/browser';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

const PHONE = { width: 360, height: 780 };

/**
 * 双随机、一公开 in Chromium: an officer checks in on his drawn task by picking it at the gate, and
 * anyone — without logging in — reads the published draw and re-checks it on the device.
 */
describe('双随机 draws in Chromium', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let draw: DrawView;
  let task: DrawView['tasks'][number];
  let gate: { lat: number; lng: number };

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();
    const token = await apiToken(app, 'supervisor');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const committed = await app.inject({
      method: 'POST',
      url: '/api/v1/draws',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        name: '浏览器测试抽查',
        periodStart: today,
        periodEnd: '2099-12-31',
        weights: {
          baseRatio: 1,
          creditGrade: { TRUSTWORTHY: 1, GOOD: 1, WARNING: 1, SERIOUSLY_DISHONEST: 1, UNRATED: 1 },
          positiveList: 1,
        },
      },
    });
    expect(committed.statusCode).toBe(201);
    const revealed = await app.inject({
      method: 'POST',
      url: `/api/v1/draws/${committed.json().id}/reveal`,
      headers: { authorization: `Bearer ${token}` },
    });
    draw = revealed.json();
    const [officer1] = await app.dataSource.query(
      `SELECT id FROM app_user WHERE username = 'officer1'`,
    );
    // a task officer1 leads with a colleague, at a firm not on the positive list
    task = draw.tasks.find(
      (t) => t.officers.length === 2 && t.officers.some((o) => o.id === officer1.id),
    )!;
    expect(task).toBeDefined();
    [gate] = await app.dataSource.query(
      `SELECT lat, lng FROM gate WHERE enterprise_id = $1 ORDER BY name LIMIT 1`,
      [task.enterpriseId],
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('the officer sees the task and checks in on it by picking it at the gate', async () => {
    // the browser reports WGS-84; gates are stored in GCJ-02 as Chinese maps give them
    const [latitude, longitude] = gcj02ToWgs84(Number(gate.lat), Number(gate.lng));
    const context = await browser.newContext({
      viewport: PHONE,
      geolocation: { latitude, longitude, accuracy: 10 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await loginAs(page, app.baseUrl, 'officer1');
    await page.goto(`${app.baseUrl}/#/pages/officer/tasks/index`);
    const row = page.getByTestId('task-row').filter({ hasText: task.reference });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain(task.enterpriseName);
    await page.screenshot({ path: screenshotPath('officer-tasks'), fullPage: true });

    const [firm] = await app.dataSource.query('SELECT name FROM enterprise WHERE id = $1', [
      task.enterpriseId,
    ]);
    const code = await issueGateCode(app, firm.name);
    await page.goto(
      `${app.baseUrl}/#/pages/officer/check-in/index?code=${encodeURIComponent(code)}`,
    );
    await page.getByTestId('checkin-firm-name').waitFor({ timeout: 15_000 });
    await page.getByTestId('purpose-RANDOM_INSPECTION').click();
    const option = page.getByTestId('task-option').filter({ hasText: task.reference });
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    expect(await page.getByTestId('reference-input').locator('input').inputValue()).toBe(
      task.reference,
    );
    await page.getByText('已定位').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('officer-check-in-task'), fullPage: true });
    await page.getByTestId('checkin-submit').click();
    await page.waitForURL(/pages\/officer\/decision\/index/);
    await page.getByTestId('decision-outcome').waitFor({ timeout: 15_000 });
    const [visit] = await app.dataSource.query(
      `SELECT purpose, reference, outcome, reasons FROM visit WHERE reference = $1`,
      [task.reference],
    );
    expect(visit).toEqual({
      purpose: 'RANDOM_INSPECTION',
      reference: task.reference,
      outcome: 'ALLOWED',
      reasons: [],
    });
    expect(await page.getByTestId('decision-outcome').innerText()).toBe('允许入企');
    await context.close();
  });

  it('anyone reads the published draw without logging in and re-checks it on the device', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${app.baseUrl}/#/pages/index/index`);
    await page.getByTestId('public-draws-link').click();
    const row = page.getByTestId('public-draw-row').filter({ hasText: draw.number });
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.getByTestId('public-seed').waitFor({ timeout: 15_000 });
    const seedText = (await page.getByTestId('public-seed').innerText()).replace(/\s/g, '');
    expect(seedText).toContain(draw.seed!);
    const commitment = (await page.getByTestId('public-commitment').innerText()).replace(/\s/g, '');
    expect(commitment).toContain(draw.seedCommitment);
    const results = page.getByTestId('public-result-row');
    expect(await results.count()).toBe(draw.tasks.length);
    const body = await page.locator('body').innerText();
    for (const officer of draw.tasks.flatMap((t) => t.officers)) {
      expect(body).not.toContain(officer.name);
    }
    expect(await results.filter({ hasText: task.enterpriseName }).innerText()).toContain('已检查');

    await page.getByTestId('public-verify').click();
    const verdict = page.getByTestId('public-verify-result');
    await page.waitForFunction(
      () =>
        /一致/.test(
          document.querySelector('[data-testid="public-verify-result"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 15_000 },
    );
    expect(await verdict.innerText()).toContain('复核一致');
    await page.screenshot({ path: screenshotPath('public-draw'), fullPage: true });
    await page.close();
  });
});
