// Fails when the weapp main package passes 1.5 MB (WeChat's hard limit is 2 MB) and prints the
// sizes reported in the README: dist/weapp in total, and the H5 first load gzip-compressed.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT = 1.5 * 1024 * 1024;
const weapp = 'apps/mobile/dist/weapp';
const h5 = 'apps/mobile/dist/h5';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const appJson = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'));
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => join(weapp, p.root));
const all = files(weapp);
const total = all.reduce((n, f) => n + statSync(f).size, 0);
const main = all
  .filter((f) => !subRoots.some((root) => f.startsWith(root + '/')))
  .reduce((n, f) => n + statSync(f).size, 0);

const html = readFileSync(join(h5, 'index.html'), 'utf8');
const firstLoad = [
  join(h5, 'index.html'),
  ...[...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => join(h5, m[1])),
];
const h5Gzip = firstLoad.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`weapp: total ${kb(total)}, main package ${kb(main)} (limit ${kb(LIMIT)})`);
console.log(`h5 first load: ${kb(h5Gzip)} gzip (${firstLoad.length} files)`);
if (main > LIMIT) {
  console.error(`weapp main package ${kb(main)} exceeds ${kb(LIMIT)}`);
  process.exit(1);
}
