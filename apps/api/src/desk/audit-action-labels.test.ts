import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS, REPORT_STATUSES } from '@qinqing/domain';

/** Every .ts source of the API (tests excluded). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The actions the API writes to the audit log, read from its sources: `action: 'X'`, the master
 * data import's `append('X', …)`, the demo seed's `for (const action of ['X', 'Y'])`, and the
 * report steps `REPORT_${status}`.
 */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(join(__dirname, '..'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/action:\s*'([A-Z_]+)'/g)) found.add(m[1]);
    for (const m of text.matchAll(/\bappend\(\s*'([A-Z_]+)'/g)) found.add(m[1]);
    for (const m of text.matchAll(/const action of \[([^\]]+)\]/g)) {
      for (const a of m[1].matchAll(/'([A-Z_]+)'/g)) found.add(a[1]);
    }
    if (text.includes('action: `REPORT_${')) {
      for (const status of REPORT_STATUSES) found.add(`REPORT_${status}`);
    }
  }
  return found;
}

describe('AUDIT_ACTION_LABELS', () => {
  it('has Chinese words for every action the API writes to the audit log', () => {
    const actions = writtenActions();
    // the reader found the actions (a reader that finds nothing would pass anything)
    expect(actions.size).toBeGreaterThanOrEqual(20);
    expect(actions).toContain('RATING_SUBMITTED');
    expect(actions).toContain('REPORT_CONCLUDED');
    const labels = AUDIT_ACTION_LABELS as Record<string, string>;
    const missing = [...actions].filter((a) => !labels[a]);
    expect(missing).toEqual([]);
    for (const label of Object.values(labels)) expect(label).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
