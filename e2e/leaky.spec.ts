import { explore } from '../src/core/explore';
import { expect, expectNoAxeViolations, test, type Page } from './fixtures';
import { expectPanelNumbers, openApp, stepLabel } from './app';
import { metric, openLab, trainSteps } from './lab';

// Leaky units (issue 16): the vanilla cell keeping a share κ of its old state, chosen in the
// settings with one keep rate per unit, stepped with the keys alone, the kept share drawn as
// its own path with its own gradient arrow, and the derivation's new terms with the core's
// numbers (computed here from the same text, seed and rates).

const panel = (page: Page) => page.getByRole('region', { name: 'Derivation' });
const KEEP = [0.9, 0.5, 0];

function coreTrace() {
  const res = explore({
    kind: 'text',
    text: 'hello',
    hidden: 3,
    activation: 'tanh',
    loss: 'cross-entropy',
    seed: 1,
    lr: 0.1,
    cell: 'leaky',
    keep: KEEP,
  });
  if (!res.ok) throw new Error(res.error);
  return res.value.trace;
}

test('leaky units chosen in the settings step with the keys; the kept share carries its own gradient', async ({
  page,
}) => {
  await openApp(page, { text: 'hello', view: 'unrolled' }); // T = 4
  await page.getByRole('combobox', { name: 'Cell', exact: true }).selectOption('leaky');
  const keep = page.getByRole('textbox', { name: 'Keep rate κ' });
  await expect(keep).toHaveValue('0.5');
  await keep.fill('0.9, 0.5, 0');
  await expect(page).toHaveURL(/cell=leaky/);
  await expect(page).toHaveURL(/keep=0\.9%2C0\.5%2C0/);
  // One kept path per step, s_{t-1} → s_t, with κ beside it.
  await expect(page.locator('.gs-cellconn')).toHaveCount(4);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let t = 1; t <= 4; t++) {
    await page.keyboard.press('ArrowRight');
    await expect(stepLabel(page)).toHaveAttribute('data-step', `f${t}`);
  }
  for (let t = 4; t >= 1; t--) {
    await page.keyboard.press('PageDown');
    await expect(stepLabel(page)).toHaveAttribute('data-step', `b${t}`);
    // The gradient into s_t along the kept share (κ ⊙ ∂L/∂s_{t+1}) is its own arrow, flowing
    // once ∂L/∂s_t is known.
    if (t < 4)
      await expect(page.locator(`[data-grad-edge="kept"][data-t="${t}"]`).first()).toHaveAttribute(
        'data-flowing',
        'true',
      );
  }
  await expect(page.locator('[data-node="s"][data-t="0"]').first()).toHaveAttribute(
    'data-grad',
    'true',
  );
});

test('the derivation at b2 writes the kept path and the step’s Jacobian with the core’s numbers', async ({
  page,
}) => {
  await openApp(page, { text: 'hello', cell: 'leaky', keep: KEEP.join(','), step: 'b2' });
  await expect(panel(page)).toContainText('from the future, kept');
  await expect(panel(page)).toContainText('How one step back scales the gradient');
  const tr = coreTrace();
  const lk = tr.leaky!;
  const H = tr.H;
  const row = (a: Float64Array, t: number) => Array.from(a.subarray((t - 1) * H, t * H));
  await expectPanelNumbers(page, [
    ...row(tr.dL_ds, 2),
    ...row(tr.dL_da, 2),
    ...row(lk.dL_ds_next_W, 2),
    ...row(lk.dL_ds_next_kept, 2),
  ]);
  await expectNoAxeViolations(page);
});

test('keep rates that fit no network are refused with the reason', async ({ page }) => {
  await openApp(page, { text: 'hello', cell: 'leaky', keep: '0.9,0.5' }); // H = 3
  await expect(page.getByText(/gives 2 rates for 3 hidden units/)).toBeVisible();
  const keep = page.getByRole('textbox', { name: 'Keep rate κ' });
  await expect(keep).toHaveValue('0.5');
  await keep.fill('1');
  await expect(page.getByText(/a unit that kept all of its state would never read/)).toBeVisible();
  await expect(keep).toHaveAttribute('aria-invalid', 'true');
  await expect(page).not.toHaveURL(/keep=1/);
});

test('leaky units train in the lab and open in the explorer with their keep rates', async ({
  page,
}) => {
  await openLab(page, { cell: 'leaky', keep: '0.8', task: 'copy', delay: '2', hidden: '4' });
  await expect(page.getByLabel('Cell', { exact: true })).toHaveValue('leaky');
  await expect(page.getByRole('textbox', { name: 'Keep rate κ' })).toHaveValue('0.8');
  await trainSteps(page, 30);
  await page.getByRole('button', { name: 'Check gradients' }).click();
  await expect(metric(page, 'gradcheck')).toHaveText(/e-/);
  await page.getByRole('button', { name: 'Explore these weights' }).click();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Cell', exact: true })).toHaveValue('leaky');
  await expect(page.getByRole('textbox', { name: 'Keep rate κ' })).toHaveValue('0.8');
});
