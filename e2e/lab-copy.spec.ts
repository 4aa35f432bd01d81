import { expect, test } from './fixtures';
import { metricValue, openLab, trainSteps } from './lab';

// Delayed copy, tanh, H = 32, Adagrad 0.1, clipping ±5, T = 25, seed 1: in the same budget of
// 300 iterations the network learns to recall the symbol from k = 2 steps back (held-out
// accuracy above 95%), but not from k = 20 (below 50%; chance is 25%). The core's unit test
// (src/core/lab/run.test.ts) pins the same budget.

test('delayed copy learns k = 2 but not k = 20 in the same budget', async ({ page }) => {
  await openLab(page, { task: 'copy', delay: '2' });
  await trainSteps(page, 300);
  const near = await metricValue(page, 'accuracy');
  expect(near).toBeGreaterThan(0.95);

  // A new delay is a new task: the run starts over.
  await page.getByLabel('Delay k').fill('20');
  await expect(page.locator('[data-metric="iteration"]')).toHaveText('0');
  await trainSteps(page, 300);
  const far = await metricValue(page, 'accuracy');
  expect(far).toBeLessThan(0.5);
  test.info().annotations.push({ type: 'accuracy', description: `k=2: ${near}, k=20: ${far}` });
});
