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
});
