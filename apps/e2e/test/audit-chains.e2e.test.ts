import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { DESKTOP, lookAt, PHONE } from './support/look';
import { startRunningApp } from './support/running-app';
import { apiToken, issueGateCode, loginAs } from './support/ui';
import type { TestApp } from '../../api/test/support/test-app';

const RUITAI = '河南瑞泰耐材科技有限公司';

/**
 * Issue 15: the audit log is several chains. When an entry on one of them is edited behind the
 * API's back, the supervisor's desk names the chain and the entry, in words, on a phone and on a
 * desktop.
 */
describe('a broken audit chain on the supervisor’s desk', () => {
  let app: TestApp & { baseUrl: string };
  let browser: Browser;
  let broken: { chain: number; seq: number };

  beforeAll(async () => {
    app = await startRunningApp();
    browser = await launchChromium();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/check-ins',
      headers: { authorization: `Bearer ${await apiToken(app, 'officer3')}` },
      payload: {
        clientId: randomUUID(),
        code: await issueGateCode(app, RUITAI),
        purpose: 'COMPLAINT_VERIFICATION',
        reference: '郑环信访〔2026〕E2E号',
        coOfficerIds: [],
        location: null,
        clientTime: new Date().toISOString(),
      },
    });
    expect([201, 409]).toContain(res.statusCode); // recorded either way
    const visitId = res.json().visit?.id ?? res.json().attemptId;
    // The check-in's entry, on its unit's chain, edited with the append-only trigger off.
    const [entry] = await app.dataSource.query(
      `SELECT id, chain, seq::int AS seq FROM audit_entry WHERE action = 'CHECK_IN' AND subject_id = $1`,
      [visitId],
    );
    broken = { chain: entry.chain, seq: entry.seq };
    const runner = app.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('ALTER TABLE audit_entry DISABLE TRIGGER USER');
      await runner.query(
        `UPDATE audit_entry SET data = jsonb_set(data, '{reference}', '"改过"') WHERE id = $1`,
        [entry.id],
      );
    } finally {
      await runner.query('ALTER TABLE audit_entry ENABLE TRIGGER USER');
      await runner.release();
    }
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const [size, viewport] of [
    ['360', PHONE],
    ['1280', DESKTOP],
  ] as const) {
    it(`立即校验 names the broken chain and entry (${size} px)`, async () => {
      const page = await browser.newPage({ viewport });
      await loginAs(page, app.baseUrl, 'supervisor');
      await page.getByTestId('desk-chain-run').click({ timeout: 15_000 });
      const words = `审计链（${broken.chain} 号分链）在第 ${broken.seq} 条`;
      await page.getByText(`${words}记录处断裂`).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('desk-chain-status').innerText()).toContain(`${words}断裂`);
      await page.getByTestId('desk-chain').scrollIntoViewIfNeeded();
      await lookAt(page, `desk-chain-broken-${size}`);
      await page.close();
    }, 90_000);
  }
});
