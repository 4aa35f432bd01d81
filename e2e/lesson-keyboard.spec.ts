import { expect, test, type Page } from './fixtures';
import { openApp, stepLabel } from './app';

// A student goes through the whole guided lesson with the keyboard alone: Tab to `Lesson`,
// then the clicker keys, which walk each step's cursor before going on to the next step. (In
// two halves, so each test stays short on a busy machine; the second opens at lesson=7.)

const lesson = (page: Page) => page.getByRole('region', { name: 'Lesson' });

async function tabTo(page: Page, name: string, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === name) return;
  }
  throw new Error(`no button ${name} within ${max} tabs`);
}

/** Presses the clicker until lesson step `last`, recording (step:cursor) once each settles. */
async function clickThrough(page: Page, last: number): Promise<string[]> {
  const seen: string[] = [];
  for (let presses = 0; presses < 40; presses++) {
    await expect(lesson(page)).toHaveAttribute('data-ready', 'true');
    const now = await page.evaluate(
      () =>
        `${document.querySelector('[data-lesson-step]')?.getAttribute('data-lesson-step')}:${document.querySelector('[data-testid="step-label"]')?.getAttribute('data-step')}`,
    );
    seen.push(now);
    if (now.startsWith(`${last}:`)) break;
    await page.keyboard.press(presses % 2 ? 'PageDown' : 'ArrowRight');
  }
  return seen;
}

const stepsOf = (seen: string[]) => [...new Set(seen.map((s) => Number(s.split(':')[0])))];

test('the lesson with the keyboard alone, steps 1 to 7', async ({ page }) => {
  await openApp(page);
  await tabTo(page, 'Lesson');
  await page.keyboard.press('Enter');
  await expect(lesson(page)).toHaveAttribute('data-lesson-step', '1');
  await expect(lesson(page).getByRole('heading')).toContainText('1 / 17');
  await expect(lesson(page).getByRole('heading')).toContainText('Why sequences need memory');

  const seen = await clickThrough(page, 7);
  expect(stepsOf(seen)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  // Step 2 walked the loop over “hello” (T = 4); step 5 walked the forward pass to f3.
  expect(seen).toEqual(expect.arrayContaining(['2:0', '2:f1', '2:f4', '5:f1', '5:f2', '5:f3']));
  // Back from step 7 is step 6 (it walks no cursor).
  await page.keyboard.press('ArrowLeft');
  await expect(lesson(page)).toHaveAttribute('data-lesson-step', '6');
  await expect(lesson(page).getByRole('heading')).toContainText('The loss is a sum over time');
});

test('the lesson with the keyboard alone, steps 7 to 13, then Close lesson', async ({ page }) => {
  await openApp(page, { lesson: '7' });
  await expect(lesson(page).getByRole('heading')).toContainText('7 / 17');
  const seen = await clickThrough(page, 13);
  expect(stepsOf(seen)).toEqual([7, 8, 9, 10, 11, 12, 13]);
  // Step 9 walked back from b3 to b1; step 11 ended at the update.
  expect(seen).toEqual(expect.arrayContaining(['9:b3', '9:b2', '9:b1', '11:update']));
  await expect(lesson(page).getByRole('heading')).toContainText('13 / 17');
  await expect(lesson(page).getByRole('heading')).toContainText('gated cells');

  // Back to step 12: the clicker's first press shows the answer, walking the cursor to b1.
  await page.keyboard.press('PageUp');
  await expect(lesson(page)).toHaveAttribute('data-lesson-step', '12');
  await expect(lesson(page)).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('PageDown');
  await expect(lesson(page).getByRole('status')).toContainText('The answer:');
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b1');
  await expect(lesson(page).locator('[data-chart="last-loss-grad"]')).toHaveAttribute(
    'data-points',
    '21',
  );

  // Close lesson keeps the cursor.
  await lesson(page).getByRole('button', { name: 'Close lesson' }).focus();
  await page.keyboard.press('Enter');
  await expect(lesson(page)).toHaveCount(0);
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b1');
});

test('the last chapter with the keyboard: an LSTM stepped back, its cell-state bars against the vanilla RNN', async ({
  page,
}) => {
  await openApp(page, { lesson: '13' });
  await expect(lesson(page).getByRole('heading')).toContainText('13 / 17');
  await expect(lesson(page)).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(lesson(page)).toHaveAttribute('data-lesson-step', '14');
  await expect(lesson(page).getByRole('heading')).toContainText('14 / 17');
  await expect(lesson(page).getByRole('heading')).toContainText('cell state');
  await expect(lesson(page)).toHaveAttribute('data-ready', 'true');
  // The explorer shows the LSTM unrolled, at the last step of the backward pass.
  await expect(page.locator('[data-node="m"]').first()).toBeVisible();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b21');
  const cell = lesson(page).locator('[data-chart="lstm-cell-grad"]');
  await expect(cell).toHaveAttribute('data-points', '1');
  await expect(lesson(page).locator('[data-chart="rnn-state-grad"]')).toHaveAttribute(
    'data-points',
    '1',
  );
  // The clicker's first press shows the answer, walking the cursor back to b1: every bar.
  await page.keyboard.press('ArrowRight');
  await expect(lesson(page).getByRole('status')).toContainText('The answer:');
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b1');
  await expect(cell).toHaveAttribute('data-points', '21');
  await expect(lesson(page).locator('[data-chart="lstm-state-grad"]')).toHaveAttribute(
    'data-points',
    '21',
  );
  await expect(lesson(page).getByRole('group', { name: /LSTM against vanilla RNN/ })).toBeVisible();
  // The practice steps follow (truncation, clipping, teacher forcing); on the last, Next is
  // disabled.
  await expect(lesson(page).getByRole('button', { name: 'Next' })).toBeEnabled();
  await openApp(page, { lesson: '17' });
  await expect(lesson(page).getByRole('heading')).toContainText('17 / 17');
  await expect(lesson(page).getByRole('button', { name: 'Next' })).toBeDisabled();
});
