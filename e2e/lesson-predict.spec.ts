import { expect, expectNoAxeViolations, test } from './fixtures';
import { exampleTrace, openApp, stepLabel } from './app';

// Ask before showing: the lesson asks, the student answers with a radio button, and the
// cursor steps to where the answer is seen, with one line on why.

const norm = (v: number[]) => Math.hypot(...v);

test('a prediction answered, then revealed by stepping', async ({ page }) => {
  await openApp(page, { lesson: '8' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson.getByRole('heading')).toContainText('8 / 17');
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b3');
  await expect(lesson.getByRole('group')).toContainText('larger or smaller');
  const answer = lesson.getByRole('button', { name: 'Answer' });
  await expect(answer).toBeDisabled();
  // Before an answer, nothing is revealed.
  await expect(lesson.getByRole('status')).toHaveText('');

  // The worked example's own numbers say which is right.
  const [, s2, s3] = exampleTrace.dL_ds as number[][];
  const larger = norm(s2) > norm(s3);
  const pick = larger ? 'Smaller' : 'Larger'; // the wrong one, to see it said so
  await lesson.getByRole('radio', { name: pick }).check();
  await answer.click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b2');
  const status = lesson.getByRole('status');
  await expect(status).toContainText(`Not this time: ${larger ? 'larger' : 'smaller'}.`);
  await expect(status).toContainText(Number(norm(s2).toPrecision(3)).toString());
  await expect(lesson.getByRole('radio', { name: pick })).toBeDisabled();
});

test('Show me reveals without an answer', async ({ page }) => {
  await openApp(page, { lesson: '11' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b1');
  await lesson.getByRole('button', { name: 'Show me' }).click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'update');
  await expect(lesson.getByRole('status')).toContainText('The answer:');
});

for (const theme of ['light', 'dark']) {
  test(`axe is clean in the lesson, ${theme}`, async ({ page }) => {
    await openApp(page, { lesson: '10', theme });
    await expect(page.getByRole('region', { name: 'Lesson' })).toHaveAttribute(
      'data-ready',
      'true',
    );
    // The lesson's own region: the rest of the page has its own axe checks in other specs.
    await expectNoAxeViolations(page, { include: ['[aria-label="Lesson"]'] });
  });
}

test('the practice steps ask before they show: truncation, clipping, teacher forcing', async ({
  page,
}) => {
  await openApp(page, { lesson: '15' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson.getByRole('heading')).toContainText('15 / 17');
  await expect(lesson.getByRole('heading')).toContainText('Truncated backpropagation');
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await expect(lesson.getByRole('group')).toContainText(/chunks of \d+ steps from step 1/);
  await expect(lesson.getByRole('status')).toHaveText('');
  await lesson.getByRole('radio', { name: 'None at all' }).check();
  await lesson.getByRole('button', { name: 'Answer' }).click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b1');
  await expect(lesson.getByRole('status')).toContainText('Right: none at all.');
  await expect(lesson.getByRole('status')).toContainText('every earlier state gets exactly 0');

  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson.getByRole('heading')).toContainText('16 / 17');
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await expect(lesson.getByRole('status')).toHaveText('');
  await lesson.getByRole('radio', { name: 'By value' }).check();
  await lesson.getByRole('button', { name: 'Answer' }).click();
  await expect(lesson.getByRole('status')).toContainText('Not this time: by norm.');
  await expect(lesson.getByRole('status')).toContainText(/turned by [\d.]+°/);
  await expect(lesson.getByRole('status')).toContainText('can do nothing for one that vanished');

  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson.getByRole('heading')).toContainText('17 / 17');
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'f1');
  await lesson.getByRole('button', { name: 'Show me' }).click();
  await expect(lesson.getByRole('status')).toContainText('The answer: the true character.');
  await expect(lesson.getByRole('status')).toContainText('teacher forcing');
  await expectNoAxeViolations(page);
});

test('a reload keeps an answered prediction answered', async ({ page }) => {
  await openApp(page, { lesson: '8' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await lesson.getByRole('button', { name: 'Show me' }).click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b2');
  await expect(lesson.getByRole('status')).toContainText('The answer:');
  await expect(page).toHaveURL(/step=b2/);
  await page.reload();
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b2');
  await expect(lesson.getByRole('status')).toContainText('The answer:');
  await expect(lesson.getByRole('button', { name: 'Show me' })).toHaveCount(0);
});
