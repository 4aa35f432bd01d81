import { expect, expectNoAxeViolations, test, type Page } from './fixtures';
import { openApp, stepLabel } from './app';

// Gated cells, story 1: an LSTM stepped forward and backward with the keys alone. Its cell
// state m_t is a row of nodes above s_t; in the backward pass the gradient reaches m_T first
// and runs back along the cell state to m_1, drawn apart from the gradient through s.

const m = (page: Page, t: number) => page.locator(`[data-node="m"][data-t="${t}"]`).first();

test('an LSTM steps forward and backward with the keys; ∂L/∂m arrives from T down to 1', async ({
  page,
}) => {
  await openApp(page, { text: 'hello', cell: 'lstm', view: 'unrolled' }); // T = 4
  await expect(page.getByRole('combobox', { name: 'Cell', exact: true })).toHaveValue('lstm');
  // Cell states m_0 … m_4, named in words; before the forward pass only m_0 is known.
  await expect(page.locator('[data-node="m"]')).toHaveCount(5);
  await expect(m(page, 3)).toHaveAttribute('aria-label', 'cell state m_3');
  await expect(m(page, 0)).toHaveAttribute('data-computed', 'true');
  await expect(m(page, 1)).toHaveAttribute('data-computed', 'false');
  // Each step shows its gates, and the activation is fixed.
  await expect(page.locator('[data-gates]')).toHaveCount(4);
  await expect(page.getByRole('combobox', { name: 'Activation', exact: true })).toBeDisabled();

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let t = 1; t <= 4; t++) {
    await page.keyboard.press('ArrowRight');
    await expect(stepLabel(page)).toHaveAttribute('data-step', `f${t}`);
    await expect(m(page, t)).toHaveAttribute('data-computed', 'true');
    if (t < 4) await expect(m(page, t + 1)).toHaveAttribute('data-computed', 'false');
  }
  await expect(page.getByTestId('announcer')).toContainText('cell state m_4');

  // Backward: at bT … b1 the gradient at m_t is known for t ≥ the cursor's step only.
  for (let t = 4; t >= 1; t--) {
    await page.keyboard.press('PageDown');
    await expect(stepLabel(page)).toHaveAttribute('data-step', `b${t}`);
    await expect(m(page, t)).toHaveAttribute('data-grad', 'true');
    if (t > 1) await expect(m(page, t - 1)).toHaveAttribute('data-grad', 'false');
    // The gradient along m into m_t (from m_{t+1}) is its own arrow, apart from the one via s.
    if (t < 4)
      await expect(page.locator(`[data-grad-edge="cell"][data-t="${t}"]`).first()).toHaveAttribute(
        'data-flowing',
        'true',
      );
  }
  await expect(m(page, 0)).toHaveAttribute('data-grad', 'true');
  await expect(page.getByTestId('announcer')).toContainText('m_1 from m_2 through f_2');
  // The derivation has the two terms of ∂L/∂m_1.
  await expect(page.getByRole('region', { name: 'Derivation' })).toContainText(
    'Gradient at the cell state, t = 1',
  );
  await page.keyboard.press('ArrowLeft');
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b2');
  await expect(m(page, 1)).toHaveAttribute('data-grad', 'false');
});

test('the unrolled LSTM at b2 is axe clean, the whole page', async ({ page }) => {
  await openApp(page, { text: 'hello', cell: 'lstm', view: 'unrolled', step: 'b2' });
  await expect(page.getByRole('region', { name: 'Derivation' })).toContainText(
    'Gradient at the cell state, t = 2',
  );
  // The whole page: about 14,000 elements with the LSTM's stacked matrices, some 13 s of axe on
  // a quiet machine, within the test's 60 s.
  await expectNoAxeViolations(page);
});

test('the folded LSTM opens into its gates, and the wxh notation names the cell state c_t', async ({
  page,
}) => {
  await openApp(page, { text: 'hello', cell: 'lstm', notation: 'wxh', step: 'f2' });
  const graph = page.getByRole('region', { name: 'Network graph' });
  await expect(graph).toHaveAttribute('data-view', 'folded');
  await expect(graph.getByRole('group', { name: /LSTM, opened into its gates/ })).toBeVisible();
  await expect(graph.locator('.gs-gate-letter')).toHaveText(['i', 'f', 'g', 'q']);
  await expect(graph.locator('[data-node="m"]').first()).toHaveAttribute(
    'aria-label',
    'cell state c_2',
  );
  await expectNoAxeViolations(page);
});
