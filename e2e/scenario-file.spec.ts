import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { exampleScenario, exampleTrace, expectClose, openApp, stepLabel } from './app';

// Teachers need exact numbers: a scenario file can be imported and exported, validated by the
// same schema as the CLI; the worked example is a built-in preset.

test.describe('scenario files and the worked-example preset', () => {
  test('the preset runs the spec example with exactly its weights', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Weights from').selectOption('worked-example');
    await expect(
      page.getByText('Not in use: the worked example gives the sequence (3 steps).'),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Go to end' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'update');
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'b1');
    await expect(page).toHaveURL(/preset=worked-example/);
    expectClose(
      Number(await page.getByTestId('running-loss').getAttribute('data-value')),
      exampleTrace.loss,
    );
  });

  test('a bad file gets a clear message and changes nothing', async ({ page }) => {
    await openApp(page, { text: 'hello', step: 'f2' });
    const before = await page.getByTestId('running-loss').getAttribute('data-value');
    const bad = { ...exampleScenario, params: { ...exampleScenario.params, W: [[0.9, -0.2]] } };
    await page.getByLabel('Import…').setInputFiles({
      name: 'homework.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await expect(page.getByRole('alert')).toHaveText(
      'homework.json was not loaded: params.W: expected 2 x 2, got 1 x 2',
    );
    await page.getByLabel('Import…').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ not json'),
    });
    await expect(page.getByRole('alert')).toContainText(
      'notes.json was not loaded: (scenario): not valid JSON',
    );
    await expect(page.getByLabel('Sequence')).toHaveValue('hello');
    await expect(page.getByTestId('running-loss')).toHaveAttribute('data-value', before!);
  });

  test('a good file is loaded, and export writes the same scenario back', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('Import…').setInputFiles('test/fixtures/example-scenario.json');
    await expect(
      page.getByRole('status').filter({ hasText: 'Loaded example-scenario.json.' }),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Go to end' }).click();
    await page.getByRole('button', { name: 'Step back' }).click();
    expectClose(
      Number(await page.getByTestId('running-loss').getAttribute('data-value')),
      exampleTrace.loss,
    );

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported).toEqual({ ...exampleScenario });
  });

  test('a file that cannot be computed is refused whole: one message, nothing changed', async ({
    page,
  }) => {
    await openApp(page, { act: 'sigmoid', loss: 'squared-error', view: 'unrolled', step: 'b3' });
    const before = await page.getByTestId('running-loss').getAttribute('data-value');
    const huge = structuredClone(exampleScenario);
    huge.params.W[0][0] = 1e200;
    huge.params.V[0][0] = 1e200;
    await page.getByLabel('Import…').setInputFiles({
      name: 'huge2.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(huge)),
    });
    await expect(page.getByRole('alert')).toContainText('huge2.json was not loaded:');
    await expect(page.getByRole('alert')).toContainText('overflowed');
    await expect(page.getByText('Loaded huge2.json.')).toHaveCount(0);
    await expect(page.getByLabel('Activation')).toHaveValue('sigmoid');
    await expect(page.getByLabel('Loss', { exact: true })).toHaveValue('squared-error');
    await expect(page.getByLabel('Weights from')).toHaveValue('text');
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'b3');
    await expect(page.getByTestId('running-loss')).toHaveAttribute('data-value', before!);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    expect([exported.activation, exported.loss]).toEqual(['sigmoid', 'squared-error']);
  });

  test('disabled fields show what is in use: H of the preset or the file', async ({ page }) => {
    await openApp(page, { hidden: '5' });
    await page.getByLabel('Weights from').selectOption('worked-example');
    await expect(page.getByLabel('Hidden size')).toBeDisabled();
    await expect(page.getByLabel('Hidden size')).toHaveValue('2');
    const four = structuredClone(exampleScenario);
    four.params.U.push([0, 0, 0], [0, 0, 0]);
    four.params.W = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 0.5 : 0)));
    four.params.V = four.params.V.map((r: number[]) => [...r, 0, 0]);
    four.params.b.push(0, 0);
    four.s0 = [0, 0, 0, 0];
    await page.getByLabel('Import…').setInputFiles({
      name: 'four.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(four)),
    });
    await expect(page.getByText('Loaded four.json.')).toBeVisible();
    await expect(page.getByLabel('Hidden size')).toHaveValue('4');
    await page.getByLabel('Sequence').fill('hello there');
    await expect(page.getByLabel('Hidden size')).toBeEnabled();
    await expect(page.getByLabel('Hidden size')).toHaveValue('5');
  });

  test('export then import keeps the letters (symbols)', async ({ page }) => {
    await openApp(page, { text: 'hello', step: 'f1' });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    const path = await (await download).path();
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported.symbols).toEqual(['e', 'h', 'l', 'o']);
    await page.getByLabel('Import…').setInputFiles({
      name: 'hello.json',
      mimeType: 'application/json',
      buffer: readFileSync(path),
    });
    await expect(page.getByText('Loaded hello.json.')).toBeVisible();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f1');
    await expect(page.getByTestId('announcer')).toHaveText(/target “e”/);
  });
});
