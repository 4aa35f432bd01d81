import { expect, test } from './fixtures';
import { openApp } from './app';
import { CHOICES } from '../src/core/model';

const { hidden: HIDDEN, text: TEXT } = CHOICES;

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

test.describe('the settings’ fields say what they take', () => {
  test('Hidden size can be cleared and retyped, and says its range', async ({ page }) => {
    await openApp(page);
    const hidden = page.getByLabel('Hidden size');
    const range = `Hidden size is a whole number from ${HIDDEN.min} to ${HIDDEN.max}`;
    await hidden.click();
    await hidden.press('End');
    await hidden.press('Backspace');
    await expect(hidden).toHaveValue('');
    await expect(page.getByText(`${range}.`)).toBeVisible();
    await page.keyboard.type('8');
    await expect(hidden).toHaveValue('8');
    await expect(page).toHaveURL(/hidden=8/);
    await expect(page.getByText(range)).toBeHidden();
    for (const bad of ['0', '-1', String(HIDDEN.max + 1), '99']) {
      await hidden.fill(bad);
      await expect(page.getByText(`${range}: ${bad} is out of range.`)).toBeVisible();
      await expect(hidden).toHaveAttribute('aria-invalid', 'true');
    }
    await expect(page).toHaveURL(/hidden=8/);
    // Leaving the field shows the value in use again.
    await hidden.blur();
    await expect(hidden).toHaveValue('8');
    await expect(page.getByText(range)).toBeHidden();
  });

  test('a long sequence says how much of it is used; one step is singular', async ({ page }) => {
    await openApp(page, { view: 'unrolled' });
    const field = page.getByLabel('Sequence');
    await field.fill('ab');
    await expect(page.getByText('1 time step: each character predicts the next.')).toBeVisible();
    await field.fill('abcdefghij'.repeat(30));
    const used = TEXT.maxLength;
    await expect(
      page.getByText(
        `300 characters: only the first ${used} are used (${used - 1} time steps, the most here).`,
      ),
    ).toBeVisible();
    await expect(
      page.getByRole('group', { name: `The network unrolled over ${used - 1} time steps` }),
    ).toBeVisible();
  });

  test('an emoji is one symbol, or refused with the reason', async ({ page }) => {
    await openApp(page, { view: 'unrolled' });
    const field = page.getByLabel('Sequence');
    // A heart with its emoji presentation selector is two code points: refused, saying so.
    await field.fill('hi❤️');
    await expect(page.getByText('is one character on screen but 2 symbols')).toBeVisible();
    await expect(page.locator('[data-node="x"]')).toHaveCount(4); // "hello" stays
    // A one-code-point emoji: one symbol (2 steps for three characters), unless this browser
    // has no font to draw it, which it then says instead of drawing empty boxes.
    await field.fill('a😀b');
    const oneSymbol = page.getByText('2 time steps: each character predicts the next.');
    const noFont = page.getByText('This browser has no font that draws “😀” (U+1F600)');
    await expect(oneSymbol.or(noFont)).toBeVisible();
    if (await oneSymbol.isVisible()) await expect(page.locator('[data-node="x"]')).toHaveCount(2);
    else await expect(page.locator('[data-node="x"]')).toHaveCount(4);
  });
});
