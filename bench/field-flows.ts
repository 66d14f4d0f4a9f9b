/**
 * The officer's flows as bench:field drives them, on the screens of the current app (NutUI) and of
 * the older one (b4d9dda, before the weak-signal work): the texts waited for are what a person
 * reads, and are found in both. Times are taken on the page's own clock (the click's event time,
 * the first animation frame that shows the text), not from the test driver's polling.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { gcj02ToWgs84 } from '../apps/mobile/src/pages/officer/check-in/location-math';
import type { FieldBrowser, FieldPage, RequestRecord } from './field-browser';

export const OFFICER = { username: 'officer1', password: 'Qinqing@2026', name: '张建国' };
/** 金水分局's firm on the 正面清单: 信访举报核实 is allowed there. */
export const FIRM = { name: '郑州思念食品有限公司', gate: { lat: 34.8528, lng: 113.6305 } };
const COLLEAGUE = '李明华'; // officer2, same unit: the second officer the rules ask for
const PURPOSE = { label: '信访举报核实', referencePlaceholder: '请输入信访举报编号' };

/** What a person reads on each screen, in both builds. */
const TEXT = {
  landingLogin: /^登录$/,
  landingEnter: new RegExp(`^进入（${OFFICER.name}）$`),
  usernamePlaceholder: '请输入用户名',
  passwordPlaceholder: '请输入密码',
  greeting: new RegExp(`^您好，${OFFICER.name}$`),
  scanButton: /^扫码入企$/,
  firmName: new RegExp(`^${FIRM.name}$`),
  located: /^(已定位|未能获取位置)/,
  singleOfficer: /^执法检查应由两名以上执法人员进行/,
  submit: /^(确认登记|提交打卡)$/,
  verdict: /^(允许入企|允许但已记录|不予入企|待服务器判定)$/,
  offlineMark: /^离线预判$/,
};

/** The officer's home, ready: the greeting and the 扫码入企 button on screen. */
const HOME_SHOWN = [TEXT.greeting, TEXT.scanButton];

export class StepTimeout extends Error {}

/**
 * The in-app scanner without a camera: WeChat's JS-SDK `wx.scanQRCode`, which the H5 app uses when
 * present (features/scan/scan.h5.ts), answering with the code the bench put in `__fieldScanCode`.
 * The app then navigates to the check-in screen exactly as after a real scan.
 */
const SCANNER_STUB = `
  window.wx = {
    scanQRCode(options) {
      const code = window.__fieldScanCode;
      if (code) setTimeout(() => options.success({ resultStr: code }), 0);
      else if (options.cancel) options.cancel();
    },
  };
`;

/**
 * What the in-page functions use of the page (bench/tsconfig.json has no DOM types). The page's
 * clock is `timeOrigin + now()`: ms since the epoch, high resolution, one clock for the steps.
 */
interface PageGlobals {
  location: { hash: string };
  document: {
    body: unknown;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    createTreeWalker(
      root: unknown,
      whatToShow: number,
    ): { nextNode(): { nodeValue: string | null; parentElement: PageElement | null } | null };
    addEventListener(type: string, listener: () => void, options: object): void;
  };
  performance: { timeOrigin: number; now(): number };
  __fieldClickAt?: number;
  __fieldScanCode?: string;
}

interface PageElement {
  id: string;
  textContent: string | null;
  getClientRects(): { length: number };
  checkVisibility?(options?: object): boolean;
}

type Pattern = { source: string; flags: string };
const toPattern = (r: RegExp): Pattern => ({ source: r.source, flags: r.flags });

/**
 * In the page: the page clock when every pattern is the whole text of a visible element of the
 * screen on top. Taro's H5 router keeps the screens below (e.g. the home under the check-in
 * screen) in the document, laid out and covered, so texts are looked for in the top one only: the
 * page container of the current route (`.taro_page` whose id is its path; none yet: not shown),
 * or without a route in the URL the last container shown, else the whole body. (`screen` below finds it the same way: a function sent to the page
 * carries no closure.)
 */
function shownNow(patterns: Pattern[]): number | false {
  const g = globalThis as unknown as PageGlobals;
  const pages = Array.from(g.document.querySelectorAll('.taro_page'));
  const route = g.location.hash.replace(/^#/, '').split('?')[0];
  const current = pages.filter((p) => route !== '' && p.id.split('?')[0] === route);
  const shown = pages.filter(
    (p) => p.getClientRects().length > 0 && (p.checkVisibility?.() ?? true),
  );
  // A route whose screen is not in the document yet: nothing of it is shown (the screen below
  // still is, and may show the same text, e.g. the firm in the home's 待签退 list).
  if (route !== '' && pages.length > 0 && current.length === 0) return false;
  const root = current[current.length - 1] ?? shown[shown.length - 1] ?? g.document.body;
  const regexps = patterns.map((p) => new RegExp(p.source, p.flags));
  const seen = regexps.map(() => false);
  const walker = g.document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parents = new Set<PageElement>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && node.nodeValue?.trim()) parents.add(node.parentElement);
  }
  for (const el of parents) {
    const text = (el.textContent ?? '').trim();
    regexps.forEach((r, i) => {
      if (seen[i] || !r.test(text)) return;
      const visible =
        el.getClientRects().length > 0 &&
        (el.checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) ?? true);
      if (visible) seen[i] = true;
    });
  }
  return seen.every(Boolean) ? g.performance.timeOrigin + g.performance.now() : false;
}

/** The screen on top as a locator (the whole page when the app has no Taro page containers). */
async function screen(page: Page) {
  const id = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const pages = Array.from(g.document.querySelectorAll('.taro_page'));
    const route = g.location.hash.replace(/^#/, '').split('?')[0];
    const current = pages.filter((p) => route !== '' && p.id.split('?')[0] === route);
    const shown = pages.filter(
      (p) => p.getClientRects().length > 0 && (p.checkVisibility?.() ?? true),
    );
    return (current[current.length - 1] ?? shown[shown.length - 1])?.id;
  });
  return id ? page.locator(`[id="${id.replace(/"/g, '\\"')}"]`) : page.locator('body');
}

/** Resolves with the page clock of the first frame showing all the texts. */
async function shownAt(page: Page, texts: RegExp[], timeoutMs: number, what: string) {
  try {
    const handle = await page.waitForFunction(shownNow, texts.map(toPattern), {
      polling: 'raf',
      timeout: timeoutMs,
    });
    return (await handle.jsonValue()) as number;
  } catch (error) {
    if (page.isClosed()) throw error;
    throw new StepTimeout(
      `${what}: ${texts.map(String).join(' and ')} not shown within ${timeoutMs / 1000} s` +
        ` (the screen shows: ${await screenText(page)})`,
    );
  }
}

/** The start of what the screen shows, for a failure's message. */
async function screenText(page: Page): Promise<string> {
  const text = await page
    .evaluate(
      () =>
        (globalThis as unknown as { document: { body: { innerText: string } } }).document.body
          .innerText,
    )
    .catch(() => '');
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat ? `“${flat.slice(0, 80)}${flat.length > 80 ? '…' : ''}”` : 'nothing';
}

async function pageClock(page: Page): Promise<number> {
  return page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return g.performance.timeOrigin;
  });
}

/** Clicks the visible element showing `text`; resolves with the page clock of the click event. */
async function clickText(page: Page, text: RegExp, timeoutMs: number, what: string) {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    g.__fieldClickAt = undefined;
    g.document.addEventListener(
      'click',
      () => {
        g.__fieldClickAt = g.performance.timeOrigin + g.performance.now();
      },
      { capture: true, once: true },
    );
  });
  try {
    // The screen on top when it is there (the text may be on a screen still loading).
    await shownAt(page, [text], timeoutMs, what);
    const target = (await screen(page)).getByText(text).filter({ visible: true }).first();
    await target.click({ timeout: timeoutMs });
  } catch (error) {
    if (page.isClosed()) throw error;
    throw new StepTimeout(`${what}: no visible ${text} to press within ${timeoutMs / 1000} s`);
  }
  const at = await page.evaluate(() => (globalThis as unknown as PageGlobals).__fieldClickAt);
  if (at === undefined) throw new Error(`${what}: the click on ${text} reached no page`);
  return at;
}

async function fillPlaceholder(page: Page, placeholder: string, value: string, what: string) {
  // The native input (Taro's <taro-input-core> wrapper repeats the placeholder as an attribute).
  try {
    await page.waitForSelector(`input[placeholder="${placeholder}"]`, { timeout: 30_000 });
    const input = (await screen(page))
      .locator(`input[placeholder="${placeholder}"]`)
      .filter({ visible: true });
    await input.first().fill(value, { timeout: 30_000 });
  } catch (error) {
    if (page.isClosed()) throw error;
    throw new StepTimeout(`${what}: no visible field “${placeholder}” within 30 s`);
  }
}

async function isShown(page: Page, text: RegExp): Promise<boolean> {
  return (await page.evaluate(shownNow, [toPattern(text)])) !== false;
}

/** A new context (a phone that never opened the app) with geolocation at the firm's gate. */
export async function newPhone(browser: FieldBrowser): Promise<BrowserContext> {
  // The browser reports WGS-84; the app converts to GCJ-02, the datum gates are stored in.
  const [latitude, longitude] = gcj02ToWgs84(FIRM.gate.lat, FIRM.gate.lng);
  const context = await browser.newContext({ latitude, longitude });
  await context.addInitScript(SCANNER_STUB);
  return context;
}

export interface Timed {
  ms: number;
  /** the requests of the page during the step */
  requests: RequestRecord[];
  /** e.g. the verdict read */
  outcome?: string;
}

/**
 * Runs a step; a timeout's message then also names the requests that failed and the page's
 * errors meanwhile (e.g. a screen's code that could not be loaded without signal).
 */
async function explained(phone: FieldPage, run: () => Promise<Timed>): Promise<Timed> {
  const mark = phone.requests.mark();
  const errorsBefore = phone.errors.length;
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof StepTimeout)) throw error;
    const failed = phone.requests
      .since(mark)
      .filter((r) => r.failed && r.failed !== 'canceled')
      .map((r) => `${new URL(r.url).pathname} (${r.failed})`);
    const errors = phone.errors.slice(errorsBefore);
    throw new StepTimeout(
      error.message +
        (failed.length > 0 ? `; failed requests: ${failed.join(', ')}` : '') +
        (errors.length > 0 ? `; page errors: ${errors.join(' | ')}` : ''),
    );
  }
}

export const TIMEOUTS = {
  cold: 60_000,
  reopen: 30_000,
  scan: 30_000,
  submit: 30_000,
  offline: 15_000,
};

/**
 * Cold login → home: the app's URL opened on a phone that never had it (empty cache, no service
 * worker), 登录 on the landing screen, username and password typed (instantly), 登录; until the
 * home shows the greeting and 扫码入企. Counted from the navigation's start.
 */
export async function coldLogin(phone: FieldPage, baseUrl: string): Promise<Timed> {
  return explained(phone, async () => {
    const { page, requests } = phone;
    const mark = requests.mark();
    await page.goto(`${baseUrl}/`, { waitUntil: 'commit', timeout: TIMEOUTS.cold });
    const start = await pageClock(page);
    await clickText(page, TEXT.landingLogin, TIMEOUTS.cold, 'cold login (landing)');
    await fillPlaceholder(page, TEXT.usernamePlaceholder, OFFICER.username, 'cold login');
    await fillPlaceholder(page, TEXT.passwordPlaceholder, OFFICER.password, 'cold login');
    await page.getByTestId('login-submit').filter({ visible: true }).first().click();
    const end = await shownAt(page, HOME_SHOWN, TIMEOUTS.cold, 'cold login → home');
    return { ms: end - start, requests: requests.since(mark) };
  });
}

/**
 * App reopened → home: a new page of a phone that used the app before (its cache, service worker
 * and stored login), opened as its home-screen icon opens it: at the manifest's start_url (read
 * from the build; a build whose start_url is the landing screen `/` needs 进入（name） there); until
 * the home shows the greeting and 扫码入企. Counted from the navigation's start.
 */
export async function reopen(phone: FieldPage, baseUrl: string): Promise<Timed> {
  return explained(phone, async () => {
    const { page, requests } = phone;
    const startUrl = await manifestStartUrl(phone, baseUrl);
    const mark = requests.mark();
    await page.goto(new URL(startUrl, baseUrl).href, {
      waitUntil: 'commit',
      timeout: TIMEOUTS.reopen,
    });
    const start = await pageClock(page);
    if (startUrl === '/') {
      await clickText(page, TEXT.landingEnter, TIMEOUTS.reopen, 'reopen (landing)');
    }
    const end = await shownAt(page, HOME_SHOWN, TIMEOUTS.reopen, 'reopened → home');
    return { ms: end - start, requests: requests.since(mark) };
  });
}

/** The web app manifest's start_url (`/` for builds without a manifest). */
async function manifestStartUrl(phone: FieldPage, baseUrl: string): Promise<string> {
  const response = await phone.page.request.get(`${baseUrl}/manifest.webmanifest`);
  if (!response.ok()) return '/';
  const manifest = (await response.json()) as { start_url?: string };
  return manifest.start_url ?? '/';
}

/** Opens the officer's home in a page and waits until it is shown and its requests are done. */
export async function openHome(phone: FieldPage, baseUrl: string): Promise<void> {
  await phone.page.goto(`${baseUrl}/#/pages/officer/home/index`, { timeout: 60_000 });
  await shownAt(phone.page, HOME_SHOWN, 60_000, 'opening the home');
  await settle(phone, 'the home');
}

/** Waits until the page has had no request in flight for a second. */
export async function settle(phone: FieldPage, what: string): Promise<void> {
  if (!(await phone.requests.idle(1000, 120_000))) {
    throw new StepTimeout(`${what}: requests still in flight after 120 s`);
  }
}

/**
 * Scan → check-in screen: 扫码入企 pressed on the home (the scanner answers at once with a fresh
 * code); until the check-in screen shows the firm's name. Counted from the press.
 */
export async function scan(phone: FieldPage, code: string): Promise<Timed> {
  return explained(phone, async () => {
    const { page, requests } = phone;
    await page.evaluate((c) => {
      (globalThis as unknown as PageGlobals).__fieldScanCode = c;
    }, code);
    const mark = requests.mark();
    const start = await clickText(page, TEXT.scanButton, TIMEOUTS.scan, 'scan');
    const end = await shownAt(page, [TEXT.firmName], TIMEOUTS.scan, 'scan → check-in screen');
    // The screen's requests (all of them, also those still running when the name showed).
    await settle(phone, 'the check-in screen');
    return { ms: end - start, requests: requests.since(mark) };
  });
}

/** Fills the check-in as an officer would before pressing submit: purpose, reference, colleague. */
export async function fillCheckIn(phone: FieldPage, reference: string): Promise<void> {
  const { page } = phone;
  await shownAt(page, [TEXT.located], 30_000, 'locating');
  await clickText(page, new RegExp(`^${PURPOSE.label}$`), 30_000, 'choosing the purpose');
  await fillPlaceholder(page, PURPOSE.referencePlaceholder, reference, 'the reference');
  if (await isShown(page, TEXT.singleOfficer)) {
    await clickText(page, new RegExp(COLLEAGUE), 30_000, 'choosing the colleague');
  }
  await settle(phone, 'the filled check-in');
}

/**
 * Submit → decision: 确认登记 (提交打卡 in the older app) pressed; until the decision screen shows
 * its verdict. Counted from the press.
 */
export async function submit(phone: FieldPage): Promise<Timed> {
  return explained(phone, async () => {
    const { page, requests } = phone;
    const mark = requests.mark();
    const start = await clickText(page, TEXT.submit, TIMEOUTS.submit, 'submit');
    const end = await shownAt(page, [TEXT.verdict], TIMEOUTS.submit, 'submit → decision');
    const outcome = await verdict(page);
    await settle(phone, 'the decision screen');
    return { ms: end - start, requests: requests.since(mark), outcome };
  });
}

/**
 * Offline decision: with the network cut on the filled check-in screen, submit pressed; until the
 * decision screen shows 离线预判 and its verdict. Counted from the press.
 */
export async function submitOffline(phone: FieldPage): Promise<Timed> {
  return explained(phone, async () => {
    const { page, requests } = phone;
    await phone.setOffline(true);
    try {
      const mark = requests.mark();
      const start = await clickText(page, TEXT.submit, TIMEOUTS.offline, 'offline submit');
      const end = await shownAt(
        page,
        [TEXT.offlineMark, TEXT.verdict],
        TIMEOUTS.offline,
        'offline submit → decision',
      );
      const outcome = await verdict(page);
      return { ms: end - start, requests: requests.since(mark), outcome };
    } finally {
      await phone.setOffline(false);
    }
  });
}

async function verdict(page: Page): Promise<string> {
  const shown = (await screen(page)).getByText(TEXT.verdict).filter({ visible: true }).first();
  return (await shown.textContent({ timeout: 5_000 }).catch(() => ''))?.trim() ?? '';
}

/**
 * After the first session: the service worker installed and its precache complete (the worker
 * active and controlling the page). Resolves with false when the build has none.
 */
export async function serviceWorkerReady(page: Page, timeoutMs: number): Promise<boolean> {
  const registered = await page
    .waitForFunction(
      () =>
        (
          globalThis as unknown as {
            navigator: { serviceWorker?: { getRegistration(): Promise<unknown> } };
          }
        ).navigator.serviceWorker
          ?.getRegistration()
          .then(Boolean),
      undefined,
      { timeout: 15_000, polling: 250 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!registered) return false;
  await page.waitForFunction(
    () => {
      const sw = (
        globalThis as unknown as {
          navigator: {
            serviceWorker: {
              ready: Promise<{ active: unknown }>;
              controller: unknown;
            };
          };
        }
      ).navigator.serviceWorker;
      return sw.ready.then((r) => Boolean(r.active && sw.controller));
    },
    undefined,
    { timeout: timeoutMs, polling: 500 },
  );
  return true;
}

/** Whether the phone holds the officer's signed offline snapshot (what 离线预判 judges with). */
export async function hasOfflineSnapshot(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const storage = (globalThis as unknown as { localStorage: object }).localStorage;
    return Object.keys(storage).some((k) => k.startsWith('qinqing.offline.snapshot.'));
  });
}
