import { expect, test } from './fixtures';
import { openApp, stepLabel } from './app';

test.describe('the URL', () => {
  test('holds every choice, so a copied link opens the same picture', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Sequence').fill('rnn rocks');
    await page.getByLabel('Hidden size').fill('5');
    await page.getByLabel('Activation').selectOption('sigmoid');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f2');
    await expect(page).toHaveURL(/step=f2/);
    const url = page.url();
    expect(url).toMatch(/text=rnn\+rocks/);
    expect(url).toMatch(/hidden=5/);
    expect(url).toMatch(/act=sigmoid/);
    const loss = await page.getByTestId('running-loss').getAttribute('data-value');

    const copy = await page.context().newPage();
    await copy.goto(url);
    await expect(stepLabel(copy)).toHaveAttribute('data-step', 'f2');
    await expect(copy.getByLabel('Sequence')).toHaveValue('rnn rocks');
    await expect(copy.getByTestId('running-loss')).toHaveAttribute('data-value', loss!);
  });

  test('bad values fall back to defaults with a dismissible notice; no script runs', async ({
    page,
  }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await openApp(page, {
      hidden: '999',
      act: '<img src=x onerror=alert(1)>',
      step: 'javascript:alert(1)',
      text: 'ok text',
    });
    const notices = page.getByRole('region', { name: 'Notices' });
    await expect(notices).toContainText('hidden=999');
    await expect(notices).toContainText('act=');
    await expect(page.getByLabel('Hidden size')).toHaveValue('3');
    await expect(page.getByLabel('Sequence')).toHaveValue('ok text');
    const dismiss = notices.getByRole('button', { name: /Dismiss/ });
    const n = await dismiss.count();
    for (let i = 0; i < n; i++) await dismiss.first().click();
    await expect(notices).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test('a step beyond the sequence is clamped, and the app says so', async ({ page }) => {
    await openApp(page, { text: 'hello', step: 'f9', view: 'unrolled' });
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f4');
    await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
      '“f9” is beyond this sequence’s 4 steps; showing f4.',
    );
  });

  test('lab keys without page=lab open the lab; on the explorer they are named as ignored', async ({
    page,
  }) => {
    await page.goto('/?task=copy&opt=adam');
    await expect(page.getByRole('region', { name: 'Training' })).toBeVisible();
    await expect(page.getByLabel('Task')).toHaveValue('copy');
    await expect(page.getByLabel('Optimizer')).toHaveValue('adam');
    await expect(page).toHaveURL(/page=lab/);
    await expect(page.getByRole('region', { name: 'Notices' })).toHaveCount(0);

    await openApp(page, { page: 'explorer', task: 'copy', opt: 'adam' });
    await expect(page.getByRole('region', { name: 'Training' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Notices' })).toContainText(
      '“task=copy”, “opt=adam”: settings of the training lab, ignored on the explorer; add “page=lab” to open the lab with them.',
    );
  });
});
