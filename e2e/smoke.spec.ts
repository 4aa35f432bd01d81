import { expect, expectNoAxeViolations, test } from './fixtures';

test('the app opens, says its name and passes axe', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Unrolled/);
  // The app has rendered (a control from the UI contract), so axe sees the real page.
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expectNoAxeViolations(page);
});
