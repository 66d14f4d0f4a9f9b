import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { launchChromium, screenshotPath } from './support/browser';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

const SINIAN = '郑州思念食品有限公司';
const PHONE = { width: 360, height: 780 };

describe('firm screens (门口是谁, 核验执法证, 企业状态) in Chromium', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();

    // officer1 with officer2 checks in at 思念 to verify a complaint, through the API.
    const [officer2] = await app.dataSource.query(
      `SELECT id FROM app_user WHERE username = 'officer2'`,
    );
    const [gate] = await app.dataSource.query(
      `SELECT g.lat, g.lng FROM gate g JOIN enterprise e ON e.id = g.enterprise_id
       WHERE e.name = $1 ORDER BY g.name LIMIT 1`,
      [SINIAN],
    );
    const code = await issueGateCode(app, SINIAN);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/check-ins',
      headers: { authorization: `Bearer ${await apiToken(app, 'officer1')}` },
      payload: {
        clientId: randomUUID(),
        code,
        purpose: 'COMPLAINT_VERIFICATION',
        reference: 'XF-2026-0512',
        coOfficerIds: [officer2.id],
        location: { lat: Number(gate.lat), lng: Number(gate.lng), accuracy: 10 },
        clientTime: new Date().toISOString(),
      },
    });
    expect(res.statusCode).toBe(201);

    // Then a routine inspection at this 正面清单 firm: refused; the firm sees that attempt too.
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/check-ins',
      headers: { authorization: `Bearer ${await apiToken(app, 'officer1')}` },
      payload: {
        clientId: randomUUID(),
        code,
        purpose: 'ROUTINE',
        coOfficerIds: [officer2.id],
        location: { lat: Number(gate.lat), lng: Number(gate.lng), accuracy: 10 },
        clientTime: new Date().toISOString(),
      },
    });
    expect(refused.statusCode).toBe(409);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function phonePage(): Promise<Page> {
    return browser.newPage({ viewport: PHONE });
  }

  it('shows firm1 the officers now at its gate, with badge numbers, unit and purpose', async () => {
    const page = await phonePage();
    await loginAs(page, app.baseUrl, 'firm1');
    expect(page.url()).toContain('pages/firm/home');
    const banner = page.getByTestId('gate-now');
    await banner.getByTestId('gate-entry').first().waitFor({ timeout: 15_000 });
    const text = await banner.innerText();
    expect(text).toContain('张建国（豫A41010001）等2人');
    expect(text).toContain('郑州市生态环境局金水分局');
    expect(text).toContain('信访举报核实');
    expect(text).toMatch(/\d\d:\d\d 入企/);

    const visits = await page.getByTestId('firm-visits').innerText();
    expect(visits).toContain('李明华（豫A41010002）');
    expect(visits).toContain('XF-2026-0512');
    expect(visits).toContain('检查中');
    // The refused attempt is listed as 未获准入企 with its reason, but nobody is at the gate for it.
    expect(visits).toContain('未获准入企');
    expect(visits).toContain('正面清单');
    expect(await banner.getByTestId('gate-entry').count()).toBe(1);
    expect(text).not.toContain('日常检查');
    expect(await page.getByTestId('firm-name').innerText()).toContain(SINIAN);
    expect(await page.getByTestId('firm-six-prohibitions').innerText()).toContain(
      '不准向被检查者通风报信',
    );
    expect(await page.getByTestId('firm-hotlines').innerText()).toContain('67189801');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: screenshotPath('firm-home'), fullPage: true });
    await page.close();
  }, 60_000);

  it('does not show the visit to firm2', async () => {
    const page = await phonePage();
    await loginAs(page, app.baseUrl, 'firm2');
    await page.getByText('目前没有执法人员在企业内').waitFor({ timeout: 15_000 });
    await page.getByText('暂无到访记录').waitFor({ timeout: 15_000 });
    expect(await page.locator('body').innerText()).not.toContain('张建国');
    await page.close();
  }, 60_000);

  it('verifies a pasted badge code of officer1: 身份有效 · 在岗', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/officers/me/badge-code',
      headers: { authorization: `Bearer ${await apiToken(app, 'officer1')}` },
    });
    const { code } = res.json() as { code: string };
    const page = await phonePage();
    await loginAs(page, app.baseUrl, 'firm1');
    await page.getByTestId('goto-verify-badge').click();
    await page.waitForURL((url) => url.hash.includes('pages/firm/verify-badge'));
    await page.getByTestId('badge-code-input').locator('textarea').fill(code);
    await page.getByTestId('badge-verify').click();
    const card = page.getByTestId('badge-verdict');
    await card.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('badge-verdict-title').innerText()).toBe('身份有效 · 在岗');
    const officer = await page.getByTestId('badge-verdict-officer').innerText();
    expect(officer).toContain('张建国');
    expect(officer).toContain('豫A41010001');
    expect(officer).toContain('金水分局');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: screenshotPath('firm-verify-badge'), fullPage: true });

    // A tampered code is red, with the number to call.
    const tampered = code.slice(0, -6) + (code.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
    await page.getByTestId('badge-code-input').locator('textarea').fill(tampered);
    await page.getByTestId('badge-verify').click();
    await page.getByTestId('badge-verdict-call').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('badge-verdict-title').innerText()).toBe('身份无法确认');
    await page.close();
  }, 60_000);

  it('reads a photo of the badge code in a plain browser (jsqr) and verifies it', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/officers/me/badge-code',
      headers: { authorization: `Bearer ${await apiToken(app, 'officer2')}` },
    });
    const { code } = res.json() as { code: string };
    const photo = await QRCode.toBuffer(code, { type: 'png', width: 600, margin: 4 });
    const page = await phonePage();
    await loginAs(page, app.baseUrl, 'firm1');
    await page.getByTestId('goto-verify-badge').click();
    await page.waitForURL((url) => url.hash.includes('pages/firm/verify-badge'));
    const chooser = page.waitForEvent('filechooser', { timeout: 15_000 });
    await page.getByTestId('badge-scan').click();
    await (await chooser).setFiles({ name: 'badge.png', mimeType: 'image/png', buffer: photo });
    await page.getByTestId('badge-verdict').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('badge-verdict-title').innerText()).toBe('身份有效 · 在岗');
    expect(await page.getByTestId('badge-verdict-officer').innerText()).toContain('李明华');
    await page.close();
  }, 60_000);

  it('shows the firm status: 正面清单, credit grade, liaison officer and gates', async () => {
    const page = await phonePage();
    await loginAs(page, app.baseUrl, 'firm1');
    await page.getByTestId('goto-status').click();
    await page.getByTestId('firm-status').first().waitFor({ timeout: 15_000 });
    const text = await page.getByTestId('firm-status').first().innerText();
    expect(text).toContain(SINIAN);
    expect(text).toContain('已列入正面清单');
    expect(text).toContain('统一社会信用代码');
    expect(text).toContain('生态环境服务联络员');
    expect(await page.getByTestId('firm-liaison').innerText()).toBe('张建国');
    await page.screenshot({ path: screenshotPath('firm-status'), fullPage: true });
    await page.close();
  }, 60_000);
});
