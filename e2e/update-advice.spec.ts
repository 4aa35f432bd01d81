import { expect, test } from './fixtures';
import { openApp } from './app';

// Issue 7.11: an update that makes the loss much worse says why, and suggests a smaller α.

test.describe('when the update makes the loss worse', () => {
  test('the derivation says the step was too large and offers a smaller α', async ({ page }) => {
    await openApp(page, {
      text: 'the quick brown fox',
      loss: 'squared-error',
      step: 'update',
      view: 'unrolled',
    });
    const words = (v: number) => v.toLocaleString('en-US', { maximumSignificantDigits: 3 });
    const derivation = page.getByRole('region', { name: 'Derivation' });
    const note = derivation.getByRole('note');
    await expect(note).toBeVisible();
    // The numbers are the app's own: the old and new losses as the weights panel holds them.
    const after = Number(await page.getByTestId('updated-loss').getAttribute('data-value'));
    const before = Number(
      await page.locator('.wp-loss [data-value]').first().getAttribute('data-value'),
    );
    // Several times the old loss (3 or more) is said more strongly.
    expect(after).toBeGreaterThan(3 * before);
    await expect(note).toHaveAttribute('data-advice', 'much-worse');
    await expect(note).toContainText(`is now ${words(after / before)} times what it was`);
    await expect(note).toContainText(`${words(before)} → ${words(after)}`);
    await expect(note).toContainText('only promises a decrease for a small enough step α');
    await expect(note).toContainText('try α = 0.01');
    await expect(
      page.getByRole('region', { name: 'Weights and gradients' }).getByText(/far too large/),
    ).toBeVisible();

    // Taking the advice: α becomes 0.01, the cursor stays at the update, and the loss falls.
    await note.getByRole('button', { name: 'Try α = 0.01' }).click();
    await expect(page.getByLabel('Learning rate α')).toHaveValue('0.01');
    await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'update');
    await expect(derivation.getByRole('note')).toHaveCount(0);
    const lower = Number(await page.getByTestId('updated-loss').getAttribute('data-value'));
    expect(lower).toBeLessThan(before);
  });

  test('says nothing when the step lowered the loss', async ({ page }) => {
    await openApp(page, { text: 'hello', step: 'update' });
    const after = Number(await page.getByTestId('updated-loss').getAttribute('data-value'));
    const before = Number(
      await page.locator('.wp-loss [data-value]').first().getAttribute('data-value'),
    );
    expect(after).toBeLessThan(before);
    await expect(page.getByRole('region', { name: 'Derivation' }).getByRole('note')).toHaveCount(0);
  });
});
