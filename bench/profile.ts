/**
 * Reads a V8 .cpuprofile (the app's profile of one measured run, `--profile` option) and sums the
 * sampled time by function (self and inclusive) and by package, to show where the app's CPU goes.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  byPackage: { name: string; selfMs: number }[];
  bySelf: { name: string; selfMs: number }[];
  byInclusive: { name: string; inclusiveMs: number }[];
}

const REPO = path.resolve(__dirname, '..');

function where(url: string): string {
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = file.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (file.startsWith(REPO)) {
    const rel = path.relative(REPO, file);
    return rel
      .split('/')
      .slice(0, rel.startsWith('apps/api/src') ? 4 : 3)
      .join('/');
  }
  if (file.startsWith('node:') || file === '') return file || '(native)';
  return file;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, '');
  const short = file.includes('node_modules/')
    ? file.slice(file.lastIndexOf('node_modules/') + 13)
    : path.relative(REPO, file) || file;
  return `${functionName || '(anonymous)'} ${short ? `${short}:${lineNumber + 1}` : ''}`.trim();
}

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const pkg = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    const fn = node.callFrame.functionName;
    // The profiler's own stop call (the parent asked for the profile) is not the app's work.
    if (node.callFrame.url === 'node:inspector') return;
    totalMs += ms;
    if (fn === '(idle)' || fn === '(program)') {
      if (fn === '(idle)') idleMs += ms;
      return;
    }
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + ms);
    const p = fn === '(garbage collector)' ? '(garbage collector)' : where(node.callFrame.url);
    pkg.set(p, (pkg.get(p) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = frameName(byId.get(cur)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  });
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    totalMs,
    idleMs,
    byPackage: sorted(pkg)
      .slice(0, top)
      .map(([name, selfMs]) => ({ name, selfMs })),
    bySelf: sorted(self)
      .slice(0, top)
      .map(([name, selfMs]) => ({ name, selfMs })),
    byInclusive: sorted(inclusive)
      .filter(([name]) => !name.startsWith('(root)'))
      .slice(0, top * 2)
      .map(([name, inclusiveMs]) => ({ name, inclusiveMs })),
  };
}
