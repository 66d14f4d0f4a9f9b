import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../src/config/paths';

interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string }[];
}

/** ESLint as CI runs it (its CLI, the repository's config), on files or on a text given a path. */
function eslint(args: string[], input?: string): LintResult[] {
  const run = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...args],
    { cwd: REPO_ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintResult[];
}

/**
 * Issue 15: one place for each query. The lint rule (eslint.config.mjs) refuses SQL outside the
 * repositories; here it is run, as CI runs it, on code a service might be tempted to hold.
 */
describe('the repository lint rule', () => {
  function problems(filePath: string, code: string): string[] {
    const [result] = eslint(['--stdin', '--stdin-filename', filePath], code);
    return result.messages
      .filter((m) => /restricted/.test(m.ruleId ?? ''))
      .map((m) => `${m.line}: ${m.message}`);
  }

  const SERVICE_WITH_SQL = `import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class SneakyService {
  constructor(private readonly dataSource: DataSource) {}
  count(): Promise<unknown> {
    return this.dataSource.query('SELECT count(*) FROM visit');
  }
  viaManager(manager: EntityManager): Promise<unknown> {
    return manager.getRepository('visit').count();
  }
  inTransaction(): Promise<unknown> {
    return this.dataSource.transaction((m) => m.createQueryBuilder().select('1').execute());
  }
  pool(): unknown {
    return this.dataSource.manager;
  }
}
`;

  it('refuses a DataSource, an EntityManager and every way of running SQL in a service', () => {
    expect(problems('apps/api/src/visits/sneaky.service.ts', SERVICE_WITH_SQL)).toEqual([
      expect.stringMatching(/^2: 'DataSource' import from 'typeorm' is restricted/),
      expect.stringMatching(/^2: 'EntityManager' import from 'typeorm' is restricted/),
      '8: SQL belongs in a repository (*.repository.ts).',
      '11: SQL belongs in a repository (*.repository.ts).',
      '14: SQL belongs in a repository (*.repository.ts).',
      '14: SQL belongs in a repository (*.repository.ts).',
      '17: SQL belongs in a repository (*.repository.ts).',
    ]);
  });

  it('lets the same code run in a repository, in database/ and in tests', () => {
    expect(problems('apps/api/src/visits/sneaky.repository.ts', SERVICE_WITH_SQL)).toEqual([]);
    expect(problems('apps/api/src/database/sneaky.ts', SERVICE_WITH_SQL)).toEqual([]);
    expect(problems('apps/api/src/visits/sneaky.test.ts', SERVICE_WITH_SQL)).toEqual([]);
  });
});
