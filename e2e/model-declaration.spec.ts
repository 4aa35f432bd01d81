import { explore } from '../src/core/explore';
import { expect, test } from './fixtures';
import { openApp, stepLabel } from './app';

// The model is declared once (src/core/model.ts): an activation added as one entry there, and
// the second notation, reach the settings, the URL, the equations, the graph and the words.

test.describe('one declaration of the model', () => {
  test('a new activation (softsign) reaches the settings, the URL, the equations and the graph', async ({
    page,
  }) => {
    await openApp(page, { act: 'softsign', view: 'unrolled', step: 'f1' });
    const act = page.getByLabel('Activation');
    await expect(act).toHaveValue('softsign');
    await expect(act.locator('option:checked')).toHaveText('softsign');
    await expect(page.getByRole('region', { name: 'Derivation' })).toContainText('softsign');

    // The graph's s_1 holds softsign(a_1), as the core computes it in Node.
    const res = explore({
      kind: 'text',
      text: 'hello',
      hidden: 3,
      activation: 'softsign',
      loss: 'cross-entropy',
      seed: 1,
      lr: 0.1,
    });
    if (!res.ok) throw new Error(res.error);
    const s1 = Array.from(res.value.trace.s.subarray(0, 3));
    expect(
      s1.every((v, i) => v === res.value.trace.a[i] / (1 + Math.abs(res.value.trace.a[i]))),
    ).toBe(true);
    await page.locator('[data-node="s"][data-t="1"]').focus();
    const shown = await page
      .getByRole('tooltip')
      .locator('td.num')
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('title'))));
    for (const v of s1) expect(shown).toContain(v);

    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f2');
    await expect(page).toHaveURL(/act=softsign/);
  });

  test('notation=wxh applies to the derivation, the live region and the URL; data-edge keeps U, W, V', async ({
    page,
  }) => {
    await openApp(page, { view: 'unrolled', step: 'b3' });
    await page.getByLabel('Notation').selectOption('wxh');
    await expect(page).toHaveURL(/notation=wxh/);
    await expect(page.getByTestId('announcer')).toHaveText(
      /gradient reaches h_3 from o_3 and from h_4/,
    );
    const tex = page.getByRole('region', { name: 'Derivation' }).locator('annotation');
    await expect(tex.filter({ hasText: 'W_{hh}' }).first()).toBeAttached();
    await expect(tex.filter({ hasText: '\\mathbf{h}_{' }).first()).toBeAttached();
    await expect(page.locator('[data-edge="W"]').first()).toBeAttached();
    // The graph names nodes and weights in the notation; data-node keeps s.
    await expect(page.getByRole('img', { name: 'hidden state h_3' })).toHaveAttribute(
      'data-node',
      's',
    );
    await expect(page.getByRole('img', { name: /^weight W_hh,/ }).first()).toBeAttached();
    await expect(page.getByRole('group', { name: 'Legend' })).toContainText('W_hh');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'b3');

    await page.reload();
    await expect(page.getByLabel('Notation')).toHaveValue('wxh');
    await expect(page.getByTestId('announcer')).toHaveText(/h_3/);
  });
});
