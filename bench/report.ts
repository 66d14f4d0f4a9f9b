/** The summary table (stdout) and the generated part of bench/README.md. */
import type { ChainVerification } from '@qinqing/domain';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { DatasetStats } from './dataset';
import type { RunResult } from './load';
import type { ProfileSummary } from './profile';
import { round, type LatencySummary } from './stats';

export interface ListResult {
  unitName: string;
  visitsInRange: number;
  rows: {
    role: string;
    items: number;
    page1: LatencySummary;
    page2?: LatencySummary;
    failures: string[];
  }[];
  plans: { role: string; page: string; sql: string; executionMs: number; plan: string }[];
}

export interface Report {
  date: string;
  command: string;
  code: string;
  options: {
    chains: number;
    rate: number;
    connections: number;
    poolMax: number;
    seconds: number;
    codes: number;
    listRepeat: number;
  };
  machine: Record<string, string | number>;
  settings: Record<string, string>;
  dataset: DatasetStats;
  runs: Record<string, RunResult>;
  list: ListResult;
  chain: Pick<
    ChainVerification,
    'ok' | 'entries' | 'firstBrokenSeq' | 'firstBrokenChain' | 'chains' | 'rowMismatchCount'
  >;
  afterRun: { visits: number; audit: number };
  phases: Record<string, number>;
  totalSeconds: number;
}

/**
 * What the final verification found: the chains' walk, and the rows without a matching entry (the
 * generated past visits and the baseline's have none: they were not written through the API).
 */
function chainWords(r: Report): string {
  const c = r.chain;
  const walk =
    c.firstBrokenSeq === null
      ? `all ${c.chains.length} audit chains sound`
      : `audit chain ${c.firstBrokenChain} BROKEN at seq ${c.firstBrokenSeq}`;
  return (
    `Audit log after the run: ${walk} (${n(c.entries)} entries); ` +
    `${n(c.rowMismatchCount)} rows without a matching audit entry`
  );
}

const ms = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '–' : round(v, 1).toFixed(1);
const n = (v: number) => v.toLocaleString('en-US');

/** The headline rows: [what, req/s, p50, p99, non-2xx/errors]. */
function headline(r: Report): string[][] {
  const { max, serial, baseline, fixed, paced, oneChain } = r.runs;
  const ratio = max.okPerSecond / baseline.okPerSecond;
  const bad = (run: RunResult) =>
    `${run.non2xx} / ${run.errors}${run.notSent ? ` (${run.notSent} not sent: overload)` : ''}`;
  return [
    [
      `Check-in, max throughput (app, ${r.options.chains} audit chains)`,
      max.okPerSecond.toFixed(1),
      ms(max.latency.p50),
      ms(max.latency.p99),
      bad(max),
    ],
    [
      'Baseline: same inserts via plain pg',
      baseline.okPerSecond.toFixed(1),
      ms(baseline.latency.p50),
      ms(baseline.latency.p99),
      bad(baseline),
    ],
    ['Ratio app / baseline (throughput)', `${(ratio * 100).toFixed(0)} %`, '', '', ''],
    ...(oneChain
      ? [
          [
            'Check-in, max throughput (app, 1 audit chain, same run)',
            oneChain.okPerSecond.toFixed(1),
            ms(oneChain.latency.p50),
            ms(oneChain.latency.p99),
            bad(oneChain),
          ],
          [
            `Ratio ${r.options.chains} chains / 1 chain (throughput)`,
            `${(max.okPerSecond / oneChain.okPerSecond).toFixed(2)}×`,
            '',
            '',
            '',
          ],
        ]
      : []),
    [
      'Check-in, 1 connection (service time)',
      serial.okPerSecond.toFixed(1),
      ms(serial.latency.p50),
      ms(serial.latency.p99),
      bad(serial),
    ],
    [
      `Check-in at fixed ${r.options.rate} req/s (autocannon overallRate)`,
      fixed.okPerSecond.toFixed(1),
      ms(fixed.latency.p50),
      ms(fixed.latency.p99),
      bad(fixed),
    ],
    [
      `Check-in at ${r.options.rate} req/s, open loop (paced)`,
      paced.okPerSecond.toFixed(1),
      ms(paced.latency.p50),
      ms(paced.latency.p99),
      bad(paced),
    ],
  ];
}

function listRows(r: Report): string[][] {
  return r.list.rows.flatMap((row) => [
    [
      `${row.role}, page 1`,
      String(row.items),
      ms(row.page1.p50),
      ms(row.page1.p95),
      ms(row.page1.p99),
    ],
    ...(row.page2
      ? [
          [
            `${row.role}, page 2 (nextCursor)`,
            '',
            ms(row.page2.p50),
            ms(row.page2.p95),
            ms(row.page2.p99),
          ],
        ]
      : []),
  ]);
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function printReport(r: Report): void {
  const widths = [54, 10, 9, 9, 14];
  const pad = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
  console.log('\n' + pad(['POST /api/v1/check-ins', 'req/s', 'p50 ms', 'p99 ms', 'non2xx/err']));
  for (const row of headline(r)) console.log(pad(row));
  console.log(
    '\n' + pad(['GET /api/v1/visits (1 unit, 1 month)', 'items', 'p50 ms', 'p95 ms', 'p99 ms']),
  );
  for (const row of listRows(r)) console.log(pad(row));
  console.log(
    `\n${chainWords(r)}; ` +
      `dataset generated in ${r.dataset.totalSeconds.toFixed(0)} s; whole run ${r.totalSeconds.toFixed(0)} s\n`,
  );
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated section of the README (between the markers) with this run's figures. */
export function writeReadme(file: string, r: Report): string {
  const d = r.dataset;
  const runs = Object.values(r.runs);
  const section = [
    START,
    '',
    `_Generated by \`${r.command}\` on ${r.date.slice(0, 16).replace('T', ' ')} UTC; ` +
      `whole run ${r.totalSeconds.toFixed(0)} s; code: ${r.code}._`,
    '',
    `**Machine:** ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB, ` +
      `Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}, ${r.machine.kernel}.`,
    '',
    `**PostgreSQL settings:** ${Object.entries(r.settings)
      .filter(([k]) => k !== 'server_version')
      .map(([k, v]) => `\`${k}=${v}\``)
      .join(', ')}.`,
    '',
    `**Dataset:** ${n(d.units)} units, ${n(d.officers)} officers, ${n(d.firms)} firms with ` +
      `${n(d.gates)} gates, ${n(d.positiveList)} on the positive list, ${n(d.enterpriseUsers)} firm ` +
      `accounts, ${n(d.visits)} past visits (${Object.entries(d.outcomes)
        .map(([k, v]) => `${k} ${n(v)}`)
        .join(', ')}) with ${n(d.visitOfficers)} visit_officer rows; database ${d.databaseSize}. ` +
      `Generated in ${d.totalSeconds.toFixed(0)} s (${Object.entries(d.timings)
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(', ')}).`,
    '',
    `**Load:** ${r.options.connections} connections, app pool \`DB_POOL_MAX=${r.options.poolMax}\`, ` +
      `${r.options.seconds} s per run, check-ins on ${r.options.codes} firms with fresh gate codes.`,
    '',
    table(
      ['POST /api/v1/check-ins', 'req/s (2xx)', 'p50 ms', 'p99 ms', 'non-2xx / errors'],
      headline(r),
    ),
    '',
    `Visit list: \`GET /api/v1/visits?unitId=…&from=<30 days ago>&to=<now>&limit=50\` for ` +
      `${r.list.unitName} (${n(r.list.visitsInRange)} visits in the range), ` +
      `${r.options.listRepeat} sequential requests per row:`,
    '',
    table(['Visit list', 'items', 'p50 ms', 'p95 ms', 'p99 ms'], listRows(r)),
    '',
    'All runs:',
    '',
    table(
      [
        'run',
        'requests',
        's',
        'req/s (2xx)',
        'p50',
        'p95',
        'p99',
        'max',
        'statuses',
        'autocannon p50/p99',
      ],
      runs.map((x) => [
        x.label,
        String(x.requests),
        x.seconds.toFixed(1),
        x.okPerSecond.toFixed(1),
        ms(x.latency.p50),
        ms(x.latency.p95),
        ms(x.latency.p99),
        ms(x.latency.max),
        Object.entries(x.statusCounts)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', '),
        x.autocannon ? `${x.autocannon.p50} / ${x.autocannon.p99}` : '',
      ]),
    ),
    '',
    'Where the time went (CPU in cores, averaged over the run, 2 = the whole machine; database ' +
      'sessions by state and wait event, averaged over 100 ms samples of pg_stat_activity; ' +
      '"idle in transaction / Client:ClientRead" is a session holding its transaction open while ' +
      'it waits for the app to send the next statement):',
    '',
    table(
      ['run', 'app', 'load gen.', 'postgres', 'other', 'idle', 'db sessions (avg)'],
      runs
        .filter((x) => x.cpu)
        .map((x) => [
          x.label,
          x.cpu!.app.toFixed(2),
          x.cpu!.loadGenerator.toFixed(2),
          x.cpu!.postgres.toFixed(2),
          x.cpu!.other.toFixed(2),
          x.cpu!.idle.toFixed(2),
          Object.entries(x.waits ?? {})
            .slice(0, 4)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; '),
        ]),
    ),
    '',
    '<details><summary>Statements by database time (pg_stat_statements), per run</summary>',
    '',
    ...runs
      .filter((x) => x.statements)
      .flatMap((x) => [
        `${x.label}: ${x.statements!.reduce((sum, st) => sum + st.perRequest, 0).toFixed(1)} ` +
          'statements per successful request (top 30)',
        '',
        table(
          ['per request', 'mean ms', 'total ms', 'plans / call', 'plan ms', 'statement'],
          x
            .statements!.slice(0, 15)
            .map((st) => [
              st.perRequest.toFixed(2),
              st.meanMs.toFixed(3),
              st.totalMs.toFixed(0),
              st.plansPerCall.toFixed(2),
              st.planMeanMs.toFixed(3),
              `\`${st.query.replace(/\s+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|').slice(0, 160)}\``,
            ]),
        ),
        '',
      ]),
    '</details>',
    '',
    ...runs.flatMap((x) =>
      x.errorSamples.length > 0
        ? [
            `Non-2xx / errors in "${x.label}":`,
            '',
            ...x.errorSamples.map((s) => `- \`${s.replace(/`/g, "'")}\``),
            '',
          ]
        : [],
    ),
    `${chainWords(r)} (${n(r.afterRun.visits)} visits in the table).`,
    '',
    `Phases: ${Object.entries(r.phases)
      .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
      .join('; ')}.`,
    '',
    '<details><summary>EXPLAIN (ANALYZE, BUFFERS) of the SQL VisitsService.list ran</summary>',
    '',
    ...r.list.plans.flatMap((p) => [
      `${p.role}, ${p.page}: execution ${ms(p.executionMs)} ms`,
      '',
      '```sql',
      p.sql.trim(),
      '```',
      '',
      '```text',
      compactIds(p.plan),
      '```',
      '',
    ]),
    '</details>',
    '',
    END,
  ].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n## Results of the last run\n\n${section}\n`;
  writeFileSync(file, next);
  return file;
}

export function printProfile(run: string, requests: number, p: ProfileSummary): void {
  const busyMs = p.totalMs - p.idleMs;
  const pct = (v: number) =>
    `${((v / busyMs) * 100).toFixed(1).padStart(5)} % ${(v / Math.max(1, requests)).toFixed(3).padStart(6)} ms/req`;
  console.log(
    `\napp CPU profile of "${run}": ${(p.totalMs / 1000).toFixed(1)} s sampled, ` +
      `${(busyMs / 1000).toFixed(1)} s busy, ${(busyMs / Math.max(1, requests)).toFixed(2)} ms per ` +
      `request (${requests}); shares below are of the busy time`,
  );
  console.log('\nself time by package / folder:');
  for (const x of p.byPackage) console.log(`  ${pct(x.selfMs)}  ${x.name}`);
  console.log('\nself time by function:');
  for (const x of p.bySelf) console.log(`  ${pct(x.selfMs)}  ${x.name}`);
  console.log('\ninclusive time by function:');
  for (const x of p.byInclusive) console.log(`  ${pct(x.inclusiveMs)}  ${x.name}`);
}

/** Plans repeat the 50 or 100 ids of a page in full: shortened to their count. */
function compactIds(text: string): string {
  return text.replace(/'\{((?:[0-9a-f-]{36},)*[0-9a-f-]{36})\}'/g, (_, ids: string) => {
    return `'{…${ids.split(',').length} ids…}'`;
  });
}
