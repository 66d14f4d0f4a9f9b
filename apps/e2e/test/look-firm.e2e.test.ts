import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { seedDemoActivity } from '../../api/src/database/seed/demo-activity';
import { DEMO_PASSWORD } from '../../api/src/database/seed/demo-data';
import { launchChromium } from './support/browser';
import { contrastOf, DESKTOP, expectTapTarget, lookAt, PHONE } from './support/look';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

const SINIAN = '郑州思念食品有限公司';
const RUITAI = '河南瑞泰耐材科技有限公司';

/**
 * Every firm screen as its user sees it, at 360 and 1280 px, with the demo data: firm1 (思念) has
 * officers at the gate now; firm2 (瑞泰) has a visit waiting for its 好差评, a rated one and a
 * report. Then the defects found on main, each caught by what is visible.
 */
describe('the firm screens, as a person sees them', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let gateCode: string;
  let badgeCode: string;
  let pendingVisitId: string;
  let ratedVisitId: string;

  beforeAll(async () => {
    app = await startRunningApp();
    // the demo's past visits, ratings, follow-up case and report, as `npm run seed:demo` makes them
    await seedDemoActivity(app.app);
    browser = await launchChromium();
    const [officer2] = await app.dataSource.query(
      `SELECT id FROM app_user WHERE username = 'officer2'`,
    );
    const [gate] = await app.dataSource.query(
      `SELECT g.lat, g.lng FROM gate g JOIN enterprise e ON e.id = g.enterprise_id
       WHERE e.name = $1 ORDER BY g.name LIMIT 1`,
      [SINIAN],
    );
    gateCode = await issueGateCode(app, SINIAN);
    const token = await apiToken(app, 'officer1');
    const checkIn = (purpose: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/check-ins',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          clientId: randomUUID(),
          code: gateCode,
          purpose,
          ...(purpose === 'COMPLAINT_VERIFICATION' ? { reference: 'XF-2026-0512' } : {}),
          coOfficerIds: [officer2.id],
          location: { lat: Number(gate.lat), lng: Number(gate.lng), accuracy: 10 },
          clientTime: new Date().toISOString(),
        },
      });
    expect((await checkIn('COMPLAINT_VERIFICATION')).statusCode).toBe(201);
    // a refused attempt too: the firm sees it, with its reason in words
    expect((await checkIn('ROUTINE')).statusCode).toBe(409);

    badgeCode = (
      await app.inject({
        method: 'GET',
        url: '/api/v1/officers/me/badge-code',
        headers: { authorization: `Bearer ${token}` },
      })
    ).json().code;

    // firm2's demo visits: one waiting for its rating, one rated.
    const visits: { id: string; rated: boolean }[] = await app.dataSource.query(
      `SELECT v.id, EXISTS (SELECT 1 FROM rating r WHERE r.visit_id = v.id) AS rated
       FROM visit v JOIN enterprise e ON e.id = v.enterprise_id
       WHERE e.name = $1 AND v.checked_out_at IS NOT NULL ORDER BY v.checked_in_at DESC`,
      [RUITAI],
    );
    pendingVisitId = visits.find((v) => !v.rated)!.id;
    ratedVisitId = visits.find((v) => v.rated)!.id;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Waits until the page's data is in (no spinner left). */
  async function settled(page: Page, testId: string): Promise<void> {
    await page.getByTestId(testId).first().waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => !document.querySelector('.qq-pending'), undefined, {
      timeout: 15_000,
    });
  }

  /** Logs in and, once the home is shown, opens `path` (a page of the app). */
  async function open(page: Page, username: string, path: string): Promise<void> {
    await loginAs(page, app.baseUrl, username);
    await page.getByTestId('firm-home').waitFor({ timeout: 15_000 });
    await page.goto(`${app.baseUrl}/#${path}`);
  }

  /** lookAt, and no button whose label is cut off (wrapped out of its box). */
  async function look(page: Page, name: string): Promise<void> {
    await lookAt(page, name);
    const clipped = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.nut-button')).flatMap((button) => {
        const box = button.getBoundingClientRect();
        const label = button.querySelector('.nut-button-children');
        if (!label || box.width === 0) return [];
        const r = label.getBoundingClientRect();
        const out =
          r.top < box.top - 1 ||
          r.bottom > box.bottom + 1 ||
          r.left < box.left - 1 ||
          r.right > box.right + 1;
        return out ? [`${(button as HTMLElement).innerText.trim()} is cut off`] : [];
      }),
    );
    expect(clipped).toEqual([]);
  }

  /** The theme's brand colour as the browser computes colours (rgb(r, g, b)). */
  async function brand(page: Page): Promise<string> {
    return page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.color = 'var(--qq-brand)';
      document.body.appendChild(probe);
      const colour = getComputedStyle(probe).color;
      probe.remove();
      return colour;
    });
  }

  /** An enabled primary action: brand background, readable label, big enough for a thumb. */
  async function expectEnabledPrimary(page: Page, button: Locator, label: string) {
    await button.scrollIntoViewIfNeeded();
    expect((await button.innerText()).trim()).toBe(label);
    expect(await button.getAttribute('aria-disabled')).toBeNull();
    // NutUI paints a primary button with a gradient between two (here equal) theme colours
    const paint = await button.evaluate((el) => {
      const style = getComputedStyle(el);
      return `${style.backgroundColor} ${style.backgroundImage}`;
    });
    expect(paint).toContain(await brand(page));
    expect(paint).not.toMatch(/rgb\((15[0-9]|1[6-9][0-9]|2[0-9][0-9]), /);
    expect(await contrastOf(button.locator('.nut-button-children'))).toBeGreaterThanOrEqual(4.5);
    await expectTapTarget(button);
  }

  /** A secondary action with a visible, readable label (not blank, not grey). */
  async function expectReadable(button: Locator, label: string) {
    await button.scrollIntoViewIfNeeded();
    expect((await button.innerText()).trim()).toBe(label);
    const text = button.locator('.nut-button-children');
    expect(await text.isVisible()).toBe(true);
    expect(await contrastOf(text)).toBeGreaterThanOrEqual(4.5);
    await expectTapTarget(button);
  }

  async function within(page: Page, locator: Locator) {
    const box = (await locator.boundingBox())!;
    const width = page.viewportSize()!.width;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }

  for (const size of [PHONE, DESKTOP]) {
    const w = size.width;

    it(`firm1's home, 核验执法证 and 企业状态 at ${w} px`, async () => {
      const page = await browser.newPage({ viewport: size });
      await loginAs(page, app.baseUrl, 'firm1');
      await settled(page, 'gate-entry');
      const body = await page.locator('body').innerText();
      expect(body).toContain('张建国（豫A41010001）等2人');
      expect(body).toContain('未获准入企');
      await expectTapTarget(page.getByTestId('goto-verify-badge'));
      await expectEnabledPrimary(page, page.getByTestId('goto-verify-badge'), '核验执法证');
      await look(page, `firm-home-${w}`);

      await page.getByTestId('goto-verify-badge').click();
      await page.getByTestId('badge-code-input').locator('textarea').fill(badgeCode);
      await page.getByTestId('badge-verify').click();
      await page.getByTestId('badge-verdict').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('badge-verdict-title').innerText()).toBe('身份有效 · 在岗');
      await expectReadable(page.getByTestId('badge-verify'), '核验');
      await expectEnabledPrimary(page, page.getByTestId('badge-scan'), '拍照识别执法证二维码');
      await look(page, `firm-verify-badge-${w}`);

      await page.goto(`${app.baseUrl}/#/pages/firm/status/index`);
      await settled(page, 'firm-status');
      expect(await page.getByTestId('firm-status').first().innerText()).toContain('已列入正面清单');
      await look(page, `firm-status-${w}`);
      await page.close();
    }, 90_000);

    it(`firm2's home, 好差评 card (open and rated), 监督举报 and 我的举报 at ${w} px`, async () => {
      const page = await browser.newPage({ viewport: size });
      await loginAs(page, app.baseUrl, 'firm2');
      await settled(page, 'visit-rate');
      await expectEnabledPrimary(page, page.getByTestId('visit-rate').first(), '去评价');
      await look(page, `firm-home-ratings-${w}`);

      await page.goto(`${app.baseUrl}/#/pages/firm/rate/index?visitId=${pendingVisitId}`);
      await settled(page, 'rating-overall-GOOD');
      await expectReadable(page.getByTestId('signature-clear'), '清除');
      await look(page, `firm-rate-${w}`);

      await page.goto(`${app.baseUrl}/#/pages/firm/rate/index?visitId=${ratedVisitId}`);
      await settled(page, 'rating-rated');
      await within(page, page.getByTestId('rating-home'));
      await look(page, `firm-rated-${w}`);

      await page.goto(`${app.baseUrl}/#/pages/firm/report/index?visitId=${pendingVisitId}`);
      await settled(page, 'report-officer');
      await expectEnabledPrimary(page, page.getByTestId('report-submit'), '提交举报');
      await look(page, `firm-report-${w}`);

      await page.goto(`${app.baseUrl}/#/pages/firm/reports/index`);
      await settled(page, 'report-row');
      const row = await page.getByTestId('report-row').first().innerText();
      expect(row).toContain('午餐');
      expect(row).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      await look(page, `firm-reports-${w}`);
      await page.close();
    }, 90_000);
  }

  /** Draws a signature with the mouse across the pad, as a finger would. */
  async function sign(page: Page): Promise<void> {
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2 + 20, { steps: 20 });
    await page.mouse.up();
  }

  it('rating card: 清除 and 返回修改 readable, the hint above a full-width pad, enabled actions in the brand colour, 返回首页 on screen', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await open(page, 'firm2', `/pages/firm/rate/index?visitId=${pendingVisitId}`);
    await settled(page, 'rating-overall-GOOD');

    // 3. the hint is a line above the pad, and the pad spans the card
    const hint = page.getByText('请用手指（或鼠标）在下方白色区域内签名');
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const [hintBox, padBox] = [(await hint.boundingBox())!, (await pad.boundingBox())!];
    expect(hintBox.y + hintBox.height).toBeLessThanOrEqual(padBox.y + 1);
    expect(hintBox.width).toBeGreaterThan(200);
    expect(padBox.width).toBeGreaterThan(PHONE.width * 0.75);
    expect(await contrastOf(hint)).toBeGreaterThanOrEqual(4.5);

    // 1. 清除 has a visible, readable label
    await expectReadable(page.getByTestId('signature-clear'), '清除');

    // 2. disabled until complete (and says so), then enabled in the brand colour
    const submit = page.getByTestId('rating-submit');
    expect(await submit.getAttribute('aria-disabled')).toBe('true');
    // disabled looks disabled, yet its label can still be read
    expect(await contrastOf(submit.locator('.nut-button-children'))).toBeGreaterThanOrEqual(4.5);
    expect(await submit.evaluate((el) => getComputedStyle(el).backgroundImage)).not.toContain(
      await brand(page),
    );
    expect(await page.getByTestId('rating-blocker').innerText()).toContain('总体评价');
    await page.getByTestId('rating-overall-GOOD').click();
    for (let i = 0; i < 5; i++) await page.getByTestId(`rating-item-${i}-GOOD`).click();
    await sign(page);
    await expectEnabledPrimary(page, submit, '提交评价');

    await submit.click();
    await expectEnabledPrimary(page, page.getByTestId('rating-confirm'), '确认提交');
    await expectReadable(page.getByTestId('rating-confirm-cancel'), '返回修改');
    await look(page, 'firm-rate-confirm-360');
    await page.getByTestId('rating-confirm-cancel').click();
    await submit.click();
    await page.getByTestId('rating-confirm').click();

    // 4. the done screen: 返回首页 within the screen, readable
    await page.getByTestId('rating-done').waitFor({ timeout: 15_000 });
    const home = page.getByTestId('rating-home');
    await within(page, home);
    await expectEnabledPrimary(page, home, '返回首页');
    await look(page, 'firm-rate-done-360');
    await page.close();
  }, 90_000);

  it('report: 添加照片 and 提交举报 look enabled, a photo is attached and the report goes through', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await open(page, 'firm2', `/pages/firm/report/index?visitId=${pendingVisitId}`);
    await settled(page, 'report-category-SIX_2');

    const add = page.getByTestId('report-photo-add');
    await expectReadable(add, '添加照片');
    // an enabled outline button: brand-coloured label and border, not the grey disabled look
    const colours = await add.evaluate((el) => ({
      border: getComputedStyle(el).borderTopColor,
      text: getComputedStyle(el.querySelector('.nut-button-children')!).color,
    }));
    expect(colours.text).toBe(await brand(page));
    expect(colours.border).toBe(await brand(page));

    const photo = new PNG({ width: 64, height: 48 });
    photo.data.fill(200);
    const chooser = page.waitForEvent('filechooser', { timeout: 15_000 });
    await add.click();
    await (
      await chooser
    ).setFiles({ name: 'scene.png', mimeType: 'image/png', buffer: PNG.sync.write(photo) });
    await page.getByTestId('report-photo').waitFor({ timeout: 15_000 });
    await expectReadable(page.getByRole('button', { name: '删除第1张照片' }), '删除');

    await page.getByTestId('report-category-SIX_2').click();
    await page
      .getByTestId('report-description')
      .locator('textarea')
      .fill('检查结束后执法人员暗示企业安排宴请（外观测试）。');
    await expectEnabledPrimary(page, page.getByTestId('report-submit'), '提交举报');
    await look(page, 'firm-report-filled-360');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-done').waitFor({ timeout: 15_000 });
    await expectEnabledPrimary(page, page.getByTestId('report-goto-reports'), '查看我的举报');
    await look(page, 'firm-report-done-360');

    const [stored] = await app.dataSource.query(
      `SELECT count(*)::int AS photos FROM misconduct_report r
       JOIN report_photo p ON p.report_id = r.id WHERE r.description LIKE '%外观测试%'`,
    );
    expect(stored.photos).toBe(1);
    await page.close();
  }, 90_000);

  it('firm1 opening the gate code URL logs in and lands on the firm home, told the page was for officers', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(`${app.baseUrl}/c/${gateCode.slice(gateCode.lastIndexOf('/c/') + 3)}`);
    await page.waitForURL(/pages\/login\/index/, { timeout: 15_000 });
    const reason = page.getByTestId('login-reason');
    expect(await reason.innerText()).toContain('执法人员登录');
    expect(await contrastOf(reason)).toBeGreaterThanOrEqual(4.5);
    await page.getByTestId('login-username').locator('input').fill('firm1');
    await page.getByTestId('login-password').locator('input').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();

    await page.waitForURL(/pages\/firm\/home\/index/, { timeout: 15_000 });
    const notice = page.getByTestId('page-notice');
    await notice.waitFor({ timeout: 15_000 });
    const text = await notice.innerText();
    expect(text).toContain('执法人员');
    expect(text).toContain('企业管理人员');
    expect(text).toContain('首页');
    expect(await contrastOf(notice)).toBeGreaterThanOrEqual(4.5);
    await settled(page, 'gate-entry');
    expect(await page.getByTestId('firm-name').innerText()).toContain(SINIAN);
    await look(page, 'firm-gate-url-notice-360');
    await page.close();
  }, 60_000);
});
