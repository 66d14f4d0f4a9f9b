import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Finds the folder holding the PostgreSQL server binaries (initdb, pg_ctl, postgres):
 * PG_BIN_DIR if set, then PATH, then Debian's /usr/lib/postgresql/<version>/bin (newest first).
 */
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const hasServer = (dir: string) =>
    ['initdb', 'pg_ctl', 'postgres'].every((bin) => existsSync(path.join(dir, bin)));
  const candidates: string[] = [];
  if (env.PG_BIN_DIR) candidates.push(env.PG_BIN_DIR);
  candidates.push(...(env.PATH ?? '').split(path.delimiter).filter(Boolean));
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debianRoot, v, 'bin')));
  }
  return candidates.find(hasServer);
}
