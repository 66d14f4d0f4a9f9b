/**
 * bench:field — the officer's flows on a weak signal, against the budgets of issue 11:
 *
 *   npm run bench:field [-- --runs 5 --repo <checkout> --h5 <dir> --write --label after]
 *
 * Starts the API of a checkout (this one by default) on a throw-away PostgreSQL with the demo data,
 * serving its H5 build, and drives Chromium (playwright-core) at a 360×740 phone viewport with
 * Chromium's network emulation (400 kbit/s down and up, 400 ms RTT by default):
 *   1. cold login → home         (a new phone each run: empty cache, no service worker)
 *   2. app reopened → home       (the phone of the first run, after its first session)
 *   3. scan → check-in screen    (in-app scan of a fresh gate code)
 *   4. submit → decision         (信访举报核实 at a 正面清单 firm: allowed)
 *   5. offline decision          (network cut on a loaded check-in screen)
 * Prints the table (median and worst of each step) and, with --write, puts it in bench/FIELD.md.
 * Not part of `npm test`. See bench/README.md, "Weak-signal field budgets".
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { startFieldApp, type FieldApp } from './field-app';
import { FieldBrowser, type FieldPage, type RequestRecord } from './field-browser';
import {
  coldLogin,
  fillCheckIn,
  FIRM,
  hasOfflineSnapshot,
  newPhone,
  openHome,
  reopen,
  scan,
  serviceWorkerReady,
  settle,
  submit,
  submitOffline,
  type Timed,
} from './field-flows';
import { kb, printReport, writeFieldMd, type FieldReport, type StepResult } from './field-report';

const THIS_REPO = path.resolve(__dirname, '..');

interface Options {
  runs: number;
  repo: string;
  h5Dir: string;
  downloadKbps: number;
  uploadKbps: number;
  rttMs: number;
  write: boolean;
  label?: string;
  chromium: string;
}

const USAGE = `usage: npm run bench:field -- [options]
  --runs <n>        runs per step (default 5)
  --repo <dir>      checkout whose API and H5 build are measured (default: this one)
  --h5 <dir>        H5 build to serve (default: FIELD_H5_DIR, else <repo>/apps/mobile/dist/h5)
  --down <kbit/s>   download throughput (default 400)
  --up <kbit/s>     upload throughput (default 400)
  --rtt <ms>        round-trip time added to each request (default 400)
  --write           write the results into bench/FIELD.md (section per label)
  --label <name>    the section's name (default: the checkout's commit)
  --chromium <path> Chromium binary (default: CHROMIUM_PATH, else /usr/bin/chromium)`;

function parseOptions(argv: string[]): Options {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    const [name, inline] = arg.slice(2).split('=', 2);
    if (name === 'write' || name === 'help') flags.add(name);
    else if (inline !== undefined) values.set(name, inline);
    else if (i + 1 < argv.length) values.set(name, argv[++i]);
    else throw new Error(`--${name} needs a value\n${USAGE}`);
  }
  if (flags.has('help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const known = ['runs', 'repo', 'h5', 'down', 'up', 'rtt', 'label', 'chromium'];
  for (const name of values.keys()) {
    if (!known.includes(name)) throw new Error(`unknown option --${name}\n${USAGE}`);
  }
  const number = (name: string, fallback: number) => {
    const value = Number(values.get(name) ?? fallback);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${name} must be a positive number`);
    return value;
  };
  const repo = path.resolve(values.get('repo') ?? THIS_REPO);
  return {
    runs: Math.round(number('runs', 5)),
    repo,
    h5Dir: path.resolve(
      values.get('h5') ?? process.env.FIELD_H5_DIR ?? path.join(repo, 'apps/mobile/dist/h5'),
    ),
    downloadKbps: number('down', 400),
    uploadKbps: number('up', 400),
    rttMs: number('rtt', 400),
    write: flags.has('write'),
    label: values.get('label'),
    chromium: values.get('chromium') ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}

/** The checkout's API loads @qinqing/domain from libs/domain/dist: refuse a missing or stale one. */
function checkCheckout(options: Options): void {
  if (!existsSync(path.join(options.h5Dir, 'index.html'))) {
    throw new Error(`no H5 build in ${options.h5Dir}: run \`npm run build:h5\` in ${options.repo}`);
  }
  const src = path.join(options.repo, 'libs/domain/src');
  const dist = path.join(options.repo, 'libs/domain/dist/index.js');
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...readdirSync(dir, { withFileTypes: true }).map((e) =>
        e.isDirectory()
          ? newest(path.join(dir, e.name))
          : e.name.endsWith('.test.ts')
            ? 0
            : statSync(path.join(dir, e.name)).mtimeMs,
      ),
    );
  if (!existsSync(dist) || statSync(dist).mtimeMs < newest(src)) {
    throw new Error(
      `${dist} is missing or older than its sources: run \`npm run build -w libs/domain\` in ${options.repo}`,
    );
  }
}

function commitOf(repo: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
  try {
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

const log = (message: string) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Runs one run of a step, keeping its time and outcome, or why it failed. */
async function record(
  step: StepResult,
  i: number,
  run: () => Promise<Timed>,
): Promise<Timed | undefined> {
  try {
    const timed = await run();
    step.runs.push(timed.ms);
    if (timed.outcome !== undefined) step.outcomes.push(timed.outcome);
    log(
      `${step.label} #${i}: ${Math.round(timed.ms)} ms${timed.outcome ? ` (${timed.outcome})` : ''}`,
    );
    return timed;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    step.failures.push(message);
    log(`${step.label} #${i}: FAILED — ${message}`);
    return undefined;
  }
}

/** Page requests that came over the (emulated) network faster than its RTT: not throttled. */
function unthrottled(requests: RequestRecord[], rttMs: number): RequestRecord[] {
  return requests.filter(
    (r) =>
      r.source === 'network' &&
      !r.failed &&
      r.finishedAt !== undefined &&
      (r.finishedAt - r.startedAt) * 1000 < rttMs * 0.9,
  );
}

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;

/** Stops what was started, last first; once, whoever asks first (the end, a failure, a signal). */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      await cleanups.pop()!().catch((error: unknown) => console.error('cleanup:', error));
    }
  })();
  return cleaning;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  checkCheckout(options);
  const commit = commitOf(options.repo);
  const loadBefore = os.loadavg();
  log(`API and H5 of ${options.repo} (${commit}), build ${options.h5Dir}`);

  const app: FieldApp = await startFieldApp(options.repo, options.h5Dir);
  cleanups.push(() => app.stop());
  log(`app listening at ${app.baseUrl}`);
  const profile = {
    downloadKbps: options.downloadKbps,
    uploadKbps: options.uploadKbps,
    rttMs: options.rttMs,
  };
  const browser = await FieldBrowser.launch(profile, options.chromium);
  cleanups.push(() => browser.close());

  const step = (label: string, budgetMs: number): StepResult => ({
    label,
    budgetMs,
    runs: [],
    failures: [],
    outcomes: [],
  });
  const cold = step('cold login → home', 6000);
  const reopened = step('app reopened → home', 1500);
  const scanned = step('scan → check-in screen', 1000);
  const submitted = step('submit → decision', 1500);
  const offline = step('offline decision', 300);
  const notes: string[] = [];
  const requestLists: FieldReport['requestLists'] = [];
  const allPageRequests: RequestRecord[] = [];
  const keep = <T extends Timed>(timed: T): T => {
    allPageRequests.push(...timed.requests);
    return timed;
  };
  /** A page of a context, closed when `use` is done (also on failure). */
  const withPage = async <T>(context: BrowserContext, use: (p: FieldPage) => Promise<T>) => {
    const phone = await browser.newPage(context);
    try {
      return await use(phone);
    } finally {
      await phone.page.close().catch(() => undefined);
    }
  };

  // 1. Cold logins, each on a new phone. The first phone that logged in is kept for the rest.
  let warm: { context: BrowserContext; phone: FieldPage } | undefined;
  for (let i = 1; i <= options.runs; i++) {
    const context = await newPhone(browser);
    const phone = await browser.newPage(context);
    const timed = await record(cold, i, async () => keep(await coldLogin(phone, app.baseUrl)));
    if (timed && !warm) {
      warm = { context, phone };
      requestLists.push({
        title: `Requests of the cold login until the home showed (run ${i})`,
        requests: timed.requests,
      });
      const fromNetwork = timed.requests.filter((r) => r.source === 'network');
      const bytes = fromNetwork.reduce((sum, r) => sum + (r.transferBytes ?? 0), 0);
      notes.push(
        `cold login (run ${i}): ${fromNetwork.length} requests, ${kb(bytes)} transferred until the home showed`,
      );
    } else {
      await context.close().catch(() => undefined);
    }
  }
  if (!warm) throw new Error(`no cold login reached the home: ${cold.failures.join('; ')}`);
  const { context } = warm;
  cleanups.push(() => context.close());

  // 2. The first session completes: service worker and precache, offline snapshot.
  log('first session: waiting for the service worker, its precache and the offline snapshot …');
  const hasWorker = existsSync(path.join(options.h5Dir, 'sw.js'));
  if (hasWorker) {
    const ready = await serviceWorkerReady(warm.phone.page, 600_000).catch(() => false);
    if (ready) {
      const precache = browser.workerRequests(context).filter((r) => r.finishedAt !== undefined);
      const bytes = precache.reduce((sum, r) => sum + (r.transferBytes ?? 0), 0);
      const span =
        Math.max(...precache.map((r) => r.finishedAt!)) -
        Math.min(...precache.map((r) => r.startedAt));
      notes.push(
        `service worker (first session, in the background): precache of ${precache.length} requests, ` +
          `${kb(bytes)} transferred in ${span.toFixed(0)} s from its first request to its last`,
      );
    } else {
      notes.push('service worker: the build has sw.js but no worker took control within 600 s');
    }
  } else {
    notes.push('service worker: none in this build (reopening reloads through the HTTP cache)');
  }
  for (let waited = 0; !(await hasOfflineSnapshot(warm.phone.page)) && waited < 60_000;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    waited += 500;
  }
  const snapshot = await hasOfflineSnapshot(warm.phone.page);
  if (!snapshot) notes.push('offline snapshot: not on the phone after the first session');
  await settle(warm.phone, 'the first session');
  await warm.phone.page.close();

  // 3. Reopened.
  for (let i = 1; i <= options.runs; i++) {
    await withPage(context, async (phone) => {
      const timed = await record(reopened, i, async () => keep(await reopen(phone, app.baseUrl)));
      if (timed && !requestLists.some((l) => l.title.includes('reopened'))) {
        requestLists.push({
          title: `Requests of the reopened app until the home showed (run ${i})`,
          requests: timed.requests,
        });
      }
      if (timed) await settle(phone, 'the reopened home');
    });
  }

  // 4. Scan, then submit on the same screen; each run a new page and a fresh gate code (a new
  // attempt, never an idempotent replay of an earlier one).
  for (let i = 1; i <= options.runs; i++) {
    const code = await app.issueGateCode(FIRM.name);
    await withPage(context, async (phone) => {
      const shown = await record(scanned, i, async () => {
        await openHome(phone, app.baseUrl);
        return keep(await scan(phone, code));
      });
      if (!shown) {
        submitted.failures.push('no check-in screen to submit from');
        return;
      }
      if (i === 1) {
        requestLists.push({
          title: 'Requests of the check-in screen, from 扫码入企 until idle (run 1)',
          requests: shown.requests,
        });
      }
      const sent = await record(submitted, i, async () => {
        await fillCheckIn(phone, `信访-FIELD-${Date.now()}-${i}`);
        return keep(await submit(phone));
      });
      if (sent && i === 1) {
        requestLists.push({
          title: 'Requests from 确认登记 until the decision screen was idle (run 1)',
          requests: sent.requests,
        });
      }
    });
  }

  // 5. Offline decision: the check-in screen loaded online, then the network cut.
  if (!snapshot) notes.push('offline decision without a snapshot: the phone cannot judge');
  for (let i = 1; i <= options.runs; i++) {
    const code = await app.issueGateCode(FIRM.name);
    await withPage(context, async (phone) => {
      await record(offline, i, async () => {
        await openHome(phone, app.baseUrl);
        await scan(phone, code);
        await fillCheckIn(phone, `信访-FIELD-OFFLINE-${Date.now()}-${i}`);
        return keep(await submitOffline(phone));
      });
    });
  }

  const steps = [cold, reopened, scanned, submitted, offline];
  for (const s of steps) {
    const counts = new Map<string, number>();
    for (const o of s.outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
    if (counts.size > 0) {
      notes.push(
        `${s.label} verdicts: ${[...counts].map(([o, n]) => `${o || '(none read)'} ×${n}`).join(', ')}`,
      );
    }
    for (const failure of new Set(s.failures)) notes.push(`${s.label} failed: ${failure}`);
  }
  const slow = unthrottled(allPageRequests, options.rttMs);
  // The browser's own update check of the worker script (sw.js) escapes the emulation: not counted.
  const slowWorker = unthrottled(browser.workerRequests(context), options.rttMs).filter(
    (r) => !r.url.endsWith('/sw.js'),
  );
  if (slow.length + slowWorker.length > 0) {
    const names = [...slow, ...slowWorker].map((r) => new URL(r.url).pathname);
    notes.push(
      `WARNING: ${slow.length} page and ${slowWorker.length} service-worker requests came over the ` +
        `network faster than the emulated RTT (emulation not applied to them): ` +
        `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`,
    );
  }

  const report: FieldReport = {
    label: options.label ?? commit.split(' ')[0],
    generatedAt: new Date(),
    command: ['npm run bench:field --', ...process.argv.slice(2)].join(' ').replace(/ --$/, ''),
    settings: {
      ...profile,
      runs: options.runs,
      repo: path.relative(THIS_REPO, options.repo) || '.',
      commit,
      h5Dir: path.relative(THIS_REPO, options.h5Dir) || '.',
      chromium: `Chromium ${browser.browser.version()}`,
      node: process.version,
      loadBefore,
      loadAfter: os.loadavg(),
    },
    steps,
    notes,
    requestLists,
  };
  printReport(report);
  if (options.write) log(`results written to ${writeFieldMd(report)}`);
}

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    log(`${signal}: stopping the browser, the API and PostgreSQL …`);
    void cleanUp().then(() => process.exit(130));
  });
}

main()
  .then(async () => {
    await cleanUp();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanUp();
    process.exit(1);
  });
