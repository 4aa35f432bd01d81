import { expect, test, type Page } from './fixtures';
import { openApp, stepLabel } from './app';

// Sequences up to T = 200: the current step is kept in view; zoom shows the whole sequence.
const text = 'the rain in spain stays mainly in the plain. '.repeat(5).slice(0, 201); // T = 200

test('a long sequence keeps the current step in view and zooms out to the whole', async ({
  page,
}) => {
  await openApp(page, { text, view: 'unrolled', hidden: '16' });
  const s = (t: number) => page.locator(`[data-node="s"][data-t="${t}"]`);
  await expect(s(200)).toHaveCount(1);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(s(1)).toBeInViewport();
  await expect(s(200)).not.toBeInViewport();
  // Jump to the end of the forward pass: the view follows the cursor.
  await page.getByRole('slider', { name: 'Timeline' }).fill('200');
  await expect(s(200)).toHaveAttribute('data-current', 'true');
  await expect(s(200)).toBeInViewport();
  await expect(s(1)).not.toBeInViewport();
  await page.getByRole('button', { name: 'Whole sequence' }).click();
  await expect(s(1)).toBeInViewport();
  await expect(s(200)).toBeInViewport();
});

/**
 * Records, in every frame the page draws from now on, how far the current step's hidden state
 * is outside the visible part of the chain (right of the row names), in px (0: inside).
 */
async function watchCurrentStep(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __outside: number[] };
    w.__outside = [];
    const sample = () => {
      const stage = document.querySelector('.gs-unrolled')?.getBoundingClientRect();
      const gutter = document.querySelector('.gs-gutter')?.getBoundingClientRect().width ?? 14;
      const node = document.querySelector('[data-node="s"][data-current="true"]');
      if (stage && node) {
        const r = node.getBoundingClientRect();
        const left = stage.left + gutter - 14;
        w.__outside.push(Math.round(Math.max(0, left - r.left, r.right - stage.right)));
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

/** The frames drawn since watchCurrentStep, once the next one is. */
function framesSeen(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return (window as unknown as { __outside: number[] }).__outside;
  });
}

/**
 * Holds an arrow key for n key events, as the keyboard's auto-repeat sends them: all at once,
 * without waiting for the page (through CDP, so that Playwright's trace does not snapshot the
 * page at each of them).
 */
async function holdKey(page: Page, key: 'ArrowRight' | 'ArrowLeft', n: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const code = key === 'ArrowRight' ? 39 : 37;
  const ev = { key, code: key, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code };
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', autoRepeat: i > 0, ...ev }),
    ),
  );
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...ev });
  await cdp.detach();
}

test('holding ArrowRight, the current step stays on screen in every frame', async ({ page }) => {
  const long = 'the quick brown fox jumps over the lazy dog; '.repeat(4).slice(0, 151); // T = 150
  await openApp(page, { text: long, view: 'unrolled' });
  await expect(page.locator('[data-node="s"][data-t="150"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'f1');
  await page.getByRole('button', { name: 'Step forward' }).blur();
  await watchCurrentStep(page);
  // A held key: its repeats arrive faster than the page draws a step, let alone a pan.
  await holdKey(page, 'ArrowRight', 59);
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'f60');
  const forward = await framesSeen(page);
  expect(forward.length).toBeGreaterThan(0);
  expect(Math.max(...forward), `px off screen, frame by frame: ${forward}`).toBe(0);
  // And back, as fast.
  await watchCurrentStep(page);
  await holdKey(page, 'ArrowLeft', 40);
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'f20');
  const back = await framesSeen(page);
  expect(Math.max(...back), `px off screen, frame by frame: ${back}`).toBe(0);
});
