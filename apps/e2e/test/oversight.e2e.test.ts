import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchChromium, screenshotPath } from './support/browser';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

const RUITAI = '河南瑞泰耐材科技有限公司';
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * 双向监督 closing the loop, in Chromium against the H5 build and the real API: the firm rates a
 * visit with a handwritten signature, the 差 opens a follow-up case the supervisor closes, a report
 * the reported officer cannot see, and the desk's XLSX export opened and read.
 */
describe('ratings, follow-ups, reports and exports in Chromium', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let visitId: string;
  let officer1: { id: string; name: string };

  async function api(username: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
    return app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${await apiToken(app, username)}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();
    [officer1] = await app.dataSource.query(
      `SELECT id, name FROM app_user WHERE username = 'officer1'`,
    );
    const [officer2] = await app.dataSource.query(
      `SELECT id FROM app_user WHERE username = 'officer2'`,
    );
    const [gate] = await app.dataSource.query(
      `SELECT g.lat, g.lng FROM gate g JOIN enterprise e ON e.id = g.enterprise_id
       WHERE e.name = $1 ORDER BY g.name LIMIT 1`,
      [RUITAI],
    );
    // officer1 with officer2 inspects 瑞泰 (firm2's firm) and checks out.
    const res = await api('officer1', 'POST', '/api/v1/check-ins', {
      clientId: randomUUID(),
      code: await issueGateCode(app, RUITAI),
      purpose: 'COMPLAINT_VERIFICATION',
      reference: 'XF-2026-0777',
      coOfficerIds: [officer2.id],
      location: { lat: Number(gate.lat), lng: Number(gate.lng), accuracy: 10 },
      clientTime: new Date().toISOString(),
    });
    expect(res.statusCode).toBe(201);
    visitId = res.json().visit.id;
    const out = await api('officer1', 'POST', `/api/v1/visits/${visitId}/check-out`, {
      findings: 'GUIDANCE',
    });
    expect(out.statusCode).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Draws a signature with the mouse across the pad, as a finger would. */
  async function sign(page: Page): Promise<void> {
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + 20, y);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) {
      await page.mouse.move(box.x + 20 + (i * (box.width - 40)) / 30, y + Math.sin(i / 3) * 25);
    }
    await page.mouse.up();
    await page.mouse.move(box.x + 40, box.y + 15);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 15, { steps: 12 });
    await page.mouse.up();
  }

  it('the firm rates the visit with a drawn signature; a 差 opens a follow-up case', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, app.baseUrl, 'firm2');
    // the only visit of the firm so far
    const rate = page.getByTestId('visit-rate').first();
    await rate.waitFor({ timeout: 15_000 });
    await rate.click();
    await page.waitForURL((url) => url.hash.includes('pages/firm/rate/index'));
    await page.getByTestId('rating-overall-FAIR').waitFor({ timeout: 15_000 });
    // one column on a 360 px phone once the page has slid in
    await page.waitForFunction(() => document.documentElement.scrollWidth <= 360, undefined, {
      timeout: 5_000,
    });

    // Submitting is not possible before all six marks and a signature; the screen says what is missing.
    // (NutUI's button on H5: announced disabled by aria-disabled, and inert while so)
    const submitDisabled = async () =>
      (await page.getByTestId('rating-submit').getAttribute('aria-disabled')) === 'true';
    expect(await submitDisabled()).toBe(true);
    expect(await page.getByTestId('rating-blocker').innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('rating-overall-FAIR').click();
    for (const [i, level] of ['GOOD', 'GOOD', 'POOR', 'GOOD', 'FAIR'].entries()) {
      await page.getByTestId(`rating-item-${i}-${level}`).click();
    }
    await page
      .getByTestId('rating-comment')
      .locator('textarea')
      .fill('检查人员接受了企业安排的午餐。');
    expect(await page.getByTestId('rating-blocker').innerText()).toContain('签');
    expect(await submitDisabled()).toBe(true);
    await sign(page);
    expect(await submitDisabled()).toBe(false);
    expect(await page.getByTestId('rating-blocker').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('firm-rating-card'), fullPage: true });
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rating-confirm').click();
    const done = page.getByTestId('rating-done');
    await done.waitFor({ timeout: 15_000 });
    expect(await done.innerText()).toContain('回访');
    await page.screenshot({ path: screenshotPath('firm-rating-done'), fullPage: true });

    const stored = await api('supervisor', 'GET', `/api/v1/visits/${visitId}/rating`);
    expect(stored.statusCode).toBe(200);
    const rating = stored.json();
    expect(rating).toMatchObject({
      overall: 'FAIR',
      items: ['GOOD', 'GOOD', 'POOR', 'GOOD', 'FAIR'],
      comment: '检查人员接受了企业安排的午餐。',
      followUpCaseId: expect.any(String),
    });
    // The stored signature is the drawing: a PNG with a stroke's worth of dark pixels.
    const png = PNG.sync.read(Buffer.from(rating.signature.split(',')[1], 'base64'));
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] > 128 && png.data[i] < 128) ink += 1;
    }
    expect(ink).toBeGreaterThan(200);

    // Back home, the visit shows as rated; rating again is not offered.
    await page.goto(`${app.baseUrl}/#/pages/firm/home/index`);
    await page.getByTestId('visit-rated').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('visit-rate').count()).toBe(0);
    await page.close();
  });

  it('the supervisor works the follow-up case from the desk: contact, finding, closed', async () => {
    const page = await browser.newPage({ viewport: DESKTOP });
    await loginAs(page, app.baseUrl, 'supervisor');
    await page.getByTestId('supervisor-desk').waitFor({ timeout: 15_000 });
    const open = page.getByTestId('desk-follow-ups-open');
    await open.waitFor({ timeout: 15_000 });
    expect(await open.innerText()).toMatch(/1/);
    await page.screenshot({ path: screenshotPath('supervisor-desk'), fullPage: true });
    await open.click();
    await page.waitForURL((url) => url.hash.includes('pages/supervisor/follow-ups/index'));
    const row = page.getByTestId('follow-up-row').filter({ hasText: RUITAI }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await page.waitForURL((url) => url.hash.includes('pages/supervisor/follow-up/index'));

    await page.getByTestId('follow-up-contact-method-PHONE').click();
    await page
      .getByTestId('follow-up-contact-note')
      .locator('textarea')
      .fill('电话联系陈伟，确认午餐系企业食堂工作餐，已按标准付费。');
    await page.getByTestId('follow-up-contact-submit').click();
    await page.getByText('电话联系陈伟').first().waitFor({ timeout: 15_000 });

    await page.getByTestId('follow-up-finding-NOT_CONFIRMED').click();
    await page
      .getByTestId('follow-up-resolution')
      .locator('textarea')
      .fill('经核实为工作餐且已付费，不属违规；已向企业说明。');
    await page.getByTestId('follow-up-close').click();
    const status = page.getByTestId('follow-up-status');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="follow-up-status"]')?.textContent?.includes('已办结'),
      undefined,
      { timeout: 15_000 },
    );
    expect(await status.innerText()).toContain('已办结');
    await page.screenshot({ path: screenshotPath('supervisor-follow-up-closed'), fullPage: true });

    const caseId = (await api('supervisor', 'GET', `/api/v1/visits/${visitId}/rating`)).json()
      .followUpCaseId;
    const stored = await api('supervisor', 'GET', `/api/v1/follow-ups/${caseId}`);
    expect(stored.json()).toMatchObject({
      status: 'CLOSED',
      finding: 'NOT_CONFIRMED',
      contacts: [expect.objectContaining({ method: 'PHONE' })],
    });
    await page.close();
  });

  it('the firm reports an officer; supervisors see it, the reported officer cannot', async () => {
    const description = `执法人员在检查中暗示企业购买指定品牌的治污设备（${randomUUID().slice(0, 6)}）。`;
    const page = await browser.newPage({ viewport: PHONE });
    await loginAs(page, app.baseUrl, 'firm2');
    await page.goto(`${app.baseUrl}/#/pages/firm/report/index?visitId=${visitId}`);
    await page.getByTestId('report-category-SIX_4').waitFor({ timeout: 15_000 });
    await page.getByTestId(`report-officer-${officer1.id}`).click();
    await page.getByTestId('report-category-SIX_4').click();
    await page.getByTestId('report-description').locator('textarea').fill(description);
    await page.screenshot({ path: screenshotPath('firm-report-form'), fullPage: true });
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-done').waitFor({ timeout: 15_000 });
    await page.close();

    const list = await api('supervisor', 'GET', '/api/v1/reports');
    const report = list
      .json()
      .items.find((r: { description: string }) => r.description === description);
    expect(report).toMatchObject({
      visitId,
      officer: { id: officer1.id },
      categories: ['SIX_4'],
      status: 'RECEIVED',
    });

    // The supervisor reads it in the app.
    const desk = await browser.newPage({ viewport: DESKTOP });
    await loginAs(desk, app.baseUrl, 'supervisor');
    await desk.goto(`${app.baseUrl}/#/pages/supervisor/reports/index`);
    const row = desk.getByTestId('report-row').filter({ hasText: RUITAI }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await desk.getByText(description).waitFor({ timeout: 15_000 });
    await desk.screenshot({ path: screenshotPath('supervisor-report'), fullPage: true });
    await desk.close();

    // The reported officer: refused by the API, and the report's screen shows nothing of it.
    for (const url of ['/api/v1/reports', `/api/v1/reports/${report.id}`]) {
      expect((await api('officer1', 'GET', url)).statusCode).toBe(403);
    }
    const officerPage = await browser.newPage({ viewport: PHONE });
    await loginAs(officerPage, app.baseUrl, 'officer1');
    await officerPage.goto(`${app.baseUrl}/#/pages/supervisor/report/index?id=${report.id}`);
    await officerPage.waitForTimeout(1500);
    const text = await officerPage.locator('body').innerText();
    expect(text).not.toContain(description);
    expect(text).not.toContain('治污设备');
    await officerPage.close();
  });

  it('exports the visit log and the ratings to XLSX from the desk, readable with Chinese headers', async () => {
    const page = await browser.newPage({ viewport: DESKTOP, acceptDownloads: true });
    await loginAs(page, app.baseUrl, 'supervisor');
    await page.getByTestId('export-visits-xlsx').waitFor({ timeout: 15_000 });

    const read = async (testId: string): Promise<ExcelJS.Worksheet> => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15_000 }),
        page.getByTestId(testId).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const file = path.join(tmpdir(), `qinqing-${randomUUID()}.xlsx`);
      await download.saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
      return book.worksheets[0];
    };

    const visits = await read('export-visits-xlsx');
    const headers = (visits.getRow(1).values as unknown[]).filter(Boolean).map(String);
    expect(headers).toEqual(expect.arrayContaining(['企业名称', '事由']));
    const rows: string[] = [];
    visits.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).filter(Boolean).map(String).join('|'));
    });
    const ours = rows.find((r) => r.includes('XF-2026-0777'));
    expect(ours).toBeDefined();
    expect(ours).toContain(RUITAI);
    expect(ours).toContain('信访举报核实');
    expect(ours).toContain(officer1.name);

    const ratings = await read('export-ratings-xlsx');
    const ratingHeaders = (ratings.getRow(1).values as unknown[]).filter(Boolean).map(String);
    expect(ratingHeaders).toEqual(expect.arrayContaining(['总体评价', '廉政执法情况']));
    const ratingRows: string[] = [];
    ratings.eachRow((row, n) => {
      if (n > 1) ratingRows.push((row.values as unknown[]).filter(Boolean).map(String).join('|'));
    });
    expect(ratingRows.some((r) => r.includes(RUITAI) && r.includes('差'))).toBe(true);
    await page.close();
  });
});
