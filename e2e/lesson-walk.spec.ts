import { expect, test } from './fixtures';
import { openApp, stepLabel } from './app';

// A student at the backward recursion (lesson step 9, cursor b3) is told to walk the backward
// pass. The lesson names the control that does it (a forward press walks back in time), the
// lesson panel has its own step button on screen at 1440 × 900 without scrolling, and the
// transport says which pass its next press does.

test.use({ viewport: { width: 1440, height: 900 } });

test('the lesson walks the backward pass with its own step control', async ({ page }) => {
  await openApp(page, { lesson: '9' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b3');
  // The narration names the control, and says the transport's Step forward does the same.
  await expect(lesson.locator('.lesson-narration')).toContainText('step button in this panel');
  await expect(lesson.locator('.lesson-narration')).toContainText('Step forward ▶');

  const walk = lesson.getByRole('toolbar', { name: 'Walk this step' });
  const on = walk.getByRole('button', { name: 'Send the gradient back to t = 2' });
  await expect(on).toBeInViewport();
  expect(await page.evaluate(() => scrollY)).toBe(0);
  // The transport says its next press goes on with the backward pass, back in time.
  await expect(page.getByTestId('next-press')).toHaveText(
    /Step forward next: backward pass, back to t = 2/,
  );

  await on.click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b2');
  // The gradients stay: s_3's and s_2's are known.
  for (const t of ['2', '3'])
    await expect(page.locator(`[data-node="s"][data-t="${t}"]`).first()).toHaveAttribute(
      'data-grad',
      'true',
    );
  await expect(page.getByTestId('next-press')).toContainText('backward pass, back to t = 1');
  await walk.getByRole('button', { name: 'Undo' }).click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b3');
  await walk.getByRole('button', { name: 'Send the gradient back to t = 2' }).click();
  await walk.getByRole('button', { name: 'Send the gradient back to t = 1' }).click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'b1');
  // The walk is done: its button says so, and Next goes on to the next lesson step.
  await expect(walk.getByRole('button', { name: 'Walked to the end' })).toBeDisabled();
  await expect(page.getByTestId('next-press')).toContainText('the gradient step (update)');
  await expect(lesson).toHaveAttribute('data-lesson-step', '9');
});

test('the forward walk of step 5 is named as the forward pass', async ({ page }) => {
  await openApp(page, { lesson: '5' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'f1');
  await expect(page.getByTestId('next-press')).toContainText('forward pass, t = 2');
  await lesson.getByRole('button', { name: 'Run t = 2' }).click();
  await expect(stepLabel(page)).toHaveAttribute('data-step', 'f2');
});

test('a lit-up weight stays lit after Next is clicked with the mouse', async ({ page }) => {
  await openApp(page, { lesson: '3' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await lesson.getByRole('button', { name: 'Next' }).click();
  await expect(lesson).toHaveAttribute('data-lesson-step', '4');
  await expect(page.locator('[data-edge="W"][data-highlight="true"]').first()).toBeVisible();
  // The pointer passes over the stage (and leaves it): the step's W stays lit.
  const stage = page.locator('.gs-stage');
  await stage.hover({ position: { x: 5, y: 5 } });
  await page.mouse.move(0, 0);
  await expect(page.locator('[data-edge="W"][data-highlight="true"]').first()).toBeVisible();
  await expect(page.locator('[data-edge="U"][data-highlight="true"]')).toHaveCount(0);
});
