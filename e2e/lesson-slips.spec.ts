import { expect, expectNoAxeViolations, test, type Page } from './fixtures';
import { exampleTrace, openApp } from './app';

// Spot the slip: each line as published, the student says what is wrong, then sees the fix
// with the numbers of the worked example.

const RIGHT = [
  'The denominator needs the exponentials too',
  'It has lost its minus sign',
  'Descent goes against the gradient: −, not +',
  'The future term needs the transpose of the recurrent weights',
  'The derivative belongs at the next step’s pre-activation',
  'It is missing the sum over t',
  'That is the loss itself, not its derivative',
];

test('spot the slip, completed', async ({ page }) => {
  await openApp(page, { lesson: '3' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await lesson.getByRole('button', { name: 'Spot the slip' }).click();
  await expect(lesson.getByRole('heading')).toContainText('Spot the slip');

  // The first slip, answered wrongly: it says so, and the fix has the trace's ŷ_1.
  await expect(lesson).toContainText('Slip 1 of 7');
  await lesson.getByRole('radio', { name: 'The sum should run over t, not j' }).check();
  await lesson.getByRole('button', { name: 'Check' }).click();
  await expect(lesson.getByRole('status')).toContainText('Not quite');
  await expect(lesson.getByRole('status')).toContainText(
    Number(exampleTrace.yhat[0][1].toPrecision(3)).toString(),
  );
  await expectNoAxeViolations(page, { include: ['[aria-label="Lesson"]'] });
  await lesson.getByRole('button', { name: 'Next slip' }).click();

  for (let i = 1; i < RIGHT.length; i++) {
    await expect(lesson).toContainText(`Slip ${i + 1} of 7`);
    await lesson.getByRole('radio', { name: RIGHT[i] }).check();
    await lesson.getByRole('button', { name: 'Check' }).click();
    await expect(lesson.getByRole('status')).toContainText('Right:');
    await lesson.getByRole('button', { name: /Next slip|See your score/ }).click();
  }
  await expect(lesson).toContainText('You spotted 6 of 7 slips');
  await lesson.getByRole('button', { name: 'Back to the lesson' }).click();
  await expect(lesson.getByRole('heading')).toContainText('The folded cell and its weights');
});

/** The choices of the slip on screen, in the order they are shown. */
async function choicesShown(lesson: ReturnType<Page['getByRole']>): Promise<string[]> {
  return (await lesson
    .getByRole('radio')
    .evaluateAll((els) =>
      els.map((el) => el.closest('label')?.textContent?.trim() ?? ''),
    )) as string[];
}

/** Opens the quiz at lesson step 3 with this seed, in a new tab (a tab keeps its quiz's place
 *  across a reload); the order of the first two slips' choices. */
async function firstTwoOrders(opener: Page, seed: string): Promise<string[][]> {
  const page = await opener.context().newPage();
  await openApp(page, { lesson: '3', seed });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await lesson.getByRole('button', { name: 'Spot the slip' }).click();
  await expect(lesson).toContainText('Slip 1 of 7');
  const first = await choicesShown(lesson);
  await lesson.getByRole('radio', { name: RIGHT[0] }).check();
  await lesson.getByRole('button', { name: 'Check' }).click();
  await lesson.getByRole('button', { name: 'Next slip' }).click();
  await expect(lesson).toContainText('Slip 2 of 7');
  const orders = [first, await choicesShown(lesson)];
  await page.close();
  return orders;
}

test('the choices come in an order set by the seed, and a link replays it', async ({ page }) => {
  const one = await firstTwoOrders(page, '1');
  const two = await firstTwoOrders(page, '2');
  expect(two).not.toEqual(one);
  // Each order holds the same three choices.
  expect([...two[0]].sort()).toEqual([...one[0]].sort());
  // The same link gives the same order again.
  expect(await firstTwoOrders(page, '1')).toEqual(one);
});

test('the whole quiz by keyboard alone, focus kept in it', async ({ page }) => {
  await openApp(page, { lesson: '3' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  const open = lesson.getByRole('button', { name: 'Spot the slip' });
  await open.focus();
  await page.keyboard.press('Enter');
  const rightAt: number[] = [];
  for (let i = 0; i < RIGHT.length; i++) {
    const count = lesson.getByText(`Slip ${i + 1} of 7`);
    await expect(count).toBeFocused();
    // The clicker's PageDown does not leave the quiz.
    await page.keyboard.press('PageDown');
    await expect(lesson).toHaveAttribute('data-lesson-step', '3');
    await expect(count).toBeVisible();
    const shown = await choicesShown(lesson);
    const at = shown.indexOf(RIGHT[i]);
    expect(at).toBeGreaterThanOrEqual(0);
    rightAt.push(at);
    // Tab into the choices, Space picks the first, the arrows move to the right one.
    await page.keyboard.press('Tab');
    await expect(lesson.getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('Space');
    for (let k = 0; k < at; k++) await page.keyboard.press('ArrowDown');
    await expect(lesson.getByRole('radio', { name: RIGHT[i] })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(lesson.getByRole('button', { name: 'Check' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(lesson.getByRole('status')).toContainText('Right:');
    const next = lesson.getByRole('button', { name: /Next slip|See your score/ });
    await expect(next).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect(next).toBeFocused();
    await page.keyboard.press('Enter');
  }
  // The right answer is not always the first choice.
  expect(new Set(rightAt).size).toBeGreaterThan(1);
  const score = lesson.getByText('You spotted 7 of 7 slips', { exact: false });
  await expect(score).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(lesson.getByRole('button', { name: 'Back to the lesson' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lesson.getByRole('heading')).toContainText('The folded cell and its weights');
  await expect(lesson.getByRole('button', { name: 'Spot the slip' })).toBeFocused();
});

test('a reload keeps the quiz where it was', async ({ page }) => {
  await openApp(page, { lesson: '3' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await lesson.getByRole('button', { name: 'Spot the slip' }).click();
  for (let i = 0; i < 2; i++) {
    await expect(lesson).toContainText(`Slip ${i + 1} of 7`);
    await lesson.getByRole('radio', { name: RIGHT[i] }).check();
    await lesson.getByRole('button', { name: 'Check' }).click();
    await lesson.getByRole('button', { name: 'Next slip' }).click();
  }
  await expect(lesson).toContainText('Slip 3 of 7');
  await page.reload();
  await expect(lesson.getByRole('heading')).toContainText('Spot the slip');
  await expect(lesson).toContainText('Slip 3 of 7');
  for (let i = 2; i < RIGHT.length; i++) {
    await lesson.getByRole('radio', { name: RIGHT[i] }).check();
    await lesson.getByRole('button', { name: 'Check' }).click();
    await lesson.getByRole('button', { name: /Next slip|See your score/ }).click();
  }
  await expect(lesson).toContainText('You spotted 7 of 7 slips');
});
