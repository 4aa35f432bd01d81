import { expect, test } from './fixtures';
import { openApp, stepLabel } from './app';

// Issue 7.10: a line of the derivation is either whole in its panel or says that it scrolls.

test.describe('wide equations', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('at update with H = 3 every line fits its panel, or says it scrolls', async ({ page }) => {
    await openApp(page, { hidden: '3', step: 'update', view: 'unrolled' });
    const derivation = page.getByRole('region', { name: 'Derivation' });
    await expect(derivation.locator('[data-block="update-U"] .katex-display')).toHaveCount(2);
    const lines = await derivation.locator('.eq-scroll').evaluateAll((els) =>
      els.map((el) => ({
        block: el.closest('[data-block]')?.getAttribute('data-block'),
        fits: el.scrollWidth <= el.clientWidth,
        says:
          el.getAttribute('role') === 'group' &&
          /scrolls sideways/.test(el.getAttribute('aria-label') ?? '') &&
          el.hasAttribute('data-more-right'),
      })),
    );
    expect(lines.length).toBeGreaterThanOrEqual(12);
    for (const l of lines) expect(l.fits || l.says, `${l.block}`).toBe(true);
    // The updates themselves are laid out one matrix per row: whole, without scrolling.
    for (const l of lines.filter((l) => l.block?.startsWith('update-')))
      expect(l.fits, `${l.block}`).toBe(true);
  });

  test('a line still too wide fades at its edge and scrolls with the arrow keys', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1100, height: 900 });
    await openApp(page, { text: 'the quick brown fox', hidden: '8', step: 'b2' });
    const wide = page.getByRole('group', {
      name: /^This step's share of the gradients of W, U and b, t = 2, with numbers \(scrolls sideways\)$/,
    });
    await expect(wide).toHaveAttribute('data-more-right', 'true');
    await expect(wide).not.toHaveAttribute('data-more-left', /.*/);
    await wide.focus();
    await page.keyboard.press('ArrowRight');
    await expect(wide).toHaveAttribute('data-more-left', 'true');
    expect(await wide.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // The arrow scrolled the line; it did not step the cursor.
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'b2');
  });
});
