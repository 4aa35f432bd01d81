import { expect, expectNoAxeViolations, test, type Page } from './fixtures';
import { exampleScenario as sc, exampleTrace as tr, openApp, sig3 } from './app';

// Story 6: the derivation panel writes each equation, then the same equation with this step's
// numbers, and those numbers are the core's trace (checked against the spec's worked example).

const panel = (page: Page) => page.getByRole('region', { name: 'Derivation' });

/** The panel's text with KaTeX's minus signs made ASCII. */
async function panelText(page: Page) {
  return ((await panel(page).textContent()) ?? '').replaceAll('−', '-');
}

/** Waits until the panel shows every value to 3 significant digits (it may lag the cursor). */
async function expectNumbers(page: Page, values: number[]) {
  await expect(panel(page)).toBeVisible();
  const missing = async () => {
    const text = await panelText(page);
    return values.map(sig3).filter((v) => !text.includes(v));
  };
  await expect.poll(missing, { message: 'numbers missing from the panel' }).toEqual([]);
}

// V^T dL/do_t and W^T dL/da_{t+1}, from the fixture (the spec gives their sum, dL/ds_t).
function fromOutput(t: number): number[] {
  const H = sc.params.W.length;
  const K = sc.params.V.length;
  return Array.from({ length: H }, (_, i) =>
    Array.from({ length: K }, (_, k) => sc.params.V[k][i] * tr.dL_do[t - 1][k]).reduce(
      (a, b) => a + b,
    ),
  );
}

test.describe('the derivation panel', () => {
  test('forward step f2: a_2, s_2, o_2, yhat_2 and L_2 with the trace’s numbers', async ({
    page,
  }) => {
    await openApp(page, { preset: 'worked-example', step: 'f2' });
    await expect(panel(page)).toContainText('t = 2');
    await expectNumbers(page, [...tr.a[1], ...tr.s[1], ...tr.o[1], ...tr.yhat[1], tr.losses[1]]);
    // The general equation is there too, with the weights' symbols.
    await expect(panel(page).locator('.katex').first()).toBeVisible();
  });

  test('backward step b2: both terms of dL/ds_2, then dL/da_2', async ({ page }) => {
    await openApp(page, { preset: 'worked-example', step: 'b2' });
    const out = fromOutput(2);
    const future = tr.dL_ds[1].map((v: number, i: number) => v - out[i]);
    await expectNumbers(page, [...tr.dL_do[1], ...out, ...future, ...tr.dL_ds[1], ...tr.dL_da[1]]);
    await expect(panel(page)).toContainText('from the future');
    await expectNoAxeViolations(page);
  });

  test('b3 says there is no future at t = T; b1 gives dL/ds_0 and the full gradients', async ({
    page,
  }) => {
    await openApp(page, { preset: 'worked-example', step: 'b3' });
    await expect(panel(page)).toContainText('no future');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'b1');
    await expectNumbers(page, [...tr.grads.s0, ...tr.grads.b, ...tr.grads.c, ...tr.grads.W.flat()]);
  });

  test('update: θ ← θ − α∇ with the new loss', async ({ page }) => {
    await openApp(page, { preset: 'worked-example', step: 'update', lr: '0.1' });
    const W00 = sc.params.W[0][0] - 0.1 * tr.grads.W[0][0];
    await expectNumbers(page, [W00, tr.loss]);
    const updated = page.getByTestId('updated-loss');
    const newLoss = Number(await updated.getAttribute('data-value'));
    expect(newLoss).toBeLessThan(tr.loss);
    await expectNumbers(page, [newLoss]);
  });
});
