import { expect, expectNoAxeViolations, test } from './fixtures';
import { metric, metricValue, openLab, trainSteps } from './lab';

test('the gradient check on the trained weights shows a small error and says why', async ({
  page,
}) => {
  await openLab(page, { hidden: '8', task: 'parity', seqLen: '12', tbptt: '12' });
  await trainSteps(page, 20);
  await page.getByRole('button', { name: 'Check gradients' }).click();
  await expect(metric(page, 'gradcheck')).toHaveText(/e-/);
  expect(await metricValue(page, 'gradcheck')).toBeLessThan(1e-6);
  // It used to promise "about 1e-7 or less"; it now gives rounding's size, u·|L|/ε, and the verdict.
  await expect(page.getByText(/rounding alone: about \d\.\de-\d+/)).toBeVisible();
  await expect(page.getByText(/u·\|L\|\/ε.*the gradients are right\./)).toBeVisible();
});

test('the lab URL reopens the same settings', async ({ page }) => {
  const settings = {
    task: 'parity',
    hidden: '64',
    opt: 'adam',
    lr: '0.01',
    clip: 'norm',
    clipAt: '2',
    tbptt: '10',
    seqLen: '30',
    seed: '7',
  };
  await openLab(page, settings);
  await expect(page.getByLabel('Task')).toHaveValue('parity');
  await expect(page.getByLabel('Hidden size')).toHaveValue('64');
  await expect(page.getByLabel('Optimizer')).toHaveValue('adam');
  // A change made on the page goes into the URL; reloading it gives the same page.
  await page.getByLabel('Learning rate α').fill('0.02');
  await page.getByLabel('Activation').selectOption('relu');
  await expect(page).toHaveURL(/act=relu/);
  await expect(page).toHaveURL(/lr=0\.02/);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Training' })).toBeVisible();
  const want: Record<string, string> = {
    Task: 'parity',
    'Hidden size': '64',
    Activation: 'relu',
    Optimizer: 'adam',
    'Learning rate α': '0.02',
    'Gradient clipping': 'norm',
    'Clipping threshold': '2',
    'Truncation length (steps per update)': '10',
    'Sequence length T': '30',
    Seed: '7',
  };
  for (const [label, value] of Object.entries(want))
    await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
  // An out-of-range value falls back to its default with a notice.
  await page.goto('/?page=lab&hidden=500');
  await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
    '“hidden=500” is not valid; using 32.',
  );
  await expect(page.getByLabel('Hidden size')).toHaveValue('32');
});

test('the header links switch between the explorer and the lab', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Pages' });
  await nav.getByRole('link', { name: 'Training lab' }).click();
  await expect(page.getByRole('region', { name: 'Training' })).toBeVisible();
  await expect(page).toHaveURL(/page=lab/);
  await expect(nav.getByRole('link', { name: 'Training lab' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await nav.getByRole('link', { name: 'Explorer' }).click();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expect(page).not.toHaveURL(/page=lab/);
});

test('from the lab, Lesson opens the lesson on the explorer; Share and Download are the explorer’s', async ({
  page,
}) => {
  await openLab(page);
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download…' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Lesson' }).click();
  await expect(page.getByRole('region', { name: 'Lesson' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Training' })).toBeHidden();
  await expect(page).not.toHaveURL(/page=lab/);
  await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
});

test('Explore these weights opens the explorer on a training sequence with the trained weights', async ({
  page,
}) => {
  await openLab(page, { hidden: '32' });
  const explore = page.getByRole('button', { name: 'Explore these weights' });
  await expect(explore).toBeDisabled();
  await expect(page.getByText('this run has 32 hidden units (it shows at most 16)')).toBeVisible();
  await page.getByLabel('Hidden size').fill('4');
  await expect(explore).toBeEnabled();
  await trainSteps(page, 30);
  await explore.click();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Training' })).toBeHidden();
  await expect(
    page.getByText('Weights and data from weights from the training lab.'),
  ).toBeVisible();
  // The first window of the text: 25 steps, in the unrolled chain.
  await page.getByRole('button', { name: 'Unroll' }).click();
  await expect(page.locator('[data-node="s"][data-t="25"]')).toHaveCount(1);
  await expect(page.locator('[data-node="s"][data-t="26"]')).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const)
  test(`the lab passes axe in the ${theme} theme, training and after a blow-up`, async ({
    page,
  }) => {
    await openLab(page, { theme, task: 'sine', opt: 'sgd', lr: '50', clip: 'off' });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByRole('button', { name: 'Check gradients' }).click();
    await expect(metric(page, 'gradcheck')).toBeVisible();
    await expectNoAxeViolations(page);
  });
