import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, expectNoAxeViolations, test, type Page } from './fixtures';

// The exports of `Download…`: the graph as shown (SVG, PNG at 2x), the trace, the LaTeX.

async function download(page: Page, name: string): Promise<{ file: string; text: string }> {
  const menu = page.getByRole('button', { name: 'Download…' });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name, exact: true }).click();
  const d = await saved;
  const path = await d.path();
  return { file: d.suggestedFilename(), text: readFileSync(path, 'latin1') };
}

test('Export SVG writes the graph as shown, a standalone file with every node', async ({
  page,
}) => {
  await page.goto('/?text=hello&view=unrolled&step=f2&theme=light');
  await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'f2');
  const onScreen = await page.locator('section[aria-label="Network graph"] [data-node]').count();
  expect(onScreen).toBeGreaterThan(10);
  const { file, text } = await download(page, 'Export SVG');
  expect(file).toBe('unrolled-f2.svg');
  const parsed = await page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      nodes: doc.querySelectorAll('[data-node]').length,
      computed: doc.querySelectorAll('[data-node="s"][data-t="2"][data-computed="true"]').length,
    };
  }, text);
  expect(parsed).toEqual({ error: null, root: 'svg', nodes: onScreen, computed: 1 });
  // Standalone: colours are inlined, nothing refers to the page's CSS.
  expect(text).not.toContain('var(--');
  expect(text).not.toContain('class=');
});

test('Export PNG is the graph at twice its size on screen (dark theme)', async ({ page }) => {
  await page.goto('/?text=hello&view=unrolled&step=b3&theme=dark');
  await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'b3');
  const box = (await page.locator('section[aria-label="Network graph"] .gs-scroll').boundingBox())!;
  const { file, text } = await download(page, 'Export PNG');
  expect(file).toBe('unrolled-b3.png');
  const png = Buffer.from(text, 'latin1');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
    2 * Math.round(box.width),
    2 * Math.round(box.height),
  ]);
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved unrolled-b3.png.' }),
  ).toBeVisible();
});

test('Export trace equals the command line’s trace of the same scenario', async ({ page }) => {
  await page.goto('/?preset=worked-example&step=f1');
  await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'f1');
  const { file, text } = await download(page, 'Export trace');
  expect(file).toBe('unrolled-trace.json');
  const cli = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/trace.ts', 'src/core/presets/worked-example.json'],
    { encoding: 'utf8' },
  );
  expect(text).toBe(cli);
});

test('Export LaTeX writes this step’s worked example in the notation chosen', async ({ page }) => {
  await page.goto('/?preset=worked-example&step=b2&notation=wxh');
  await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'b2');
  const { file, text } = await download(page, 'Export LaTeX');
  expect(file).toBe('unrolled-b2.tex');
  expect(text).toMatch(/^%[^\n]*\n%[^\n]*\n\\documentclass[^\n]*\n\\usepackage\{amsmath\}\n/);
  expect(text).toContain('\\subsection*{Backward pass, t = 2 (from t = 3 down to 1)}');
  expect(text).toContain('{W_{hh}}^{\\top}');
  expect(text).not.toMatch(/\\(color|htmlClass)/);
  expect(text.trimEnd().endsWith('\\end{document}')).toBe(true);
});

test('Download… opens and closes with the keyboard alone, and is axe-clean open', async ({
  page,
}) => {
  await page.goto('/?text=hello');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeEnabled();
  const menu = page.getByRole('button', { name: 'Download…' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Export SVG' })).toBeFocused();
  await expectNoAxeViolations(page, { include: ['.site-header'] });
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Export SVG' })).toHaveCount(0);
  await expect(menu).toBeFocused();
});
