import { expect, expectNoAxeViolations, test } from './fixtures';
import { openApp, stepLabel } from './app';

// Stories 2, 3, 4 and 7: fold and unroll; step the forward pass; step the backward pass;
// shared weights light up together.

test.describe('the unrolled graph', () => {
  test('starts folded, unrolls into the chain and folds back', async ({ page }) => {
    await openApp(page);
    const stage = page.getByRole('region', { name: 'Network graph' });
    await expect(stage).toHaveAttribute('data-view', 'folded');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Unroll' }).click();
    await expect(stage).toHaveAttribute('data-view', 'unrolled');
    await expect(page.locator('[data-node="s"][data-t="4"]')).toBeVisible();
    await expect(page.locator('[data-edge="W"]')).toHaveCount(4);
    await expect(page.locator('[data-edge="U"]')).toHaveCount(4);
    await expect(page.locator('[data-edge="V"]')).toHaveCount(4);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Fold' }).click();
    await expect(stage).toHaveAttribute('data-view', 'folded');
  });

  test('the forward pass reveals one step at a time, with its prediction and running loss', async ({
    page,
  }) => {
    await openApp(page, { view: 'unrolled' });
    const s = (t: number) => page.locator(`[data-node="s"][data-t="${t}"]`);
    await expect(s(1)).toHaveAttribute('data-computed', 'false');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(s(1)).toHaveAttribute('data-computed', 'true');
    await expect(s(1)).toHaveAttribute('data-current', 'true');
    await expect(s(2)).toHaveAttribute('data-computed', 'false');
    await expect(page.locator('[data-node="L"][data-t="1"]')).toHaveAttribute(
      'data-computed',
      'true',
    );
    await expect(page.getByRole('region', { name: 'Network graph' })).toContainText(/predicted/);
    const l1 = Number(await page.getByTestId('running-loss').getAttribute('data-value'));
    expect(l1).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(s(2)).toHaveAttribute('data-current', 'true');
    await expect(s(1)).not.toHaveAttribute('data-current', 'true');
    const l2 = Number(await page.getByTestId('running-loss').getAttribute('data-value'));
    expect(l2).toBeGreaterThan(l1);
    // Focus shows the numbers of a node.
    await s(2).focus();
    await expect(page.getByText(/a_?2|a₂/).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the backward pass brings the gradient back, both terms drawn apart', async ({ page }) => {
    await openApp(page, { view: 'unrolled', step: 'f4' });
    await page.keyboard.press('ArrowRight');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'b4');
    const s = (t: number) => page.locator(`[data-node="s"][data-t="${t}"]`);
    await expect(s(4)).toHaveAttribute('data-grad', 'true');
    await expect(s(3)).toHaveAttribute('data-grad', 'false');
    // At t = T only the term from the output exists.
    await expect(page.locator('[data-grad-edge="output"][data-t="4"]')).toBeVisible();
    await expect(page.locator('[data-grad-edge="future"][data-t="4"]')).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(s(3)).toHaveAttribute('data-grad', 'true');
    await expect(page.locator('[data-grad-edge="output"][data-t="3"]')).toBeVisible();
    await expect(page.locator('[data-grad-edge="future"][data-t="3"]')).toBeVisible();
    await expect(page.locator('[data-node="x"][data-t="3"]')).toHaveAttribute('data-grad', 'false');
    await expectNoAxeViolations(page);
  });

  test('hovering or focusing a weight lights up every edge that shares it', async ({ page }) => {
    await openApp(page, { view: 'unrolled' });
    const label = page
      .getByRole('img', { name: 'weight W, shared by every time step' })
      .or(page.getByLabel('weight W, shared by every time step'));
    await label.first().hover();
    await expect(page.locator('[data-edge="W"][data-highlight="true"]')).toHaveCount(4);
    await expect(page.locator('[data-edge="U"][data-highlight="true"]')).toHaveCount(0);
    await page.mouse.move(0, 0);
    await expect(page.locator('[data-edge="W"][data-highlight="true"]')).toHaveCount(0);
    // Keyboard: focusing U's label does the same.
    await page.getByLabel('weight U, shared by every time step').first().focus();
    await expect(page.locator('[data-edge="U"][data-highlight="true"]')).toHaveCount(4);
    // And the mouse over V in an equation of the derivation panel.
    await page.getByRole('region', { name: 'Derivation' }).locator('.uw-w-V').first().hover();
    await expect(page.locator('[data-edge="V"][data-highlight="true"]')).toHaveCount(4);
    await expect(page.locator('[data-param-row="V"]')).toHaveClass(/is-hover/);
  });
});
