// npm run measure:lab — the training lab in the built app, in Chromium: training throughput
// in the worker for the bench's shape (H = 100, T = 25, 65 symbols, Adagrad 0.1, clipping ±5),
// to set beside `npm run bench`'s char-rnn-h100-t25-v65 figure in Node; and, over a 30 s run,
// the main thread's long tasks (PerformanceObserver 'longtask': none should pass 50 ms) and how
// often the loss chart is redrawn (at least 5 a second). A measurement, not a test: it asserts
// nothing. RUNS=2 by default; SECONDS=30.
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { createRng } from '../src/core/rng';
import { chromiumLaunchOptions } from './chromium';
import { waitForServer } from './waitForServer';

const PORT = Number(process.env.MEASURE_PORT) || 4179;
const RUNS = Number(process.env.RUNS) || 2;
const SECONDS = Number(process.env.SECONDS) || 30;
/** Throughput is taken after this warm-up (s), so the JIT and the chunk size have settled. */
const WARMUP = 5;

/**
 * 20,000 characters over exactly 65 symbols, an order-1 Markov chain as in scripts/bench.ts
 * (there over indices; here over printable characters so it fits the text task).
 */
function benchText(): string {
  const V = 65;
  const rng = createRng(42);
  const chars = Array.from({ length: V }, (_, i) => String.fromCharCode(48 + i)); // '0'…'p'
  const favourite = Array.from({ length: V }, () =>
    [0, 1, 2].map(() => Math.floor(rng.next() * V)),
  );
  const idx: number[] = Array.from({ length: V }, (_, i) => i);
  for (let i = V; i < 20_000; i++) {
    const prev = idx[i - 1];
    idx.push(
      rng.next() < 0.8 ? favourite[prev][Math.floor(rng.next() * 3)] : Math.floor(rng.next() * V),
    );
  }
  return idx.map((i) => chars[i]).join('');
}

async function main() {
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore' },
  );
  try {
    const base = `http://localhost:${PORT}/`;
    await waitForServer(base);
    const browser = await chromium.launch(chromiumLaunchOptions);
    for (let run = 1; run <= RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const q = new URLSearchParams({
        page: 'lab',
        hidden: '100',
        seqLen: '25',
        tbptt: '25',
        opt: 'adagrad',
        lr: '0.1',
        clip: 'value',
        clipAt: '5',
        // CELL=lstm or gru measures a gated cell on the same shape.
        ...(process.env.CELL ? { cell: process.env.CELL } : {}),
      });
      await page.goto(`${base}?${q}`);
      // The text is typed (a 20,000-character URL is more than servers accept).
      const box = page.getByLabel('Your text', { exact: true });
      await box.fill(benchText());
      await box.blur();
      await page.getByText('20000 characters').waitFor();
      await page.locator('[data-metric="iteration"]').filter({ hasText: /^0$/ }).waitFor();
      await page.locator('svg[data-chart="grad-by-time"]:not([data-points="0"])').waitFor();
      // In-page code as a string: tsx would wrap named functions in a helper the page lacks.
      await page.evaluate(`(() => {
        window.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]);
        }).observe({ type: 'longtask' });
        window.__redraws = [];
        const svg = document.querySelector('svg[data-chart="loss"]');
        new MutationObserver(() => window.__redraws.push(performance.now())).observe(svg, {
          subtree: true, attributes: true, attributeFilter: ['d'], childList: true,
        });
      })()`);
      const iteration = async () =>
        Number(await page.locator('[data-metric="iteration"]').textContent());
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      const t0 = Date.now();
      const p0 = (await page.evaluate('performance.now()')) as number;
      await page.waitForTimeout(WARMUP * 1000);
      const i1 = await iteration();
      const t1 = Date.now();
      await page.waitForTimeout((SECONDS - WARMUP) * 1000);
      const i2 = await iteration();
      const t2 = Date.now();
      await page.getByRole('button', { name: 'Pause training' }).click();
      const { long, redraws } = (await page.evaluate(
        `({ long: window.__long, redraws: window.__redraws })`,
      )) as { long: [number, number][]; redraws: number[] };
      // Redraws per second over the run (a redraw touches several paths: count distinct frames).
      const frames = new Set(redraws.map((t) => Math.floor(t / 16))).size;
      const rate = ((i2 - i1) * 1000) / (t2 - t1);
      console.log(
        `run ${run}: worker throughput ${rate.toFixed(0)} iters/s (H=100, T=25, V=65, Adagrad; ${i2} iterations in ${((t2 - t0) / 1000).toFixed(1)} s)`,
      );
      console.log(
        `run ${run}: main-thread long tasks over 50 ms: ${long.length}${long.length ? ` (${long.map(([at, d]) => `${d.toFixed(0)} ms at ${((at - p0) / 1000).toFixed(1)} s`).join(', ')})` : ''}; loss chart redrawn ${(frames / ((t2 - t0) / 1000)).toFixed(1)} times/s; load average ${loadavg()[0].toFixed(1)}`,
      );
      await page.close();
    }
    await browser.close();
  } finally {
    server.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
