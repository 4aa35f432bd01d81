// npm run measure:paint — how long a step takes to reach the screen in the built app.
//
// Opens the explorer at T = 100, H = 16 (unrolled) in Chromium, presses ArrowRight and
// ArrowLeft as a user would, and times each press from the keydown to the end of the first
// frame that shows the new step (the frame's rAF, then a task after its paint). Prints p50/p95.
// A measurement, not a test: it asserts nothing, so a busy machine cannot make it flaky.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';
import { waitForServer } from './waitForServer';

const PORT = Number(process.env.MEASURE_PORT) || 4179;
const PRESSES = Number(process.env.PRESSES) || 120;
const text = 'the quick brown fox jumps over the lazy dog; '.repeat(3).slice(0, 101);

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main() {
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  try {
    const base = `http://localhost:${PORT}/`;
    await waitForServer(base);
    const browser = await chromium.launch(chromiumLaunchOptions);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const q = new URLSearchParams({ text, hidden: '16', view: 'unrolled' });
    // CELL=lstm or gru measures a gated cell's chain.
    if (process.env.CELL) q.set('cell', process.env.CELL);
    await page.goto(`${base}?${q}`);
    await page.locator('[data-node="s"][data-t="100"]').waitFor();
    if (process.env.HIDE)
      await page.addStyleTag({ content: `${process.env.HIDE} { display: none !important }` });
    // In-page code as a string: tsx would wrap named functions in a helper the page lacks.
    await page.evaluate(`(() => {
      window.__lat = [];
      window.__frames = [];
      window.__render = [];
      const label = () => document.querySelector('[data-testid="step-label"]')?.getAttribute('data-step');
      window.addEventListener('keydown', () => {
        const t0 = performance.now();
        const before = label();
        let frames = 0;
        const frame = () => requestAnimationFrame(() => {
          frames++;
          if (label() === before) return frame(); // not rendered yet: wait for the next frame
          window.__frames.push(frames);
          const tFrame = performance.now();
          setTimeout(() => {
            const now = performance.now();
            window.__lat.push(now - t0);
            window.__render.push(now - tFrame);
          }, 0);
        });
        frame();
      }, { capture: true });
    })()`);
    for (let i = 0; i < PRESSES; i++) {
      // Forward through the first half of the story, then back, so every kind of step counts.
      await page.keyboard.press(i < PRESSES / 2 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForFunction(
        (n) => (window as unknown as { __lat: number[] }).__lat.length > n,
        i,
      );
      // A clicker or a held key presses every 100 ms or so; in between, the panels catch up.
      await page.waitForFunction(
        () =>
          document.querySelector('[aria-label="Derivation"]')?.getAttribute('aria-busy') !== 'true',
      );
      await page.waitForTimeout(100);
    }
    const lat = (await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)).sort(
      (a, b) => a - b,
    );
    const render = (
      await page.evaluate(() => (window as unknown as { __render: number[] }).__render)
    ).sort((a, b) => a - b);
    console.log(
      `frame rendering (style, layout, paint: from the frame's start to after its paint): p50 ${quantile(render, 0.5).toFixed(1)} ms, p95 ${quantile(render, 0.95).toFixed(1)} ms`,
    );
    const frames = await page.evaluate(
      () => (window as unknown as { __frames: number[] }).__frames,
    );
    const first = frames.filter((f) => f === 1).length;
    console.log(
      `step-to-paint: in the first frame after the key press ${first} of ${frames.length} times (${((100 * first) / frames.length).toFixed(0)}%)`,
    );
    console.log(
      `step-to-paint (T=100, H=16, ${lat.length} steps): p50 ${quantile(lat, 0.5).toFixed(1)} ms, p95 ${quantile(lat, 0.95).toFixed(1)} ms, max ${lat[lat.length - 1].toFixed(1)} ms`,
    );
    await browser.close();
  } finally {
    server.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
