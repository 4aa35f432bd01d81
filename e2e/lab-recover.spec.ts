import { expect, test, type Page } from './fixtures';
import { metric, openLab, trainSteps } from './lab';

// A learning rate of 50 with no clipping (SGD on the sine wave) blows up: training pauses at
// once, an alert says why in words, and each of the three recoveries works.

const blowUp = { task: 'sine', opt: 'sgd', lr: '50', clip: 'off' };
// SGD at 0.5 on parity: the gradient's growth is the trouble, so clipping holds (at α = 50 a
// clipped step is still 250 long and blows the loss up again).
const clippable = { task: 'parity', opt: 'sgd', lr: '0.5', clip: 'off' };

async function trainUntilAlert(page: Page, lr = '50') {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('exploding gradient');
  await expect(alert).toContainText(`α = ${lr}`);
  // Paused at once: the toggle says Train again.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  return alert;
}

test('lr = 50 without clipping trips the alert; restore and turn clipping on work', async ({
  page,
}) => {
  await openLab(page, blowUp);
  const alert = await trainUntilAlert(page);
  // "those iteration N started from": N − 1 iterations done (it used to say "from iteration N").
  const lastGood =
    Number((await alert.textContent())!.match(/those iteration (\d+) started from/)![1]) - 1;

  await alert.getByRole('button', { name: 'Restore last good weights' }).click();
  await expect(alert).toBeHidden();
  const at = Number(await metric(page, 'iteration').textContent());
  expect(at).toBeGreaterThanOrEqual(lastGood);
  // From the last good weights one more step holds.
  await page.getByRole('button', { name: 'Train one step' }).click();
  await expect(metric(page, 'iteration')).toHaveText(String(at + 1));
  await expect(page.getByRole('alert')).toBeHidden();

  // Still at 50 without clipping: it blows up again.
  await trainUntilAlert(page);
  // Where the gradient's growth is the trouble, clipping by global norm holds.
  await openLab(page, clippable);
  const again = await trainUntilAlert(page, '0.5');
  await again.getByRole('button', { name: 'Turn clipping on' }).click();
  await expect(again).toBeHidden();
  await expect(page.getByLabel('Gradient clipping')).toHaveValue('norm');
  await trainSteps(page, 300);
  await expect(page.getByRole('alert')).toBeHidden();
  await expect(metric(page, 'grad-norm-clipped')).toHaveText(/^[0-5](\.\d+)?$/);
});

test('lower the learning rate: from the last good weights, at a tenth', async ({ page }) => {
  await openLab(page, blowUp);
  const alert = await trainUntilAlert(page);
  await alert.getByRole('button', { name: 'Lower the learning rate' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByLabel('Learning rate α')).toHaveValue('5');
  await expect(page).toHaveURL(/lr=5(&|$)/);
  await expect(page.getByRole('button', { name: 'Train one step' })).toBeEnabled();
});
