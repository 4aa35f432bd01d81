import { expect, expectNoAxeViolations, test } from './fixtures';
import { openApp } from './app';

// At 375 px the panels stack and the graph scrolls sideways; the page itself never does.
test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

test('on a phone the panels stack and the graph pans inside its stage', async ({ page }) => {
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
