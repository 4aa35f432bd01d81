import { expect, test } from './fixtures';
import { openApp } from './app';

// Issue 7.12: what a student reads agrees with itself — the output card's title fits the loss,
// units are numbered from 1 everywhere, and the loss node's "so far" is the running-loss bar's.

test.describe('readings agree', () => {
  test('under squared error the output card is the prediction, not logits', async ({ page }) => {
    await openApp(page, { loss: 'squared-error', step: 'f2', view: 'unrolled' });
    const card = page.locator('[data-block="o"] .eq-title');
    await expect(card).toHaveText('Output (the prediction itself) at t = 2');
    await openApp(page, { step: 'f2', view: 'unrolled' });
    await expect(card).toHaveText('Output logits at t = 2');
  });

  test('tooltips number hidden units and symbols from 1, as the heatmaps do', async ({ page }) => {
    await openApp(page, { text: 'hello', hidden: '3', step: 'f1', view: 'unrolled' });
    await page.locator('[data-node="s"][data-t="1"]').hover();
    const tip = page.getByRole('tooltip');
    await expect(tip).toBeVisible();
    await expect(tip.locator('tbody th')).toHaveText(['1', '2', '3']);
    // The heatmap of W labels its rows 1, 2, 3 as well.
    await expect(page.locator('[data-weight="W"] .hm-row-label')).toHaveText(['1', '2', '3']);
    await page.locator('[data-node="o"][data-t="1"]').hover();
    // 'hello' has the vocabulary e, h, l, o: the first row is symbol 1.
    await expect(tip.locator('tbody th').first()).toHaveText(/^1 ‘/);
  });

  test('the loss node says "so far" as the running-loss bar does, at each cursor', async ({
    page,
  }) => {
    const bar = page.getByTestId('running-loss');
    const known = page.getByRole('tooltip').locator('[data-known-loss]');
    // Forward, f2: L_1 + L_2, whichever loss node is read.
    await openApp(page, { text: 'hello', step: 'f2', view: 'unrolled' });
    await page.locator('[data-node="L"][data-t="1"]').hover();
    await expect(known).toHaveAttribute('data-known-loss', (await bar.getAttribute('data-value'))!);
    await expect(known).toContainText('L so far (t = 1…2)');
    await expect(bar).toContainText('(t = 1…2)');
    // Backward, b2: the whole L, and it says so.
    await openApp(page, { text: 'hello', step: 'b2', view: 'unrolled' });
    await page.locator('[data-node="L"][data-t="2"]').hover();
    await expect(known).toHaveAttribute('data-known-loss', (await bar.getAttribute('data-value'))!);
    await expect(known).toContainText('L, the whole loss (all 4 steps)');
    await expect(bar).toContainText('(all 4 steps)');
  });
});
