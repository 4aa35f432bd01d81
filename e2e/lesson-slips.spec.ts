import { expect, expectNoAxeViolations, test } from './fixtures';
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
