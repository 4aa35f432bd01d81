import { expect, expectNoAxeViolations, test } from './fixtures';
import { metric, metricValue, openLab, trainSteps } from './lab';

// Gated cells in the training lab (issue 10): an LSTM or a GRU trains on the lab's tasks, its
// cell state's gradient is drawn beside the hidden state's, and a vanilla RNN and a gated cell
// train side by side with the same budget.

test('an LSTM trains in the lab, shows its cell state’s gradient and opens in the explorer', async ({
  page,
}) => {
  await openLab(page, { cell: 'lstm', task: 'copy', delay: '2', hidden: '4' });
  await expect(page.getByLabel('Cell', { exact: true })).toHaveValue('lstm');
  // A gated cell's nonlinearities are fixed: no activation to choose, no ρ(W) to rescale.
  await expect(page.getByLabel('Activation')).toHaveCount(0);
  await expect(page.getByText(/there is no ρ\(W\) to show or rescale/)).toBeVisible();
  await expect(page.locator('[data-metric="spectral-radius"]')).toHaveCount(0);
  await expect(page.getByText('‖∂L_T/∂m_t‖ (cell state)')).toBeVisible();
  await expect(page.locator('svg[data-chart="grad-by-time"]')).toHaveAttribute('data-points', '26');
  await trainSteps(page, 30);
  await page.getByRole('button', { name: 'Check gradients' }).click();
  await expect(metric(page, 'gradcheck')).toHaveText(/e-/);
  expect(await metricValue(page, 'gradcheck')).toBeLessThan(1e-5);
  // The trained LSTM in the explorer: its cell-state line is there.
  await page.getByRole('button', { name: 'Explore these weights' }).click();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await page.getByRole('button', { name: 'Unroll' }).click();
  await expect(page.locator('[data-node="m"][data-t="1"]')).toHaveCount(1);
});

test('the cell is a lab setting in the URL', async ({ page }) => {
  await openLab(page, { cell: 'gru', task: 'parity', hidden: '8' });
  await expect(page.getByLabel('Cell', { exact: true })).toHaveValue('gru');
  await page.getByLabel('Cell', { exact: true }).selectOption('lstm');
  await expect(page).toHaveURL(/cell=lstm/);
  await expect(metric(page, 'iteration')).toHaveText('0');
  await page.getByLabel('Cell', { exact: true }).selectOption('rnn');
  await expect(page).not.toHaveURL(/cell=/);
  await expect(page.getByLabel('Activation')).toBeVisible();
});

test('a vanilla RNN and an LSTM side by side: same budget, accuracy and gradient pictures', async ({
  page,
}) => {
  await openLab(page, { task: 'copy', delay: '4', hidden: '8' });
  const compare = page.getByRole('region', {
    name: 'Side by side: a vanilla RNN and another cell',
  });
  await compare.getByLabel('Iterations for each').fill('150');
  await compare.getByRole('button', { name: 'Compare', exact: true }).click();
  const bar = compare.getByRole('progressbar', { name: 'Comparison progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '150', { timeout: 60_000 });
  await expect(page).toHaveURL(/compare=lstm/);
  for (const cell of ['rnn', 'lstm']) {
    const row = compare.locator(`tr[data-cell="${cell}"]`);
    await expect(row.locator('[data-metric="compare-iteration"]')).toHaveText('150');
    await expect(row.locator('[data-metric="compare-accuracy"]')).toHaveText(/^[01]\.\d{3}$/);
    const chart = compare.locator(`[data-cell="${cell}"] svg[data-chart="compare-grad-by-time"]`);
    await expect(chart).toHaveAttribute('data-points', '26');
  }
  // Accuracy from iteration 0 to the budget, for both cells.
  const acc = compare.locator('svg[data-chart="compare-accuracy"]');
  expect(Number(await acc.getAttribute('data-points'))).toBeGreaterThanOrEqual(2);
  await expect(compare.getByText('‖∂L_T/∂m_t‖ (cell state)')).toBeVisible();
  await expect(compare.locator('[data-metric="kept"]')).toHaveCount(2);
  // The outcome in words, from the numbers above.
  await expect(compare.getByTestId('compare-verdict')).toContainText(
    'After 150 iterations each, symbols from 4 steps back recalled right:',
  );
  await expect(compare.getByTestId('compare-verdict')).toContainText('for the LSTM (chance 25%)');
  await expectNoAxeViolations(page);

  // The long-delay setup changes the lab's task and starts a new comparison (long enough to
  // pause it while it runs).
  await compare.getByLabel('Iterations for each').fill('20000');
  await compare.getByRole('button', { name: 'Compare on delayed copy, k = 15' }).click();
  await expect(page.getByLabel('Delay k')).toHaveValue('15');
  await expect(page).toHaveURL(/delay=15/);
  await expect(compare.getByText(/^Delayed copy, k = 15, T = 40/)).toBeVisible();
  await compare.getByRole('button', { name: 'Pause comparing' }).click();
  await expect(compare.getByRole('button', { name: 'Resume comparing' })).toBeVisible();
});

test('a link with compare=gru opens the lab with the comparison running to its verdict', async ({
  page,
}) => {
  await openLab(page, { compare: 'gru', task: 'parity', hidden: '4', seqLen: '8', tbptt: '8' });
  const compare = page.getByRole('region', {
    name: 'Side by side: a vanilla RNN and another cell',
  });
  await expect(compare.getByLabel('Compare the vanilla RNN with')).toHaveValue('gru');
  const bar = compare.getByRole('progressbar', { name: 'Comparison progress' });
  await expect(bar).toHaveAttribute('aria-valuemax', '3000');
  await expect(bar).toHaveAttribute('aria-valuenow', '3000', { timeout: 60_000 });
  await expect(compare.getByTestId('compare-verdict')).toContainText('for the GRU (chance 50%)');
  await expect(compare.locator('tr[data-cell="gru"] [data-metric="compare-iteration"]')).toHaveText(
    '3000',
  );
});
