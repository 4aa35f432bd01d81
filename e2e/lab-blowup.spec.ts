import { expect, test } from './fixtures';
import { metric, openLab } from './lab';

// A loss that blows up without ever reaching NaN (the text task, SGD at α = 50, no clipping):
// the loss per step jumps past a hundred times its start, the units saturate and pass back
// gradients of exactly 0. Training stops with an alert that says so with the run's numbers,
// the gradient-by-time chart says why it is nearly empty, and lowering the rate recovers.

const finiteBlowUp = { task: 'text', hidden: '32', lr: '50', clip: 'off', opt: 'sgd' };

test('a finite blow-up trips the alert, the chart explains its zeros, and recovery works', async ({
  page,
}) => {
  await openLab(page, finiteBlowUp);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toHaveAttribute('data-divergence', 'finite');
  await expect(alert).toContainText('Training stopped: the loss blew up');
  await expect(alert).toContainText(
    /took the loss to [\d.,]+( × 10[⁰-⁹]+)? per step, [\d.,]+ times/,
  );
  await expect(alert).toContainText('Nothing became NaN or infinite');
  await expect(alert).toContainText(
    /at \d+ of the 25 states before the last \(t = 0 to 24\) the last loss’s gradient is exactly 0/,
  );
  // The cause from the run's own numbers: ‖g‖'s growth, and the length of one SGD step.
  await expect(alert).toContainText(/‖g‖ grew from [\d.]+ to [\d.,]+/);
  await expect(alert).toContainText(/α·‖g‖ = /);
  await expect(alert).toContainText('No clipping was on.');
  // Paused at once.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  // The numbers agree: the alert's iteration is the one after those done.
  const done = Number(await metric(page, 'iteration').textContent());
  await expect(alert).toContainText(
    `Iteration ${done + 1} (after ${done === 0 ? 'none' : done} done)`,
  );

  // The chart of the last loss's gradient says which steps are exactly 0 and why.
  const note = page.locator('[data-chart-note="grad-by-time"]');
  await expect(note).toContainText(/the gradient is exactly 0/);
  await expect(note).toContainText(/saturated/);

  await alert.getByRole('button', { name: 'Lower the learning rate' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByLabel('Learning rate α')).toHaveValue('5');
  // From the last good weights, the gradient reaches every step again.
  await expect(note).toBeHidden();
  const at = Number(await metric(page, 'iteration').textContent());
  await page.getByRole('button', { name: 'Train one step' }).click();
  await expect(metric(page, 'iteration')).toHaveText(String(at + 1));
  await expect(page.getByRole('alert')).toBeHidden();
});
