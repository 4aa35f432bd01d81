import { expect, test } from './fixtures';
import { metric, metricValue, openLab, trainSteps } from './lab';

// The loss chart and its readout say what happened: the chart's y-axis reaches the first loss
// (thirty thousand iterations later the chart is thinned into buckets, and the first bucket's mean
// used to hide where training started), and a loss that is small but not zero never reads
// 0.0000.

test('the loss chart keeps the first loss on its y-axis', async ({ page }) => {
  await openLab(page, { hidden: '8' });
  await page.getByRole('button', { name: 'Train one step' }).click();
  await expect(metric(page, 'iteration')).toHaveText('1');
  const first = await metricValue(page, 'loss');
  expect(first).toBeGreaterThan(2.5); // about ln 26 for the rhyme's symbols
  await trainSteps(page, 30000);
  const chart = page.locator('svg[data-chart="loss"]');
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(200);
  expect(await metricValue(page, 'loss')).toBeLessThan(first / 2);
  expect(Number(await chart.getAttribute('data-y-top'))).toBeGreaterThanOrEqual(first);
  // The top tick label is at or above the first loss too.
  const ticks = await chart
    .locator('g.tick text')
    .evaluateAll((els) => els.map((e) => Number(e.textContent)));
  expect(Math.max(...ticks)).toBeGreaterThanOrEqual(Math.floor(first));
});

test('a small loss reads in digits, never 0.0000', async ({ page }) => {
  // “ab” again and again: the next symbol is certain, and the loss falls below 0.0001.
  await openLab(page, { text: 'ab', hidden: '4', lr: '0.5' });
  await trainSteps(page, 1000);
  const text = (await metric(page, 'loss').textContent()) ?? '';
  expect(text).not.toBe('0.0000');
  expect(text).toMatch(/^0\.\d+$/);
  const v = Number(text);
  expect(v).toBeGreaterThan(0);
  expect(v).toBeLessThan(0.001);
});
