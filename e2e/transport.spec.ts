import { expect, test } from './fixtures';
import { openApp, stepLabel } from './app';

// Story 8: play it at a chosen speed, step back, jump, drag the timeline over all 2T + 2 positions.
test.describe('the transport', () => {
  test('buttons step through 0, f1..fT, bT..b1, update', async ({ page }) => {
    await openApp(page, { text: 'abc' }); // T = 2
    const forward = page.getByRole('button', { name: 'Step forward' });
    const labels = ['f1', 'f2', 'b2', 'b1', 'update'];
    await expect(stepLabel(page)).toHaveAttribute('data-step', '0');
    for (const l of labels) {
      await forward.click();
      await expect(stepLabel(page)).toHaveAttribute('data-step', l);
    }
    await expect(forward).toBeDisabled();
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'b1');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', '0');
    await page.getByRole('button', { name: 'Go to end' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'update');
  });

  test('keys: arrows, clicker PageDown/PageUp, Home, End, Space', async ({ page }) => {
    await openApp(page, { text: 'abcd' }); // T = 3
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('ArrowRight');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f1');
    await page.keyboard.press('PageDown');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f2');
    await page.keyboard.press('PageUp');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f1');
    await page.keyboard.press('ArrowLeft');
    await expect(stepLabel(page)).toHaveAttribute('data-step', '0');
    await page.keyboard.press('End');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'update');
    await page.keyboard.press('Home');
    await expect(stepLabel(page)).toHaveAttribute('data-step', '0');
    // Space plays; the toggle's name says what a press does next. How far it gets before the
    // second Space depends on the machine's load, so only the direction is checked.
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(stepLabel(page)).not.toHaveAttribute('data-step', '0');
    await page.keyboard.press(' ');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(stepLabel(page)).toHaveAttribute('data-step', /^(f[1-3]|b[1-3]|update)$/);
  });

  test('keys do not act while typing in a text field', async ({ page }) => {
    await openApp(page);
    const seq = page.getByLabel('Sequence');
    await seq.click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press(' ');
    await expect(stepLabel(page)).toHaveAttribute('data-step', '0');
    await expect(seq).toHaveValue('hell o');
  });

  test('play runs to the end and stops; the timeline reaches every position', async ({ page }) => {
    await openApp(page, { text: 'ab', speed: '4' }); // T = 1: 0, f1, b1, update
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'update');
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await expect(timeline).toHaveAttribute('max', '3');
    await timeline.fill('2');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'b1');
    await timeline.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f1');
    await expect(timeline).toHaveAttribute('aria-valuetext', 'Forward, t = 1');
  });

  test('the live region says each step in words', async ({ page }) => {
    await openApp(page, { text: 'hello', step: 'b3' });
    await expect(page.getByRole('status').filter({ hasText: 'Backward pass' })).toHaveText(
      /Backward pass, t = 3: gradient reaches s_3 from o_3 and from s_4/,
    );
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(page.getByTestId('announcer')).toHaveText(/from o_4 only \(no future step\)/);
  });
});
