import { expect, test, type Page } from './fixtures';
import { openApp } from './app';

// `Whole sequence` shows a long chain filling the stage (wrapped into rows), not as a thin
// strip; `1:1` brings the chain back at full size around the current step.

test.use({ viewport: { width: 1440, height: 900 } });

const text = 'the quick brown fox jumps over the lazy dog; '.repeat(4).slice(0, 151); // T = 150

/** The box of every node of the chain, and the chain's visible box, in page px. */
function boxes(page: Page) {
  return page.evaluate(() => {
    const stage = document
      .querySelector('[aria-label^="The network unrolled over"]')!
      .getBoundingClientRect();
    let l = Infinity;
    let r = -Infinity;
    let t = Infinity;
    let b = -Infinity;
    for (const n of document.querySelectorAll('[data-node]')) {
      const q = n.getBoundingClientRect();
      l = Math.min(l, q.left);
      r = Math.max(r, q.right);
      t = Math.min(t, q.top);
      b = Math.max(b, q.bottom);
    }
    const box = (x: { left: number; right: number; top: number; bottom: number }) => ({
      left: x.left,
      right: x.right,
      top: x.top,
      bottom: x.bottom,
    });
    return { stage: box(stage), nodes: { left: l, right: r, top: t, bottom: b } };
  });
}

test('Whole sequence fits a 150-step chain to the stage both ways, readable as a chain', async ({
  page,
}) => {
  await openApp(page, { text, view: 'unrolled', step: 'f40' });
  const s = (t: number) => page.locator(`[data-node="s"][data-t="${t}"]`);
  await expect(s(150)).toHaveCount(1);
  const whole = page.getByRole('button', { name: 'Whole sequence' });
  await expect(whole).toHaveAttribute('aria-pressed', 'false');
  await whole.click();
  await expect(whole).toHaveAttribute('aria-pressed', 'true');
  await expect(async () => {
    const { stage, nodes } = await boxes(page);
    // Every step is inside the stage…
    expect(nodes.left).toBeGreaterThanOrEqual(stage.left - 1);
    expect(nodes.right).toBeLessThanOrEqual(stage.right + 1);
    expect(nodes.top).toBeGreaterThanOrEqual(stage.top - 1);
    expect(nodes.bottom).toBeLessThanOrEqual(stage.bottom + 1);
    // …and the chain fills it: most of its width and most of its height, not a thin strip.
    expect(nodes.right - nodes.left).toBeGreaterThan(0.8 * (stage.right - stage.left));
    expect(nodes.bottom - nodes.top).toBeGreaterThan(0.6 * (stage.bottom - stage.top));
  }).toPass();
  // Large enough to tell the nodes apart: a hidden state is several px wide.
  const s1 = await s(1).boundingBox();
  expect(s1!.width).toBeGreaterThan(3);
  // Stepping keeps working; the current step is marked in the whole view.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(s(41)).toHaveAttribute('data-current', 'true');
  await expect(s(41)).toBeInViewport();

  // 1:1 (its accessible name starts with its label, WCAG 2.5.3) returns to full size.
  const oneToOne = page.getByRole('button', { name: /^1:1\b/ });
  await expect(oneToOne).toHaveText('1:1');
  await oneToOne.click();
  await expect(whole).toHaveAttribute('aria-pressed', 'false');
  await expect(async () => {
    const box = (await s(41).boundingBox())!;
    const stage = (await boxes(page)).stage;
    expect(box.x).toBeGreaterThan(stage.left);
    expect(box.x + box.width).toBeLessThan(stage.right);
    expect(box.width).toBeGreaterThan(2.5 * s1!.width);
  }).toPass();
  await expect(s(150)).not.toBeInViewport();
});
