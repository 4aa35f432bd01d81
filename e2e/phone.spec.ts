import { expect, expectNoAxeViolations, test } from './fixtures';
import { openApp, stepLabel } from './app';

// At 375 px the panels stack and the graph scrolls sideways; the page itself never does.
test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

test('on a phone the panels stack and the graph pans inside its stage', async ({ page }) => {
  // axe over a page of a few thousand SVG elements takes ~45 s on a loaded 2-core machine.
  test.slow();
  await openApp(page, { view: 'unrolled', text: 'hello world, hello rnn', step: 'b5' });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const stage = await page.getByRole('region', { name: 'Network graph' }).boundingBox();
  const derivation = await page.getByRole('region', { name: 'Derivation' }).boundingBox();
  expect(stage!.width).toBeLessThanOrEqual(375);
  // Stacked: the derivation panel is below the stage, not beside it.
  expect(derivation!.y).toBeGreaterThan(stage!.y + stage!.height - 1);
  // The settings start folded away, so the graph is on the first screen.
  await expect(page.getByLabel('Sequence')).toBeHidden();
  // The current step is in view even though the chain is wider than the screen.
  const current = page.locator('[data-node="s"][data-current="true"]');
  await expect(current).toBeInViewport();
  await expectNoAxeViolations(page);
});

test.describe('stepping on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

  test('the transport and the current step stay on screen together while stepping', async ({
    page,
  }) => {
    await openApp(page, { view: 'unrolled', text: 'hello world, hello rnn' });
    const forward = page.getByRole('button', { name: 'Step forward' });
    const transport = page.getByRole('group', { name: 'Transport' });
    // On the first screen, without scrolling, beside the graph.
    await expect(forward).toBeInViewport({ ratio: 1 });
    await expect(page.locator('[data-node="s"][data-t="1"]')).toBeInViewport();
    for (let i = 0; i < 6; i++) await forward.tap();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f6');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f9');
    await page.getByRole('button', { name: 'Step back' }).tap();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f8');
    for (const name of ['Step back', 'Play', 'Step forward'])
      await expect(page.getByRole('button', { name })).toBeInViewport({ ratio: 1 });
    // The current step is on screen and not hidden behind the transport bar.
    const current = page.locator('[data-node="s"][data-current="true"]');
    await expect(current).toBeInViewport({ ratio: 1 });
    const bar = (await transport.boundingBox())!;
    await expect(async () => {
      const box = (await current.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
    }).toPass();
    // The end of the page is not hidden behind the bar: it can be scrolled clear of it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = page.getByRole('region', { name: 'Derivation' });
    await expect(async () => {
      const box = (await last.boundingBox())!;
      const barNow = (await transport.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(barNow.y);
    }).toPass();
  });
});
