import { expect, test, type Page } from './fixtures';
import { openApp, stepLabel } from './app';

// Stories: a student's picture survives a reload (everything is in the URL), and once the app
// has been opened, it works without the network: a lecture hall's Wi-Fi drops, the student
// reloads, and the same picture comes back from the service worker's cache.

const derivation = (page: Page) => page.getByRole('region', { name: 'Derivation' });

/** Waits until the service worker is active and caching is done (its install succeeded). */
async function serviceWorkerReady(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return reg?.active?.state ?? 'none';
      }),
    )
    .toBe('activated');
}

test('the text, the settings and the cursor survive a reload', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Sequence').fill('reload me');
  await page.getByLabel('Hidden size').fill('4');
  await page.getByLabel('Activation', { exact: true }).selectOption('softsign');
  await page.getByRole('button', { name: 'Unroll' }).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'f3');
  await expect(page).toHaveURL(/step=f3/);
  const loss = await page.getByTestId('running-loss').getAttribute('data-value');

  await page.reload();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'f3');
  await expect(page.getByLabel('Sequence')).toHaveValue('reload me');
  await expect(page.getByLabel('Hidden size')).toHaveValue('4');
  await expect(page.getByLabel('Activation', { exact: true })).toHaveValue('softsign');
  await expect(page.getByRole('button', { name: 'Fold' })).toBeVisible();
  await expect(page.getByTestId('running-loss')).toHaveAttribute('data-value', loss!);
});

test('offline, a reload opens the same picture from the cache', async ({ page, context }) => {
  await openApp(page, { text: 'offline hall', step: 'b3', view: 'unrolled', hidden: '4' });
  await expect(derivation(page).locator('.katex').first()).toBeVisible();
  await serviceWorkerReady(page);

  await context.setOffline(true);
  await page.reload();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b3');
  await expect(page.getByLabel('Sequence')).toHaveValue('offline hall');
  await expect(page.getByLabel('Hidden size')).toHaveValue('4');
  // The graph drew the chain, the worker computed, KaTeX and its fonts came from the cache.
  await expect(
    page.getByRole('group', { name: 'The network unrolled over 11 time steps' }),
  ).toBeVisible();
  await expect(derivation(page).locator('.katex').first()).toBeVisible();
  await expect(derivation(page)).toHaveAttribute('aria-busy', 'false');
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // And it still steps and recomputes: a new hidden size goes through the worker.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b2');
  await page.getByLabel('Hidden size').fill('5');
  await expect(page).toHaveURL(/hidden=5/);
  await expect(page.getByText('The computation failed')).toHaveCount(0);
});

test('offline, the demo host page opens as itself, not as the app', async ({ page, context }) => {
  await openApp(page, { text: 'hello' });
  await serviceWorkerReady(page);
  await context.setOffline(true);
  await page.goto('/embed-demo.html');
  await expect(
    page.getByRole('heading', { name: 'A course page that embeds Unrolled' }),
  ).toBeVisible();
  // The app itself still opens at any query string.
  await page.goto('/?text=abcab&step=f2');
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'f2');
});
