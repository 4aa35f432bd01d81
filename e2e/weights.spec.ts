import { expect, test, type Page } from './fixtures';
import { exampleScenario as sc, exampleTrace as tr, expectClose, openApp } from './app';

// Story 5: the weight gradients accumulate one backward step at a time; update applies them.

async function tableValues(page: Page, name: string): Promise<number[]> {
  const table = page.getByRole('table', { name });
  await expect(table).toBeVisible();
  return table
    .locator('td[title]')
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('title'))));
}

test.describe('weights and their gradients', () => {
  test('dW grows from the share of t = 3 to the full gradient at b1', async ({ page }) => {
    await openApp(page, { preset: 'worked-example', step: 'b3' });
    const weights = page.getByRole('region', { name: 'Weights and gradients' });
    await weights.getByRole('button', { name: 'Show numbers' }).click();
    // At b3 the sum has one term: dL/da_3 s_2^T.
    const at3 = await tableValues(page, '∂L/∂W, t ≥ 3');
    const expected3 = tr.dL_da[2].flatMap((d: number) => tr.s[1].map((s: number) => d * s));
    at3.forEach((v, i) => expectClose(v, expected3[i], 1e-12));
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    const full = await tableValues(page, '∂L/∂W, all t');
    full.forEach((v, i) => expectClose(v, tr.grads.W.flat()[i]));
    const dU = await tableValues(page, '∂L/∂U, all t');
    dU.forEach((v, i) => expectClose(v, tr.grads.U.flat()[i]));
  });

  test('update shows the new weights θ − α∇θ and the new loss', async ({ page }) => {
    await openApp(page, { preset: 'worked-example', step: 'update', lr: '0.5' });
    const weights = page.getByRole('region', { name: 'Weights and gradients' });
    await weights.getByRole('button', { name: 'Show numbers' }).click();
    const after = await tableValues(page, 'V after');
    const expected = sc.params.V.flat().map(
      (v: number, i: number) => v - 0.5 * tr.grads.V.flat()[i],
    );
    after.forEach((v, i) => expectClose(v, expected[i], 1e-12));
    const newLoss = Number(await page.getByTestId('updated-loss').getAttribute('data-value'));
    expect(newLoss).toBeLessThan(tr.loss);
  });
});
