import { expect, type Page } from './fixtures';

// Shared steps of the training lab's stories.

/** Opens the lab with these URL parameters and waits until the worker has reported. */
export async function openLab(page: Page, params: Record<string, string> = {}): Promise<void> {
  const q = new URLSearchParams({ page: 'lab', ...params }).toString();
  await page.goto(`/?${q}`);
  await expect(page.getByRole('region', { name: 'Training' })).toBeVisible();
  // The first report: the gradient reaching each step of the fresh weights is drawn (for any
  // cell; the vanilla cell's spectral radius comes with it).
  await expect(page.locator('svg[data-chart="grad-by-time"]')).not.toHaveAttribute(
    'data-points',
    '0',
  );
}

export const lab = (page: Page) => page.getByRole('region', { name: 'Training' });
export const metric = (page: Page, name: string) => page.locator(`[data-metric="${name}"]`);

/** A metric's number (a percentage as a fraction). */
export async function metricValue(page: Page, name: string): Promise<number> {
  const text = (await metric(page, name).textContent()) ?? '';
  const v = parseFloat(text);
  return text.trim().endsWith('%') ? v / 100 : v;
}

/** Trains n steps with `Train N steps` and waits until they are done. */
export async function trainSteps(page: Page, n: number): Promise<void> {
  const before = Number(await metric(page, 'iteration').textContent());
  await page.getByLabel('N', { exact: true }).fill(String(n));
  await page.getByRole('button', { name: 'Train N steps' }).click();
  await expect(metric(page, 'iteration')).toHaveText(String(before + n), { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}
