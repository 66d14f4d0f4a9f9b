/**
 * bench:field's results: the budget table on stdout, and the same as Markdown in a section of
 * bench/FIELD.md (one section per label, e.g. `before` and `after`), written only with --write.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { RequestRecord } from './field-browser';

export interface StepResult {
  label: string;
  budgetMs: number;
  /** ms of each run that reached its end */
  runs: number[];
  /** why the other runs did not */
  failures: string[];
  /** e.g. the verdicts read, one per run */
  outcomes: string[];
}

export interface FieldReport {
  label: string;
  generatedAt: Date;
  command: string;
  settings: {
    downloadKbps: number;
    uploadKbps: number;
    rttMs: number;
    runs: number;
    repo: string;
    commit: string;
    h5Dir: string;
    chromium: string;
    node: string;
    loadBefore: number[];
    loadAfter: number[];
  };
  steps: StepResult[];
  notes: string[];
  /** request lists shown under the table: title → requests */
  requestLists: { title: string; requests: RequestRecord[] }[];
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const seconds = (ms: number) =>
  Number.isNaN(ms) ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;

interface Row {
  step: string;
  budget: string;
  median: string;
  worst: string;
  within: string;
}

function rows(report: FieldReport): Row[] {
  return report.steps.map((s) => {
    const total = s.runs.length + s.failures.length;
    const inBudget = s.runs.filter((ms) => ms <= s.budgetMs).length;
    const allWithin = inBudget === total && total > 0;
    return {
      step: s.label,
      budget: `≤ ${seconds(s.budgetMs)}`,
      median: seconds(median(s.runs)),
      worst: s.failures.length > 0 ? 'failed' : seconds(Math.max(...s.runs)),
      within: `${allWithin ? '✓' : '✗'} (${inBudget}/${total})`,
    };
  });
}

function settingsLines(report: FieldReport): string[] {
  const s = report.settings;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  return [
    `network: ${s.downloadKbps} kbit/s down, ${s.uploadKbps} kbit/s up, ${s.rttMs} ms RTT ` +
      `(Chromium emulation on each page and service worker); viewport 360×740 @2x; ${s.runs} runs per step`,
    `app: API and H5 build of ${s.repo} at ${s.commit}; H5 served from ${s.h5Dir}`,
    `machine: ${s.chromium}, Node ${s.node}; load average (1/5/15 min) ${load(s.loadBefore)} before, ${load(s.loadAfter)} after`,
  ];
}

/** Byte counts for people: 1.2 KB, 340 KB, 2.1 MB. */
export function kb(bytes: number | undefined): string {
  if (bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function requestRows(requests: RequestRecord[]): string[][] {
  const first = Math.min(...requests.map((r) => r.startedAt));
  return requests.map((r) => {
    const url = new URL(r.url);
    const shown = (url.pathname + url.search).replace(/\/c\/[\w-]{40,}/, '/c/<token>');
    const ms =
      r.finishedAt !== undefined ? `${Math.round((r.finishedAt - r.startedAt) * 1000)}` : '—';
    return [
      `${Math.round((r.startedAt - first) * 1000)}`,
      r.method,
      shown.length > 72 ? `${shown.slice(0, 69)}…` : shown,
      r.failed ? `failed (${r.failed})` : r.revalidated ? '304 (cached)' : String(r.status ?? '—'),
      r.source,
      kb(r.transferBytes),
      kb(r.bodyBytes),
      r.encoding ?? '',
      ms,
    ];
  });
}

/** `at`: ms from the list's first request to this one's start; `ms`: until its last byte. */
const REQUEST_HEADER = [
  'at',
  'method',
  'path',
  'status',
  'from',
  'transferred',
  'body',
  'encoding',
  'ms',
];

function pad(cells: string[][]): string[] {
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\uffff]/.test(c) ? 2 : 1), 0);
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => width(row[i]))));
  return cells.map((row) =>
    row.map((cell, i) => cell + ' '.repeat(widths[i] - width(cell))).join('  '),
  );
}

export function printReport(report: FieldReport): void {
  const out: string[] = ['', `bench:field — ${report.label}`, ...settingsLines(report), ''];
  const table = rows(report).map((r) => [r.step, r.budget, r.median, r.worst, r.within]);
  out.push(...pad([['step', 'budget', 'median', 'worst', 'within budget'], ...table]), '');
  out.push(...report.notes.map((n) => `- ${n}`));
  for (const list of report.requestLists) {
    out.push('', `${list.title}:`, ...pad([REQUEST_HEADER, ...requestRows(list.requests)]));
  }
  console.log(out.join('\n'));
}

function markdownTable(header: string[], body: string[][]): string[] {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...body.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ];
}

export function markdown(report: FieldReport): string {
  const when = report.generatedAt.toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    `### ${report.label}: ${report.settings.commit}`,
    '',
    `_Generated by \`${report.command}\` on ${when} UTC._`,
    '',
    ...settingsLines(report).map((l) => `- ${l}`),
    '',
    ...markdownTable(
      ['step', 'budget', 'median', 'worst', 'within budget'],
      rows(report).map((r) => [r.step, r.budget, r.median, r.worst, r.within]),
    ),
    '',
    ...report.notes.map((n) => `- ${n}`),
  ];
  for (const list of report.requestLists) {
    lines.push(
      '',
      `<details><summary>${list.title}</summary>`,
      '',
      ...markdownTable(REQUEST_HEADER, requestRows(list.requests)),
      '',
      '</details>',
    );
  }
  return lines.join('\n');
}

const FIELD_MD = path.join(__dirname, 'FIELD.md');

const FIELD_MD_HEADER = `# Weak-signal field budgets of the officer's flows

Generated by \`npm run bench:field -- --write\` (see "Weak-signal field budgets" in
[README.md](README.md) for what each step measures). One section per label; a run replaces its
own section only. Figures come from a shared 2-core machine: the load averages say how busy it was.
`;

/** Writes the report into its labelled section of bench/FIELD.md (created when missing). */
export function writeFieldMd(report: FieldReport): string {
  const start = `<!-- field:${report.label}:start -->`;
  const end = `<!-- field:${report.label}:end -->`;
  const section = `${start}\n\n${markdown(report)}\n\n${end}`;
  let text = existsSync(FIELD_MD) ? readFileSync(FIELD_MD, 'utf8') : FIELD_MD_HEADER;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) {
    text = text.slice(0, from) + section + text.slice(to + end.length);
  } else {
    text = `${text.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(FIELD_MD, text);
  return FIELD_MD;
}
