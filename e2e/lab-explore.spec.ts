import { expect, test } from './fixtures';
import { stepLabel } from './app';
import { metric, openLab, trainSteps } from './lab';

// A student trains in the lab, then presses Explore these weights: the explorer opens at its
// top, Back returns to the lab (its run still there), Forward and a reload keep the trained
// weights, and the loss after the update says what it means where it is shown.

test.use({ viewport: { width: 1440, height: 900 } });

test('Explore these weights: at the top, Back to the lab, kept on reload', async ({ page }) => {
  await openLab(page, { hidden: '4' });
  await trainSteps(page, 200);
  const explore = page.getByRole('button', { name: 'Explore these weights' });
  await explore.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(300);
  await explore.click();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expect(page.getByTestId('imported-note')).toContainText('weights from the training lab');
  await expect(page.getByTestId('imported-note')).toContainText('keeps them for a reload');
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  await expect(page.getByRole('heading', { name: 'Unrolled', level: 1 })).toBeInViewport();
  await expect(page).not.toHaveURL(/page=lab/);

  // The loss after the update, and what it means, side by side.
  await page.getByRole('button', { name: 'Go to end' }).click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'update');
  const before = await page.getByTestId('running-loss').getAttribute('data-value');
  const why = page.getByTestId('update-why');
  await expect(why).toHaveText(/(up|down) from [\d.,]+: one gradient step of α = 0\.1/);
  const loss = page.getByTestId('running-loss');

  // Back returns to the lab, where the run still is.
  await page.goBack();
  await expect(page.getByRole('region', { name: 'Training' })).toBeVisible();
  await expect(page).toHaveURL(/page=lab/);
  await expect(metric(page, 'iteration')).toHaveText('200');
  // Forward is the explorer on the trained weights again.
  await page.goForward();
  await expect(page.getByTestId('imported-note')).toContainText('weights from the training lab');
  await expect(loss).toHaveAttribute('data-value', before!);

  // A reload keeps the trained weights (the same loss at the same step), not the seeded ones.
  await page.reload();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'update');
  await expect(page.getByTestId('imported-note')).toContainText('weights from the training lab');
  await expect(loss).toHaveAttribute('data-value', before!);
  // Back after the reload is the lab, which offers the saved run back.
  await page.goBack();
  const lab = page.getByRole('region', { name: 'Training' });
  await expect(lab).toBeVisible();
  await expect(lab.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();
});
