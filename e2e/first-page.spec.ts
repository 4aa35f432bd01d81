import { expect, expectNoAxeViolations, test } from './fixtures';
import { exampleTrace, expectClose, openApp } from './app';

test.describe('the first page', () => {
  test('runs the worked example in the worker and shows its loss and the shapes of U, W, V', async ({
    page,
  }) => {
    await openApp(page, { preset: 'worked-example', step: 'f3' });
    const loss = page.getByTestId('running-loss');
    await expect(loss).toHaveAttribute('data-value', /\d/);
    expectClose(Number(await loss.getAttribute('data-value')), exampleTrace.loss);
    await expect(loss).toContainText('2.7');
    // The shapes: U is H x D = 2 x 3, W is 2 x 2, V is K x H = 3 x 2.
    const weights = page.getByRole('region', { name: /Weights/ });
    await expect(weights).toContainText('U (2 × 3)');
    await expect(weights).toContainText('W (2 × 2)');
    await expect(weights).toContainText('V (3 × 2)');
    await expectNoAxeViolations(page);
  });
});
