import { expect, expectNoAxeViolations, test, type Page } from './fixtures';
import { openApp, stepLabel } from './app';

// Keyboard alone can do everything: unroll, step, read a node's numbers, reach the transport.

async function tabUntil(page: Page, name: RegExp, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
    });
    if (name.test(label)) return i;
  }
  throw new Error(`no focusable element named ${name} within ${max} tabs`);
}

test.describe('keyboard alone', () => {
  test('unrolls, steps, reads a node and reaches the transport', async ({ page }) => {
    await openApp(page, { text: 'a quick brown fox jumps over the dog' }); // T = 35
    await tabUntil(page, /^Unroll$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Network graph' })).toHaveAttribute(
      'data-view',
      'unrolled',
    );
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f2');
    // Only the current column's nodes are tab stops, so the step at hand is a few tabs away.
    const tabs = await tabUntil(page, /^hidden state s_2$/);
    expect(tabs).toBeLessThan(20);
    await expect(page.locator(':focus')).toHaveAttribute('data-current', 'true');
    await expect(page.getByRole('tooltip')).toBeVisible();
    await tabUntil(page, /Step forward/);
    await page.keyboard.press('Enter');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f3');
  });

  test('after a mouse click, Space plays; on a button reached by Tab, Space presses it', async ({
    page,
  }) => {
    await openApp(page, { text: 'a quick brown fox jumps over the dog' }); // T = 35
    const graph = page.getByRole('region', { name: 'Network graph' });
    const play = page.getByRole('button', { name: 'Play' });
    const pause = page.getByRole('button', { name: 'Pause' });
    // A presenter unrolls with the mouse, then presses Space: it plays, the view stays unrolled.
    await page.getByRole('button', { name: 'Unroll' }).click();
    await expect(graph).toHaveAttribute('data-view', 'unrolled');
    await page.keyboard.press(' ');
    await expect(pause).toBeVisible();
    await expect(graph).toHaveAttribute('data-view', 'unrolled');
    await page.keyboard.press(' ');
    await expect(play).toBeVisible();
    await expect(graph).toHaveAttribute('data-view', 'unrolled');
    await expect(page.getByRole('button', { name: 'Fold' })).toBeVisible();

    // Clicking Step forward, then Space: it plays rather than steps.
    const forward = page.getByRole('button', { name: 'Step forward' });
    await forward.click();
    await page.keyboard.press(' ');
    await expect(pause).toBeVisible();
    await page.keyboard.press(' ');
    await expect(play).toBeVisible();

    // Reached with the keyboard, the button keeps Space: it steps once and does not play.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(forward).toBeFocused();
    const before = await stepLabel(page).getAttribute('data-step');
    const k = Number(/^f(\d+)$/.exec(before ?? '')?.[1]);
    expect(k).toBeGreaterThan(0);
    await page.keyboard.press(' ');
    await expect(stepLabel(page)).toHaveAttribute('data-step', `f${k + 1}`);
    await expect(play).toBeVisible();
  });

  test('reduced motion: transitions are instant, and the page passes axe in dark theme', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
    await openApp(page, { view: 'unrolled', step: 'b2' });
    const dur = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--dur').trim(),
    );
    expect(dur).toMatch(/^0m?s$/);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(page);
  });
});
