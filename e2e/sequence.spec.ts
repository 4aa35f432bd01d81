import { expect, test } from './fixtures';
import { openApp } from './app';

// Story 1: type a sequence; the app builds the vocabulary, one-hot inputs and next-character
// targets, initialises the weights from the seed and the worker computes the trace.

test.describe('the student’s own sequence', () => {
  test('typing a sequence rebuilds the chain, its inputs and targets', async ({ page }) => {
    await openApp(page, { view: 'unrolled' });
    await expect(page.locator('[data-node="s"]')).toHaveCount(5); // s_0 … s_4 for "hello"
    await page.getByLabel('Sequence').fill('abcab');
    await expect(page.locator('[data-node="x"]')).toHaveCount(4);
    await expect(page.getByText('4 time steps: each character predicts the next.')).toBeVisible();
    await page.getByLabel('Sequence').fill('a');
    await expect(page.getByText('Type at least two characters')).toBeVisible();
    await expect(page.locator('[data-node="x"]')).toHaveCount(4); // the last good sequence stays
  });

  test('the seed fixes the weights; New weights draws another seed', async ({ page }) => {
    await openApp(page, { step: 'f4', seed: '7' });
    const loss = page.getByTestId('running-loss');
    const first = await loss.getAttribute('data-value');
    await page.getByRole('button', { name: 'New weights' }).click();
    await expect(page.getByLabel('Seed')).not.toHaveValue('7');
    await expect(loss).not.toHaveAttribute('data-value', first!);
    await page.getByLabel('Seed').fill('7');
    await expect(loss).toHaveAttribute('data-value', first!);
  });

  test('hidden size, activation and loss recompute the trace', async ({ page }) => {
    await openApp(page, { step: 'f4', view: 'unrolled' });
    const loss = page.getByTestId('running-loss');
    const values = new Set([await loss.getAttribute('data-value')]);
    await page.getByLabel('Hidden size').fill('5');
    await expect(page).toHaveURL(/hidden=5/);
    await expect(loss).not.toHaveAttribute('data-value', [...values][0]!);
    values.add(await loss.getAttribute('data-value'));
    await page.getByLabel('Activation').selectOption('relu');
    await expect(page).toHaveURL(/act=relu/);
    await page.getByRole('combobox', { name: 'Loss', exact: true }).selectOption('squared-error');
    await expect(page).toHaveURL(/loss=squared-error/);
    await expect(page.getByTestId('announcer')).toHaveText(/Forward pass, t = 4/);
    values.add(await loss.getAttribute('data-value'));
    expect(values.size).toBe(3);
  });
});
