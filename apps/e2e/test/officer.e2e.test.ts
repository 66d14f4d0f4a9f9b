import jsQR from 'jsqr';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { REASON_MESSAGES } from '@qinqing/domain';
import { gcj02ToWgs84 } from '../../mobile/src/pages/officer/check-in/location-math';
import { screenshotPath } from './support/browser';
import { launchChromiumWithFakeCamera, qrVideoFile } from './support/fake-camera';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';
import { DEMO_PASSWORD } from '../../api/src/database/seed/demo-data';
import type { TestApp } from '../../api/test/support/test-app';

const FIRM = '郑州思念食品有限公司';
const PHONE = { viewport: { width: 360, height: 780 } };

/** Waits for a screen to finish Taro's slide-in (so that screenshots show it in place). */
async function settled(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor();
  await page.waitForFunction((id) => {
    const box = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
    return box !== undefined && box.left >= 0 && box.right <= 360;
  }, testId);
}

describe('officer screens in Chromium (scan, check in, decision, check out, badge)', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let gateCode: string;
  let gate: { lat: number; lng: number };

  beforeAll(async () => {
    app = await startRunningApp();
    gateCode = await issueGateCode(app, FIRM);
    [gate] = await app.dataSource.query(
      `SELECT g.lat, g.lng FROM gate g JOIN enterprise e ON e.id = g.enterprise_id
        WHERE e.name = $1 ORDER BY g.name LIMIT 1`,
      [FIRM],
    );
    browser = await launchChromiumWithFakeCamera(await qrVideoFile(gateCode));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A phone at the firm's gate: camera allowed, GPS (WGS-84) at the gate. */
  async function phoneAtGate(): Promise<BrowserContext> {
    const [latitude, longitude] = gcj02ToWgs84(gate.lat, gate.lng);
    return browser.newContext({
      ...PHONE,
      permissions: ['camera', 'geolocation'],
      geolocation: { latitude, longitude, accuracy: 10 },
    });
  }

  async function supervisorVisits(query: string): Promise<
    {
      enterpriseName: string;
      purpose: string;
      decision: { outcome: string; reasons: { code: string }[] };
      officers: { name: string }[];
      checkedOutAt: string | null;
      findings: string | null;
    }[]
  > {
    const token = await apiToken(app, 'supervisor');
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/visits?${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    return res.json().items;
  }

  it('scans the gate code with the camera, and a 日常检查 at a 正面清单 firm is refused (无事不扰) and recorded', async () => {
    const context = await phoneAtGate();
    const page = await context.newPage();
    await loginAs(page, app.baseUrl, 'officer1');
    await settled(page, 'officer-greeting');
    await page
      .getByTestId('home-today')
      .getByText(/今天还没有检查记录|郑州/)
      .first()
      .waitFor();
    await page.screenshot({ path: screenshotPath('officer-home'), fullPage: true });

    await page.getByTestId('home-scan').click();
    await page.getByTestId('scanner').waitFor();
    await page.waitForURL(/pages\/officer\/check-in\/index\?code=/, { timeout: 20_000 });
    await settled(page, 'checkin-firm');
    await expect(page.getByTestId('checkin-firm-name').innerText()).resolves.toBe(FIRM);
    await expect(page.getByTestId('checkin-positive-list').innerText()).resolves.toBe(
      '正面清单企业',
    );
    await expect(page.getByTestId('purpose-ROUTINE').getAttribute('data-blocked')).resolves.toBe(
      'true',
    );
    await expect(
      page.getByTestId('purpose-COMPLAINT_VERIFICATION').getAttribute('data-blocked'),
    ).resolves.toBe('false');
    await expect(page.getByTestId('purpose-ROUTINE').innerText()).resolves.toContain(
      '不予入企：正面清单企业无事不扰',
    );
    await page.getByText('已定位').waitFor();

    await page.getByTestId('purpose-ROUTINE').click();
    // 预判 before committing: the rule that will refuse, and that the attempt is recorded anyway
    const verdict = page.getByTestId('checkin-verdict');
    await expect(verdict.getAttribute('data-tone')).resolves.toBe('refused');
    await expect(verdict.innerText()).resolves.toContain('将不予入企：正面清单企业无事不扰');
    await expect(verdict.innerText()).resolves.toContain('预判依据服务器当前数据');
    await page.screenshot({ path: screenshotPath('officer-check-in'), fullPage: true });
    await page.getByTestId('checkin-submit').click();

    await page.waitForURL(/pages\/officer\/decision\/index/);
    await settled(page, 'decision-card');
    await expect(page.getByTestId('decision-outcome').innerText()).resolves.toBe('不予入企');
    await expect(page.getByTestId('reason-POSITIVE_LIST_NO_DISTURBANCE').innerText()).resolves.toBe(
      REASON_MESSAGES.POSITIVE_LIST_NO_DISTURBANCE,
    );
    await expect(page.getByTestId('decision-check-out').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('officer-decision-refused'), fullPage: true });

    const refused = await supervisorVisits('outcome=REFUSED');
    const mine = refused.filter((v) => v.enterpriseName === FIRM && v.purpose === 'ROUTINE');
    expect(mine).toHaveLength(1);
    expect(mine[0].decision.reasons.map((r) => r.code)).toContain('POSITIVE_LIST_NO_DISTURBANCE');
    await context.close();
  }, 90_000);

  it('信访举报核实 with a reference and a co-officer at the same firm is allowed (green), then 签退 未发现问题', async () => {
    const context = await phoneAtGate();
    const page = await context.newPage();
    await loginAs(page, app.baseUrl, 'officer1');
    await settled(page, 'officer-greeting');
    await page.goto(
      `${app.baseUrl}/#/pages/officer/check-in/index?code=${encodeURIComponent(gateCode)}`,
    );
    await expect(page.getByTestId('checkin-firm-name').innerText()).resolves.toBe(FIRM);
    await page.getByTestId('purpose-COMPLAINT_VERIFICATION').click();
    await page.getByTestId('reference-input').locator('input').fill('XF-2026-0042');
    const coOfficer = page.locator('[data-testid^="co-officer-"]').first();
    await coOfficer.click();
    await expect(coOfficer.getAttribute('data-chosen')).resolves.toBe('true');
    await page.getByText('已定位').waitFor();
    // two officers, at the gate, with the reference: the server's preview says it is allowed
    const verdict = page.getByTestId('checkin-verdict');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="checkin-verdict"]')?.getAttribute('data-tone') ===
        'allowed',
    );
    await expect(verdict.innerText()).resolves.toContain('可以入企');
    await page.getByTestId('checkin-submit').click();

    await page.waitForURL(/pages\/officer\/decision\/index/);
    await settled(page, 'decision-card');
    await expect(page.getByTestId('decision-outcome').innerText()).resolves.toBe('允许入企');
    await expect(page.getByTestId('decision-reasons').count()).resolves.toBe(0);
    await page.screenshot({ path: screenshotPath('officer-decision-allowed'), fullPage: true });

    await page.getByTestId('decision-check-out').click();
    await settled(page, 'checkout-visit');
    await page.getByTestId('findings-NO_ISSUE').click();
    await page.screenshot({ path: screenshotPath('officer-check-out'), fullPage: true });
    const checkOutUrl = page.url();
    await page.getByTestId('checkout-submit').click();
    await page.getByTestId('checkout-done').waitFor();
    await expect(page.getByTestId('checkout-done').innerText()).resolves.toContain('未发现问题');

    const visits = await supervisorVisits('purpose=COMPLAINT_VERIFICATION');
    const visit = visits.find((v) => v.enterpriseName === FIRM);
    expect(visit?.decision.outcome).toBe('ALLOWED');
    expect(visit?.officers).toHaveLength(2);
    expect(visit?.findings).toBe('NO_ISSUE');
    expect(visit?.checkedOutAt).not.toBeNull();

    // A second check-out of the same visit: the server refuses, the screen says why in Chinese.
    await page.goto(checkOutUrl);
    await page.reload();
    await settled(page, 'checkout-visit');
    await page.getByTestId('findings-NO_ISSUE').click();
    await page.getByTestId('checkout-submit').click();
    await page.getByTestId('checkout-error').waitFor();
    await expect(page.getByTestId('checkout-error').innerText()).resolves.toContain('已签退');

    await context.close();
  }, 90_000);

  it('opening the gate code URL while logged out asks for a login, then shows the firm on the check-in screen', async () => {
    const context = await phoneAtGate();
    const page: Page = await context.newPage();
    // The printed code names the production host; the same path on this server.
    await page.goto(`${app.baseUrl}/c/${gateCode.slice(gateCode.lastIndexOf('/c/') + 3)}`);
    await page.waitForURL(/pages\/login\/index/);
    await page.getByTestId('login-username').locator('input').fill('officer1');
    await page.getByTestId('login-password').locator('input').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/pages\/officer\/check-in\/index\?code=/);
    await expect(page.getByTestId('checkin-firm-name').innerText()).resolves.toBe(FIRM);
    await context.close();
  }, 60_000);

  it('without camera permission says so in Chinese and reads the code from a photo (从相册选择)', async () => {
    const context = await phoneAtGate();
    const page = await context.newPage();
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('denied', 'NotAllowedError'));
    });
    await loginAs(page, app.baseUrl, 'officer1');
    await settled(page, 'officer-greeting');
    await page.getByTestId('home-scan').click();
    await page.getByText('没有摄像头权限').waitFor();
    await expect(page.getByTestId('scanner-status').innerText()).resolves.toContain('从相册选择');
    await page.getByTestId('scanner-file').setInputFiles({
      name: 'gate.png',
      mimeType: 'image/png',
      buffer: await QRCode.toBuffer(gateCode, { margin: 4, width: 480 }),
    });
    await page.waitForURL(/pages\/officer\/check-in\/index\?code=/, { timeout: 15_000 });
    await settled(page, 'checkin-firm');
    await expect(page.getByTestId('checkin-firm-name').innerText()).resolves.toBe(FIRM);
    await context.close();
  }, 60_000);

  it('rejects a forged gate code with a red message and what to do', async () => {
    const context = await phoneAtGate();
    const page = await context.newPage();
    await loginAs(page, app.baseUrl, 'officer1');
    await settled(page, 'officer-greeting');
    const token = gateCode.slice(gateCode.lastIndexOf('/c/') + 3);
    const forged = token.slice(0, 100) + (token[100] === 'A' ? 'B' : 'A') + token.slice(101);
    await page.goto(`${app.baseUrl}/#/pages/officer/check-in/index?code=${forged}`);
    await page.getByTestId('checkin-invalid').waitFor();
    await expect(page.getByTestId('checkin-invalid').innerText()).resolves.toContain(
      '不是有效的执法打卡码',
    );
    await expect(page.getByTestId('checkin-submit').count()).resolves.toBe(0);
    await context.close();
  }, 60_000);

  it('lists the officer’s own visits and refused attempts in 我的检查记录', async () => {
    const context = await phoneAtGate();
    const page = await context.newPage();
    await loginAs(page, app.baseUrl, 'officer1');
    await settled(page, 'officer-greeting');
    await page.getByTestId('home-visits').click();
    await settled(page, 'visits-title');
    await page.getByTestId('range-0').click();
    const list = page.getByTestId('visits-list');
    await list.getByText('不予入企').first().waitFor();
    await page.screenshot({ path: screenshotPath('officer-visits'), fullPage: true });
    await expect(list.getByText('日常检查').count()).resolves.toBeGreaterThanOrEqual(1);
    await expect(list.getByText('信访举报核实').count()).resolves.toBeGreaterThanOrEqual(1);
    await context.close();
  }, 60_000);

  it('shows the 电子执法证 with a QR code and a countdown', async () => {
    const context = await phoneAtGate();
    const page = await context.newPage();
    await loginAs(page, app.baseUrl, 'officer1');
    await page.getByTestId('home-badge').click();
    await settled(page, 'badge-card');
    await page.getByTestId('qr-code').waitFor();
    await expect(page.getByTestId('badge-countdown').innerText()).resolves.toMatch(
      /\d+ 秒后自动刷新/,
    );
    await expect(page.getByTestId('badge-number').innerText()).resolves.toMatch(/执法证号 \S+/);
    await page.screenshot({ path: screenshotPath('officer-badge'), fullPage: true });

    // The code on screen is readable and a firm's check of it names this officer as on duty.
    const shot = PNG.sync.read(await page.getByTestId('qr-code').screenshot());
    const read = jsQR(new Uint8ClampedArray(shot.data), shot.width, shot.height);
    expect(read?.data).toBeTruthy();
    const token = await apiToken(app, 'firm1');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/badge-codes/verify',
      headers: { authorization: `Bearer ${token}` },
      payload: { code: read?.data },
    });
    expect(res.json()).toMatchObject({ valid: true, onDuty: true });
    await context.close();
  }, 60_000);
});
