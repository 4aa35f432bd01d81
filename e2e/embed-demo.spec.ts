import { expect, expectNoAxeViolations, test } from './fixtures';
import { startHost } from './secondOrigin';

// A course page on another origin frames the explorer and drives it: public/embed-demo.html,
// served from 127.0.0.1 by the test while the app is on localhost.

let host: Awaited<ReturnType<typeof startHost>>;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.close();
});

test('the demo host page, on a second origin, drives the embedded explorer with its buttons', async ({
  page,
  baseURL,
}) => {
  await page.goto(`${host.origin}/embed-demo.html?app=${encodeURIComponent(`${baseURL}/`)}`);
  expect(new URL(page.url()).origin).not.toBe(new URL(baseURL!).origin);
  const log = page.getByRole('log');
  const frame = page.frameLocator('#app');
  await expect(log).toContainText('{"source":"unrolled","type":"ready","version":1}');
  // Embedded: no site header.
  await expect(frame.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expect(frame.getByRole('heading', { name: 'Unrolled', level: 1 })).toHaveCount(0);

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(frame.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();

  await page.getByLabel('Step', { exact: true }).fill('b2');
  await page.getByRole('button', { name: 'Set step' }).click();
  await expect(frame.getByTestId('step-label')).toHaveAttribute('data-step', 'b2');
  await expect(page.locator('#now')).toHaveText('b2');
  await expect(log).toContainText('{"source":"unrolled","type":"step","step":"b2"}');
  // The explorer said how tall it is, and the host page sized the frame to it, once: the frame
  // stays at the height of the explorer's content, it does not grow on and on.
  const lastHeight = async () => {
    const lines = await log.getByRole('listitem').allTextContents();
    const sizes = lines.map((l) => JSON.parse(l)).filter((m) => m.type === 'resize');
    return sizes.length ? (sizes[sizes.length - 1].height as number) : null;
  };
  await expect
    .poll(
      async () =>
        (await lastHeight()) === (await page.locator('#app').evaluate((f) => f.clientHeight)),
    )
    .toBe(true);
  expect(await lastHeight()).toBeLessThan(1500);
});

for (const theme of ['light', 'dark'] as const)
  test(`the embed view, with parts hidden, is axe-clean in ${theme}`, async ({ page }) => {
    await page.goto(`/?embed=1&text=hello&view=unrolled&step=f2&theme=${theme}&hide=legend`);
    await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'f2');
    await expect(page.getByRole('group', { name: 'Legend' })).toHaveCount(0);
    await expect(
      page.getByRole('region', { name: 'Derivation' }).locator('.katex').first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });
