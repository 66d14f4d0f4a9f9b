import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath } from './support/browser';
import { contrastOf, DESKTOP, expectTapTarget, lookAt, PHONE } from './support/look';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';
import { seedDemoActivity } from '../../api/src/database/seed/demo-activity';
import type { TestApp } from '../../api/test/support/test-app';

const SINIAN = '郑州思念食品有限公司';
/** A code as the API writes it (RATING_SUBMITTED, POSITIVE_LIST_NO_DISTURBANCE …). */
const RAW_CODE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * Every supervisor screen as a person sees it, on a 360 px phone and a 1280 px desktop (axe,
 * overflow, blank controls, screenshots), and the defects found on main, each by what is visible.
 */
describe('supervisor screens, as a person sees them', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  const ids: Record<'visit' | 'followUp' | 'report' | 'spotCheck' | 'draw', string> = {
    visit: '',
    followUp: '',
    report: '',
    spotCheck: '',
    draw: '',
  };

  async function api(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
    return app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${await apiToken(app, user)}` },
      ...(payload ? { payload } : {}),
    });
  }

  async function commitDraw(name: string): Promise<string> {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await api('supervisor', 'POST', '/api/v1/draws', {
      name,
      periodStart: today,
      periodEnd: `${Number(today.slice(0, 4)) + 1}-12-31`,
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  beforeAll(async () => {
    app = await startRunningApp();
    // the demo's activity too: ratings, an overdue follow-up case, a report
    await seedDemoActivity(app.app);
    browser = await launchChromium();
    // A routine inspection at a 正面清单 firm by one officer: refused (the positive list), and
    // flagged 两名以上执法人员 — a flag that refused no one.
    const refused = await api('officer1', 'POST', '/api/v1/check-ins', {
      clientId: randomUUID(),
      code: await issueGateCode(app, SINIAN),
      purpose: 'ROUTINE',
      coOfficerIds: [],
      location: null,
      clientTime: new Date().toISOString(),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reasons.map((r: { code: string }) => r.code)).toContain('SINGLE_OFFICER');

    const [rated] = await app.dataSource.query(
      `SELECT r.visit_id AS id FROM rating r ORDER BY r.submitted_at DESC LIMIT 1`,
    );
    ids.visit = rated.id;
    const [followUp] = await app.dataSource.query(`SELECT id FROM follow_up_case LIMIT 1`);
    ids.followUp = followUp.id;
    const [report] = await app.dataSource.query(`SELECT id FROM misconduct_report LIMIT 1`);
    ids.report = report.id;
    // a spot check of the month of the demo's latest rating
    const [{ month }] = await app.dataSource.query(
      `SELECT to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month
         FROM rating ORDER BY submitted_at DESC LIMIT 1`,
    );
    const spot = await api('supervisor', 'POST', '/api/v1/rating-spot-checks', {
      month,
      sampleSize: 3,
    });
    expect([spot.statusCode, spot.json().message]).toEqual([201, undefined]);
    ids.spotCheck = spot.json().id;
    ids.draw = await commitDraw('界面检查抽查');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Logs in and waits for the desk (the home) to be there before going anywhere else. */
  async function login(page: Page, username: string): Promise<void> {
    await loginAs(page, app.baseUrl, username);
    await visible(page, 'chart-refusals').waitFor({ timeout: 15_000 });
  }

  /** The first shown element with a test id. */
  function visible(page: Page, testId: string) {
    return page.locator(`[data-testid="${testId}"]:visible`).first();
  }

  /** Opens a screen by its address and waits for what shows it has loaded. */
  async function show(page: Page, path: string, ready: string): Promise<void> {
    await page.goto(`${app.baseUrl}/#${path}`);
    // (Taro keeps the screens below in the page, hidden: look at the one shown)
    await visible(page, ready).waitFor({ timeout: 15_000 });
    // … and nothing is still loading
    await page.waitForFunction(
      () => !document.querySelector('.qq-pending[role="status"]'),
      undefined,
      {
        timeout: 15_000,
      },
    );
    await page.waitForTimeout(300);
  }

  const SCREENS: { name: string; path: () => string; ready: string; detail?: boolean }[] = [
    { name: 'desk', path: () => '/pages/supervisor/desk/index', ready: 'chart-refusals' },
    { name: 'visits', path: () => '/pages/supervisor/visits/index', ready: 'supervisor-visit-row' },
    {
      name: 'visit',
      path: () => `/pages/supervisor/visit/index?id=${ids.visit}`,
      ready: 'visit-audit-entry',
      detail: true,
    },
    { name: 'follow-ups', path: () => '/pages/supervisor/follow-ups/index', ready: 'follow-ups' },
    {
      name: 'follow-up',
      path: () => `/pages/supervisor/follow-up/index?id=${ids.followUp}`,
      ready: 'follow-up-status',
      detail: true,
    },
    { name: 'reports', path: () => '/pages/supervisor/reports/index', ready: 'report-row' },
    {
      name: 'report',
      path: () => `/pages/supervisor/report/index?id=${ids.report}`,
      ready: 'report-status',
      detail: true,
    },
    {
      name: 'spot-checks',
      path: () => '/pages/supervisor/spot-checks/index',
      ready: 'spot-check-row',
    },
    {
      name: 'spot-check',
      path: () => `/pages/supervisor/spot-check/index?id=${ids.spotCheck}`,
      ready: 'spot-check-seed',
      detail: true,
    },
    { name: 'draws', path: () => '/pages/supervisor/draws/index', ready: 'draw-row' },
    {
      name: 'draw',
      path: () => `/pages/supervisor/draw/index?id=${ids.draw}`,
      ready: 'draw-reveal',
      detail: true,
    },
  ];

  for (const [size, viewport] of [
    ['360', PHONE],
    ['1280', DESKTOP],
  ] as const) {
    it(`every supervisor screen at ${size} px: no axe violation, no overflow, no blank control, no raw code`, async () => {
      const page = await browser.newPage({ viewport });
      await login(page, 'supervisor');
      const problems: string[] = [];
      for (const screen of SCREENS) {
        await show(page, screen.path(), screen.ready);
        try {
          await lookAt(page, `supervisor-${screen.name}-${size}`);
        } catch (e) {
          problems.push((e as Error).message);
        }
        // The screen scrolls inside Taro's page: a tall window shows all of it, for a person to look at.
        await page.setViewportSize({ width: viewport.width, height: 2600 });
        await page.waitForTimeout(200);
        await page.screenshot({ path: screenshotPath(`supervisor-${screen.name}-${size}-whole`) });
        await page.setViewportSize(viewport);
        const text = await page.locator('body').innerText();
        if (RAW_CODE.test(text)) problems.push(`${screen.name}: raw code ${RAW_CODE.exec(text)}`);
        if (UUID.test(text)) problems.push(`${screen.name}: shows an id ${UUID.exec(text)}`);
        // Every screen but the desk (the home) has a way back.
        if (screen.name !== 'desk' && !(await visible(page, 'page-back').isVisible())) {
          problems.push(`${screen.name}: no 返回`);
        }
      }
      // The new draw form, open.
      await show(page, '/pages/supervisor/draws/index', 'draw-row');
      await visible(page, 'draw-new').click();
      await visible(page, 'draw-form').waitFor();
      try {
        await lookAt(page, `supervisor-draw-form-${size}`);
      } catch (e) {
        problems.push((e as Error).message);
      }
      expect(problems).toEqual([]);
      await page.close();
    }, 240_000);
  }

  it('the admin lands on the desk, with the master data, gate code and policy pages one tap away', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, app.baseUrl, 'admin');
    await page.getByTestId('chart-refusals').waitFor({ timeout: 15_000 });
    for (const [testId, label] of [
      ['desk-master-data', '企业主数据导入'],
      ['desk-gates', '门口码与海报'],
      ['desk-policy', '检查规则'],
    ]) {
      expect((await page.getByTestId(testId).innerText()).trim()).toBe(label);
    }
    await lookAt(page, 'supervisor-desk-admin-360');
    await page.getByTestId('desk-policy').click();
    await page.waitForURL((url) => url.hash.includes('/pages/admin/policy/index'));
    await page.close();
  }, 90_000);

  for (const [size, viewport] of [
    ['360', PHONE],
    ['1280', DESKTOP],
  ] as const) {
    it(`the four export buttons on the desk say what they export, readably (${size} px)`, async () => {
      const page = await browser.newPage({ viewport });
      await login(page, 'supervisor');
      const labels = [
        '导出打卡记录（XLSX）',
        '导出打卡记录（CSV）',
        '导出评价（XLSX）',
        '导出评价（CSV）',
      ];
      for (const [i, id] of [
        'export-visits-xlsx',
        'export-visits-csv',
        'export-ratings-xlsx',
        'export-ratings-csv',
      ].entries()) {
        const button = page.getByTestId(id);
        await button.scrollIntoViewIfNeeded({ timeout: 15_000 });
        expect((await button.innerText()).trim()).toBe(labels[i]);
        const label = button.getByText(labels[i]);
        expect(await contrastOf(label)).toBeGreaterThanOrEqual(4.5);
        // the whole label is inside the button, not cut off by it
        const [inner, outer] = [await label.boundingBox(), await button.boundingBox()];
        expect(inner!.y).toBeGreaterThanOrEqual(outer!.y - 1);
        expect(inner!.y + inner!.height).toBeLessThanOrEqual(outer!.y + outer!.height + 1);
        expect(inner!.x + inner!.width).toBeLessThanOrEqual(outer!.x + outer!.width + 1);
        await expectTapTarget(button);
      }
      await page.close();
    }, 90_000);
  }

  it('立即校验 on the desk runs the chain check and shows its result', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await login(page, 'supervisor');
    const status = page.getByTestId('desk-chain-status');
    await status.waitFor({ timeout: 15_000 });
    const before = await app.dataSource.query(`SELECT count(*)::int AS n FROM audit_chain_check`);
    await page.getByTestId('desk-chain-run').click();
    await page.waitForFunction(
      (n) =>
        /审计链完整（\d+ 条记录）/.test(
          document.querySelector('[data-testid="desk-chain-status"]')?.textContent ?? '',
        ) && n >= 0,
      before[0].n,
      { timeout: 15_000 },
    );
    const after = await app.dataSource.query(`SELECT count(*)::int AS n FROM audit_chain_check`);
    expect(after[0].n).toBe(before[0].n + 1);
    expect(await page.getByTestId('desk-chain-error').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('reveals a 双随机 draw in the app: the seed and the tasks are shown', async () => {
    const id = await commitDraw('浏览器揭示抽查');
    const page = await browser.newPage({ viewport: PHONE });
    await login(page, 'supervisor');
    await show(page, `/pages/supervisor/draw/index?id=${id}`, 'draw-reveal');
    expect(await page.getByTestId('draw-seed').getAttribute('data-revealed')).toBe('false');
    await page.getByTestId('draw-reveal').click();
    await visible(page, 'draw-reveal-confirm').waitFor();
    await lookAt(page, 'supervisor-draw-reveal-dialog-360');
    expect(await page.locator('.nut-dialog').innerText()).toContain('不能撤回');
    await visible(page, 'draw-reveal-confirm').click();
    await page.getByTestId('draw-tasks').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('draw-seed').getAttribute('data-revealed')).toBe('true');
    expect(await page.getByTestId('draw-status').innerText()).toContain('已揭示');
    expect(await page.getByTestId('draw-reveal-error').count()).toBe(0);
    const [row] = await app.dataSource.query(`SELECT status FROM draw WHERE id = $1`, [id]);
    expect(row.status).toBe('REVEALED');
    await lookAt(page, 'supervisor-draw-revealed-360');
    await page.close();
  }, 90_000);

  it('the visit record names every audit action in Chinese and leads back to the log', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await login(page, 'supervisor');
    // Opened directly (no screen before it): 返回 goes to the visit log.
    await show(page, `/pages/supervisor/visit/index?id=${ids.visit}`, 'visit-audit-entry');
    const audit = await page.getByTestId('visit-audit').innerText();
    expect(audit).toContain('扫码打卡');
    expect(audit).toContain('企业提交好差评');
    expect(audit).not.toMatch(RAW_CODE);
    await visible(page, 'page-back').click();
    await page.waitForURL((url) => url.hash.includes('/pages/supervisor/visits/index'));
    await visible(page, 'supervisor-visit-row').waitFor({ timeout: 15_000 });

    // Opened from the log: 返回 goes back to it.
    await visible(page, 'supervisor-visit-row').click();
    await page.waitForURL((url) => url.hash.includes('/pages/supervisor/visit/index'));
    await page.getByTestId('visit-outcome').waitFor({ timeout: 15_000 });
    await visible(page, 'page-back').click();
    await page.waitForURL((url) => url.hash.includes('/pages/supervisor/visits/index'));
    await page.close();
  }, 90_000);

  it('不予入企（按规则） counts the rule that refused, not the flags the attempt carried', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await login(page, 'supervisor');
    const chart = page.getByTestId('chart-refusals');
    await chart.waitFor({ timeout: 15_000 });
    const text = await chart.innerText();
    expect(text).toContain('该企业在正面清单内');
    expect(text).not.toContain('两名以上执法人员');
    const [{ n }] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM visit v, jsonb_array_elements(v.reasons) r
        WHERE v.outcome = 'REFUSED' AND r ->> 'code' = 'SINGLE_OFFICER'`,
    );
    expect(n).toBeGreaterThan(0); // the flag is there; the chart rightly leaves it out
    await page.close();
  }, 90_000);

  it('year pickers offer only the years that make sense, not a wheel to 2999', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await login(page, 'supervisor');
    const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    await show(page, '/pages/supervisor/draws/index', 'draw-row');

    // The statistics' year: the years with draws, up to this one.
    await visible(page, 'draw-statistics-year').click();
    const picker = page.locator('.nut-picker').filter({ hasText: '年度' });
    await picker.waitFor({ timeout: 5_000 });
    const years = (await picker.locator('.nut-pickerview-roller-item').allTextContents())
      .map((y) => y.trim())
      .filter(Boolean);
    expect(years.length).toBeGreaterThan(0);
    expect(years.length).toBeLessThanOrEqual(3);
    expect(years.join()).toContain(`${thisYear} 年`);
    expect(years.join()).not.toContain(`${thisYear + 1}`);
    await picker.getByText('取消').click();

    // The new draw's period: from this year to two years on, no further.
    await visible(page, 'draw-new').click();
    await visible(page, 'draw-end').click();
    const dates = page.locator('.nut-picker').filter({ hasText: '检查期限结束' });
    await dates.waitFor({ timeout: 5_000 });
    const offered = (
      await dates
        .locator('.nut-pickerview-list')
        .first()
        .locator('.nut-pickerview-roller-item')
        .allTextContents()
    )
      .map((y) => y.trim())
      .filter(Boolean);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.some((y) => y.includes('2999'))).toBe(false);
    expect(offered.length).toBeLessThanOrEqual(4);
    await page.close();
  }, 90_000);
});
