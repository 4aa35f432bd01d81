import { expect, test } from './fixtures';
import { metric, metricValue, openLab } from './lab';

// The training lab, "Your text": training in the worker brings the smoothed loss down and the
// sample changes. Threshold: the smoothed loss below 0.5 nats per character (it starts near
// ln 26 ≈ 3.3 for the rhyme's 26 symbols).

const THRESHOLD = 0.5;

test('the text task trains until the smoothed loss is below 0.5 and the sample changes', async ({
  page,
}) => {
  await openLab(page, { hidden: '16' });
  const sample = metric(page, 'sample');
  await expect(sample).not.toHaveText('…');
  const before = await sample.textContent();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause training' })).toBeVisible();
  await expect.poll(() => metricValue(page, 'loss'), { timeout: 30_000 }).toBeLessThan(THRESHOLD);
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await expect(sample).not.toHaveText(before!);
  // The charts drew the run, one point per iteration up to their width.
  const points = Number(await page.locator('svg[data-chart="loss"]').getAttribute('data-points'));
  expect(points).toBeGreaterThan(10);
  await expect(page.locator('svg[data-chart="grad-norm"]')).not.toHaveAttribute('data-points', '0');
  await expect(page.locator('svg[data-chart="grad-by-time"]')).toHaveAttribute('data-points', '26');
  await expect(metric(page, 'accuracy')).toHaveText(/%$/);
});

test('Train N steps shows a progress bar with the steps done and the time left', async ({
  page,
}) => {
  await openLab(page, { hidden: '16' });
  // So many that they cannot all be done before the pause below, however fast the machine.
  await page.getByLabel('N', { exact: true }).fill('200000');
  await page.getByRole('button', { name: 'Train N steps' }).click();
  const bar = page.getByRole('progressbar', { name: 'Training 200000 steps' });
  await expect(bar).toHaveAttribute('aria-valuemax', '200000');
  await expect(bar).toHaveAttribute('aria-valuetext', /of 200000 steps, about \d+ (s|min) left/);
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  // Pausing stops it where it is; the bar goes.
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(bar).toBeHidden();
  const stopped = Number(await metric(page, 'iteration').textContent());
  expect(stopped).toBeGreaterThan(0);
  expect(stopped).toBeLessThan(200000);
});
