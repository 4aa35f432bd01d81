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
