import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const PRUNE = path.resolve(__dirname, '../../../deploy/prune-runtime-deps.sh');

/**
 * deploy/prune-runtime-deps.sh, as the Dockerfile runs it on the API's production node_modules:
 * it removes what the built API never loads and keeps every file it does.
 */
describe('deploy/prune-runtime-deps.sh', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'prune-'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function tree(files: string[]): void {
    for (const file of files) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), 'x');
    }
  }

  const exists = (file: string) => existsSync(path.join(root, file));

  it('removes compilers, the embedded database, unused font weights, maps, declarations and docs', () => {
    const removed = [
      'node_modules/typescript/lib/typescript.js',
      'node_modules/ts-node/dist/index.js',
      'node_modules/@swc/core/index.js',
      'node_modules/@swc/core-linux-x64-gnu/swc.linux-x64-gnu.node',
      'node_modules/@electric-sql/pglite/dist/index.js',
      'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Light.otf',
      'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Medium.otf',
      'node_modules/typeorm/index.js.map',
      'node_modules/typeorm/index.d.ts',
      'node_modules/zod/v4/core/api.d.cts',
      'node_modules/typeorm/README.md',
    ];
    const kept = [
      'node_modules/@swc/helpers/cjs/index.cjs',
      'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf',
      'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Bold.otf',
      'node_modules/@embedpdf/fonts-sc/dist/index.cjs',
      'node_modules/typeorm/index.js',
      'node_modules/typeorm/package.json',
      'node_modules/exceljs/dist/es5/doc/workbook.js',
      'node_modules/pdfkit/js/data/Helvetica.afm',
    ];
    tree([...removed, ...kept]);

    execFileSync('sh', [PRUNE, path.join(root, 'node_modules')]);

    expect(removed.filter(exists)).toEqual([]);
    expect(kept.filter((file) => !exists(file))).toEqual([]);
  });

  it('keeps the two weights the poster is set in (poster-fonts.ts)', () => {
    const fonts = readFileSync(
      path.resolve(__dirname, '../src/gates/poster/poster-fonts.ts'),
      'utf8',
    );
    const used = Array.from(fonts.matchAll(/'(NotoSansHans-[A-Za-z]+\.otf)'/g), (m) => m[1]);
    expect(used.sort()).toEqual(['NotoSansHans-Bold.otf', 'NotoSansHans-Regular.otf']);
  });

  it('refuses a directory that does not exist, changing nothing', () => {
    expect(() =>
      execFileSync('sh', [PRUNE, path.join(root, 'missing')], { stdio: 'pipe' }),
    ).toThrow(/no such directory/);
  });
});
