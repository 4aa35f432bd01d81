import { explore } from '../src/core/explore';
import { expect, expectNoAxeViolations, test, type Page } from './fixtures';
import { expectPanelNumbers, openApp, stepLabel } from './app';

// Gated cells, story 2: a GRU's derivation at b2, with numbers that are the core's (computed
// here from the same text, seed and cell), and the cell chosen in the settings.

const panel = (page: Page) => page.getByRole('region', { name: 'Derivation' });

test('a GRU chosen in the settings: its derivation at b2 has the core’s gate gradients', async ({
  page,
}) => {
  await openApp(page, { text: 'hello', step: 'b2' });
  await page.getByRole('combobox', { name: 'Cell', exact: true }).selectOption('gru');
  await expect(page).toHaveURL(/cell=gru/);
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b2');
  await expect(panel(page)).toContainText('four paths');

  const res = explore({
    kind: 'text',
    text: 'hello',
    hidden: 3,
    activation: 'tanh',
    loss: 'cross-entropy',
    seed: 1,
    lr: 0.1,
    cell: 'gru',
  });
  if (!res.ok) throw new Error(res.error);
  const tr = res.value.trace;
  const g = tr.gated;
  if (g?.cell !== 'gru') throw new Error('not a GRU');
  const H = tr.H;
  const row = (a: Float64Array, t: number, w = H) => Array.from(a.subarray((t - 1) * w, t * w));
  await expectPanelNumbers(page, [
    ...row(tr.dL_ds, 2),
    ...row(tr.dL_da, 2, 3 * H), // ∂L/∂a_r, ∂L/∂a_z, ∂L/∂a_n at t = 2
    ...row(g.dL_dsprev_direct, 2),
    ...row(g.dL_dsprev_n, 2),
    ...row(tr.dL_ds_next, 1), // their sum: what s_1 gets from the future
  ]);
  await expectNoAxeViolations(page); // the whole page (see gated-lstm.spec.ts)
});
