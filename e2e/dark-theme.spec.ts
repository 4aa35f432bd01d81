import { expect, expectNoAxeViolations, test, type Page } from './fixtures';
import { openApp } from './app';
import { luminance } from '../test/luminance';

// Issue 7.13: in the dark theme zeros are dark, not white cells glaring on a dark page.

/** WCAG relative luminance of the colours of these elements' attribute. */
async function luminances(page: Page, selector: string, attr: string): Promise<number[]> {
  const colours = await page
    .locator(selector)
    .evaluateAll((els, a) => els.map((el) => el.getAttribute(a) ?? ''), attr);
  return colours.map(luminance);
}

test.describe('dark theme', () => {
  test('zero cells and input bars are dark, and the page passes axe', async ({ page }) => {
    // 'hello': inputs h, e, l, l — the input 'o' never occurs, so ∂L/∂U's column 'o' is 0.
    await openApp(page, { text: 'hello', theme: 'dark', view: 'unrolled', step: 'update' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const zeroColumn = '[data-grad-weight="U"] .hm-cells rect:nth-child(4n)';
    const zeros = await luminances(page, zeroColumn, 'fill');
    expect(zeros).toHaveLength(3);
    for (const l of zeros) expect(l).toBeLessThan(0.05);
    // Each one-hot input bar is mostly zeros: the darker stops are dark, one stop pair is bright.
    const input = await luminances(page, '[data-node="x"][data-t="1"] stop', 'stop-color');
    expect(input.filter((l) => l < 0.05)).toHaveLength(6);
    expect(input.filter((l) => l > 0.4)).toHaveLength(2);
    await expect(page.getByText('0 is dark')).toBeVisible();
    await expectNoAxeViolations(page);

    // The light theme keeps PuOr's white zero.
    await openApp(page, { text: 'hello', theme: 'light', view: 'unrolled', step: 'update' });
    for (const l of await luminances(page, zeroColumn, 'fill')) expect(l).toBeGreaterThan(0.85);
  });
});
