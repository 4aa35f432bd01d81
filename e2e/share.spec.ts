import { expect, expectNoAxeViolations, test } from './fixtures';

// Lesson links: the Share dialog builds a link to what is on screen, with parts left out.

test('a Share link at b3 with hide=settings reopens at b3 without the settings', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?text=hello&view=unrolled');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeEnabled();
  await expect(page.getByRole('form', { name: 'Network and data' })).toBeVisible();
  await page.keyboard.press('End');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'b3');

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a link' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Settings' }).check();
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  expect(link).toContain('step=b3');
  expect(link).toContain('hide=settings');
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  await page.goto(link);
  await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'b3');
  await expect(page.getByRole('form', { name: 'Network and data' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Network graph' })).toBeVisible();
  await expect(page.locator('[data-node="s"][data-t="3"]')).toHaveAttribute('data-grad', 'true');
});

test('the Share dialog keeps focus inside, closes on Escape and gives focus back', async ({
  page,
}) => {
  await page.goto('/?text=hello&step=f2');
  await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'f2');
  const share = page.getByRole('button', { name: 'Share' });
  await share.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share a link' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Link' })).toBeFocused();
  // Tab goes round inside the dialog, past its last control back to its first.
  const close = dialog.getByRole('button', { name: 'Close' });
  await close.focus();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('checkbox', { name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(close).toBeFocused();
  // Arrow keys in the dialog do not step the explorer behind it.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(share).toBeFocused();
  await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'f2');
});

for (const theme of ['light', 'dark'] as const)
  test(`the Share dialog is axe-clean in ${theme}`, async ({ page }) => {
    await page.goto(`/?text=hello&theme=${theme}`);
    await expect(page.getByRole('button', { name: 'Step forward' })).toBeEnabled();
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('dialog', { name: 'Share a link' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

test('hide= leaves parts out; the keys still step without the transport; unknown parts get a notice', async ({
  page,
}) => {
  await page.goto('/?text=hello&view=unrolled&hide=weights,derivation,transport,nonsense');
  await expect(page.getByRole('region', { name: 'Network graph' })).toBeVisible();
  await expect(page.getByText('“hide=nonsense”: not a part that can be hidden')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Derivation' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Transport' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Weights and gradients' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Legend' })).toBeVisible();
  await expect(page.locator('[data-node="s"][data-t="1"]')).toHaveAttribute(
    'data-computed',
    'false',
  );
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-node="s"][data-t="1"]')).toHaveAttribute(
    'data-computed',
    'true',
  );
});
