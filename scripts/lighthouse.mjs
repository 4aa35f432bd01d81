// `npm run lighthouse`: a measurement, not a test (it checks nothing and is not part of
// `npm test`). Builds the app, serves the build with `vite preview`, runs Lighthouse's mobile
// preset against it a few times and prints, per run, the performance score, FCP, LCP, TBT and
// CLS. The full reports go to reports/lighthouse-N.json.
//
// Lighthouse is not a dependency of the project; install it anywhere and say where:
//   npm i --prefix /tmp/lh lighthouse
//   LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse npm run lighthouse -- --runs 2 --port 4178
// Options: --runs N (2), --port P (4178), --no-build (measure dist/ as it is).
// Chrome: CHROME_PATH, else /usr/bin/chromium when it exists, else Lighthouse's own search.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '2' },
    port: { type: 'string', default: '4178' },
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Number(opts.runs);
const port = Number(opts.port);
const bin = (name) => join(root, 'node_modules/.bin', name);

const lighthouse =
  process.env.LIGHTHOUSE || (existsSync(bin('lighthouse')) ? bin('lighthouse') : null);
if (!lighthouse) {
  console.error(
    'Lighthouse is not installed. Install it outside the project and point to it:\n' +
      '  npm i --prefix /tmp/lh lighthouse\n' +
      '  LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse npm run lighthouse',
  );
  process.exit(2);
}
const env = { ...process.env };
if (!env.CHROME_PATH && existsSync('/usr/bin/chromium')) env.CHROME_PATH = '/usr/bin/chromium';

if (!opts['no-build']) {
  const build = spawnSync(bin('vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(1);
}

const url = `http://localhost:${port}/`;
const answers = () =>
  fetch(url).then(
    (r) => r.ok,
    () => false,
  );
if (await answers()) {
  console.error(`port ${port} is taken: stop what runs there or pass --port`);
  process.exit(1);
}
const preview = spawn(bin('vite'), ['preview', '--port', String(port), '--strictPort'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => preview.exitCode === null && preview.kill('SIGTERM');
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => process.exit(130));
}

for (let i = 0; ; i++) {
  if (preview.exitCode !== null) {
    console.error(`vite preview exited (is port ${port} taken?)`);
    process.exit(1);
  }
  if (await answers()) break;
  if (i > 300) throw new Error(`${url} did not answer`);
  await new Promise((r) => setTimeout(r, 100));
}

mkdirSync(join(root, 'reports'), { recursive: true });
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
let failed = false;
for (let run = 1; run <= runs; run++) {
  const out = join(root, `reports/lighthouse-${run}.json`);
  const lh = spawnSync(
    lighthouse,
    [
      url,
      '--only-categories=performance',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      '--chrome-flags=--headless=new --no-sandbox',
    ],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (lh.status !== 0) {
    console.error(`run ${run}: lighthouse failed (exit ${lh.status})`);
    failed = true;
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const a = report.audits;
  console.log(
    [
      `run ${run}: performance ${report.categories.performance.score?.toFixed(2)}`,
      `FCP ${fmtMs(a['first-contentful-paint'].numericValue)}`,
      `LCP ${fmtMs(a['largest-contentful-paint'].numericValue)}`,
      `TBT ${fmtMs(a['total-blocking-time'].numericValue)}`,
      `CLS ${a['cumulative-layout-shift'].numericValue.toFixed(3)}`,
    ].join('  '),
  );
}
process.exit(failed ? 1 : 0);
