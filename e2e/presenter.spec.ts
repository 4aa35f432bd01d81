import { expect, expectNoAxeViolations, test, type Page } from './fixtures';
import { textSizes } from './textSizes';

// Presenter mode: large type for a projector, reveal.js's keys, and a speaker-notes window
// that follows the presenting window and drives it.

test.use({ viewport: { width: 1280, height: 720 } });

const progress = (page: Page) => page.locator('.presenter-progress');

/** Opens the app in presenter mode (no transport there) and waits for the lesson step. */
async function openPresenting(page: Page, params: Record<string, string>): Promise<void> {
  await page.goto(`/?${new URLSearchParams({ ...params, present: '1' })}`);
  await expect(page.getByRole('region', { name: 'Lesson' })).toHaveAttribute('data-ready', 'true');
}

test('presenter keys: blank and back, leave; every label at least 24 px', async ({ page }) => {
  await openPresenting(page, { lesson: '5' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 1');
  // The stage and the derivation only: no settings, no weights.
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Derivation' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Network graph' })).toBeVisible();
  await expect(page.getByText('Sequence, network and weights')).toHaveCount(0);
  await expect(page.locator('.derivation .katex').first()).toBeVisible();

  const sizes = await textSizes(page, [
    '[aria-label="Network graph"]',
    '[aria-label="Derivation"]',
    '[aria-label="Lesson"]',
    '[aria-label="Presenter"]',
  ]);
  expect(sizes.length).toBeGreaterThan(40);
  expect(sizes.filter((s) => s.px < 24)).toEqual([]);

  const root = page.locator('html');
  await page.keyboard.press('b');
  await expect(root).toHaveAttribute('data-blank', 'true');
  await expect(lesson).toBeHidden();
  await page.keyboard.press('.');
  await expect(root).not.toHaveAttribute('data-blank', 'true');
  await expect(lesson).toBeVisible();
  // The clicker still steps the lesson in presenter mode.
  await page.keyboard.press('PageDown');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 2');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
  await expect(page.getByText('Sequence, network and weights')).toBeVisible();
  await expect(root).not.toHaveAttribute('data-presenting', 'true');
  await expect(page).not.toHaveURL(/present=1/);
});

/** How many pixels of a screenshot are not black (decoded on a blank page of its own). */
async function nonBlackPixels(page: Page, png: Buffer): Promise<number> {
  const scratch = await page.context().newPage();
  try {
    return await scratch.evaluate(
      async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const data = ctx.getImageData(0, 0, img.width, img.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] > 0) n++;
        return n;
      },
      `data:image/png;base64,${png.toString('base64')}`,
    );
  } finally {
    await scratch.close();
  }
}

test('blank is black, and the clicker only brings the screen back', async ({ page }) => {
  await openPresenting(page, { lesson: '5', view: 'unrolled' });
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 1');
  // The current column's band is drawn (it is what showed through the blank screen).
  await expect(page.locator('.gs-band[data-on="true"]').first()).toBeVisible();
  const root = page.locator('html');
  for (const key of ['b', '.']) {
    await page.keyboard.press(key);
    await expect(root).toHaveAttribute('data-blank', 'true');
    expect(await nonBlackPixels(page, await page.screenshot()), `blank with ${key}`).toBe(0);
    // PageDown (the clicker) brings the screen back and does not move the lecture on.
    await page.keyboard.press('PageDown');
    await expect(root).not.toHaveAttribute('data-blank', 'true');
    await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 1');
    await expect(page.getByRole('region', { name: 'Lesson' })).toHaveAttribute(
      'data-lesson-step',
      '5',
    );
  }
  await page.keyboard.press('b');
  await page.keyboard.press('PageUp');
  await expect(root).not.toHaveAttribute('data-blank', 'true');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 1');
  // Once it is back, the clicker steps again.
  await page.keyboard.press('PageDown');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 2');
});

for (const theme of ['light', 'dark']) {
  test(`axe is clean in presenter mode, ${theme}`, async ({ page }) => {
    await openPresenting(page, { lesson: '8', theme });
    await expectNoAxeViolations(page);
  });
}

test('speaker notes follow the main window, and drive it', async ({ page, context }) => {
  await openPresenting(page, { lesson: '4' });
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson).toHaveAttribute('data-ready', 'true');
  const [notes] = await Promise.all([
    context.waitForEvent('page'),
    page.getByRole('button', { name: 'Speaker notes' }).click(),
  ]);
  const now = notes.getByRole('region', { name: 'Now' });
  await expect(now.getByRole('heading')).toHaveText(
    '4 / 17 · Unrolling: the same weights at every step',
  );
  await expect(notes.getByText('Next: The forward equations, stepped')).toBeVisible();
  await expect(notes.getByRole('timer')).toHaveText(/^\d+:\d\d$/);

  // A step in the main window moves the notes.
  await page.bringToFront();
  await page.keyboard.press('PageDown');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 1');
  await expect(now.getByRole('heading')).toContainText('5 / 17');
  await expect(notes.getByTestId('notes-step')).toHaveText('f1');
  // The narration with its maths typeset (no TeX source), the question and its answer.
  await expect(now.locator('.notes-text .katex').first()).toBeVisible();
  await expect(now.locator('.notes-text')).not.toContainText('$');
  await expect(now.locator('.notes-predict')).toContainText('Ask: Step 1 reads');
  await expect(now.locator('.notes-predict')).toContainText('Answer (not shown yet):');
  // B pressed in the notes window blanks the projector, and brings it back.
  await notes.bringToFront();
  await notes.keyboard.press('b');
  await expect(page.locator('html')).toHaveAttribute('data-blank', 'true');
  await expect(now.locator('.notes-blank')).toBeVisible();
  await notes.keyboard.press('.');
  await expect(page.locator('html')).not.toHaveAttribute('data-blank', 'true');
  await page.bringToFront();

  // A step in the notes window moves the main one: the clicker answers the prediction first.
  await notes.bringToFront();
  await notes.getByRole('button', { name: 'Forward' }).click();
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 2');
  await expect(notes.getByTestId('notes-step')).toHaveText('f2');
  await expect(now.locator('.notes-predict')).toContainText('Answer (shown):');
  await notes.keyboard.press('PageUp');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 1');
  await notes.keyboard.press('PageUp');
  await expect(progress(page)).toContainText('Lesson 4 / 17');
  await expect(now.getByRole('heading')).toContainText('4 / 17');
  await expectNoAxeViolations(notes);
});

test('a 20-step chain at 24 px: the column headers do not run into each other', async ({
  page,
}) => {
  await page.goto('/?present=1&view=unrolled&text=the+quick+brown+fox+j&step=f5');
  const headers = page.locator('[aria-label="Network graph"] .gs-header');
  await expect(headers.first()).toBeVisible();
  await expect(page.locator('.gs-col[data-current-col="true"] .gs-header')).toHaveText('t = 5');
  const boxes = await headers.evaluateAll((els) =>
    els
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0)
      .map((r) => ({ left: r.left, right: r.right }))
      .sort((a, b) => a.left - b.left),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(10);
  for (let i = 1; i < boxes.length; i++)
    expect(boxes[i].left, `header ${i} against header ${i - 1}`).toBeGreaterThan(
      boxes[i - 1].right,
    );
});

test('the pointer hides when idle and comes back when moved; F toggles full screen', async ({
  page,
}) => {
  await openPresenting(page, { lesson: '5' });
  const root = page.locator('html');
  // No move for a moment: the pointer is hidden over the page.
  await expect(root).toHaveAttribute('data-pointer-idle', 'true');
  const cursor = () => page.evaluate(() => getComputedStyle(document.body).cursor);
  expect(await cursor()).toBe('none');
  await page.mouse.move(200, 200);
  await page.mouse.move(240, 220);
  await expect(root).not.toHaveAttribute('data-pointer-idle', 'true');
  expect(await cursor()).not.toBe('none');

  const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);
  await page.keyboard.press('f');
  await expect.poll(fullscreen).toBe(true);
  await page.keyboard.press('F');
  await expect.poll(fullscreen).toBe(false);
});

test('the clicker as in reveal.js: back shows the previous step as it was left; Space, N, P and the arrows', async ({
  page,
}) => {
  await openPresenting(page, { lesson: '5' });
  const reveal = page.locator('.lesson-reveal');
  // PageDown answers the prediction (and steps to where it shows), then walks the cursor.
  await page.keyboard.press('PageDown');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 2');
  await expect(reveal).toContainText('The answer:');
  // Space steps on like PageDown: it does not play past the step's own range.
  await page.keyboard.press(' ');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 3');
  await page.keyboard.press('n');
  await expect(progress(page)).toHaveText('Lesson 6 / 17 · Forward, t = 3');
  // Back from the start of step 6: step 5 as it was left, at t = 3 with its answer shown.
  await page.keyboard.press('PageUp');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 3');
  await expect(reveal).toContainText('The answer:');
  await page.keyboard.press('ArrowUp');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 2');
  await expect(reveal).toContainText('The answer:');
  await page.keyboard.press('ArrowDown');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 3');
  await page.keyboard.press('p');
  await expect(progress(page)).toHaveText('Lesson 5 / 17 · Forward, t = 2');
  // What the lesson offers besides the clicker stays reachable; the desk's zoom controls do not
  // go to the projector.
  await expect(page.getByRole('button', { name: 'Spot the slip' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Whole sequence' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
});
