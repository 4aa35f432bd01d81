import { expect, test } from './fixtures';
import { openApp } from './app';

// Sequences up to T = 200: the current step is kept in view; zoom shows the whole sequence.
const text = 'the rain in spain stays mainly in the plain. '.repeat(5).slice(0, 201); // T = 200

test('a long sequence keeps the current step in view and zooms out to the whole', async ({
  page,
}) => {
  await openApp(page, { text, view: 'unrolled', hidden: '16' });
  const s = (t: number) => page.locator(`[data-node="s"][data-t="${t}"]`);
  await expect(s(200)).toHaveCount(1);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(s(1)).toBeInViewport();
  await expect(s(200)).not.toBeInViewport();
  // Jump to the end of the forward pass: the view follows the cursor.
  await page.getByRole('slider', { name: 'Timeline' }).fill('200');
  await expect(s(200)).toHaveAttribute('data-current', 'true');
  await expect(s(200)).toBeInViewport();
  await expect(s(1)).not.toBeInViewport();
  await page.getByRole('button', { name: 'Whole sequence' }).click();
  await expect(s(1)).toBeInViewport();
  await expect(s(200)).toBeInViewport();
});
