// `npm run check:budget` (and the `budget` step of `npm test`): the JS the browser loads before
// the first paint of the built app must stay within 170 kB gzip (DESIGN.md). Run after
// `vite build`; prints the total and each file, and exits 1 over budget.
// Usage: tsx scripts/check-budget.ts [DIST_DIR]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetReport, gzipSize, initialJsFiles, type Manifest } from './budget';

const BUDGET_BYTES = 170_000;

const dist = process.argv[2] ?? 'dist';

function readOrExit(path: string, hint: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    console.error(`${path}: missing (${hint})`);
    process.exit(1);
  }
}

const html = readOrExit(join(dist, 'index.html'), 'run `vite build` first');
const manifest = JSON.parse(
  readOrExit(join(dist, '.vite/manifest.json'), 'vite.config.ts must keep build.manifest on'),
) as Manifest;

const files = initialJsFiles(html, manifest).map((file) => {
  const content = readFileSync(join(dist, file));
  return { file, bytes: content.length, gzip: gzipSize(content) };
});
if (files.length === 0) {
  console.error(`${dist}/index.html: no module script found`);
  process.exit(1);
}
for (const line of budgetReport(files, BUDGET_BYTES)) console.log(line);
const total = files.reduce((s, f) => s + f.gzip, 0);
if (total > BUDGET_BYTES) {
  console.error(`over budget by ${((total - BUDGET_BYTES) / 1000).toFixed(1)} kB`);
  process.exit(1);
}
