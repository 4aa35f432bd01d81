import { expect, test, type Page } from './fixtures';
import { textSizes } from './textSizes';

// Story: a lecturer presents the whole lesson with a clicker on a 1280 × 720 and a 1920 × 1080
// projector. A clicker cannot scroll, so every lesson step fits the screen: neither the page nor
// any of presenter mode's containers has more to show than it shows, and the graph, the chart
// and the derivation's blocks the step needs are on screen.

// Steps 1–14. Steps 15–17 (truncation, clipping, teacher forcing) came to main as this story was
// finished; step 15's long question does not fit yet beside its chart (issue 22's report).
const LESSON_STEPS = 14;

/** What of the page and the slide's containers would need a scroll: [name, content, box]. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const out: [string, number, number][] = [];
    const check = (name: string, el: Element | null, axis: 'y' | 'x' = 'y') => {
      if (!(el instanceof HTMLElement) || el.getClientRects().length === 0) return;
      const [content, box] =
        axis === 'y' ? [el.scrollHeight, el.clientHeight] : [el.scrollWidth, el.clientWidth];
      if (content > box + 1) out.push([`${name} (${axis})`, content, box]);
    };
    for (const axis of ['y', 'x'] as const) {
      check('the page', document.documentElement, axis);
      check('the slide', document.querySelector('.app.presenting'), axis);
      check('the workspace', document.querySelector('.app.presenting .workspace'), axis);
      check('the stage column', document.querySelector('.app.presenting .stage-column'), axis);
      check('the lesson', document.querySelector('.app.presenting .lesson'), axis);
      check('the lesson aside', document.querySelector('.app.presenting .lesson-aside'), axis);
      check('the derivation', document.querySelector('.app.presenting .derivation'), axis);
      check('the graph', document.querySelector('.app.presenting section.gs'), axis);
    }
    return out;
  });
}

/** Where the presentation is: the lesson step, the cursor, the revealed answer if any. */
const position = (page: Page) =>
  page.evaluate(
    () =>
      `${document.querySelector('[aria-label="Lesson"]')?.getAttribute('data-lesson-step')} ${document.querySelector('.presenter-progress')?.textContent} ${document.querySelector('.lesson-reveal')?.textContent ?? ''}`,
  );

/** Whether an element is drawn whole inside the window (and its box is not empty). */
function onScreen(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.width > 40 &&
        r.height > 40 &&
        r.top >= -1 &&
        r.left >= -1 &&
        r.bottom <= window.innerHeight + 1 &&
        r.right <= window.innerWidth + 1
      );
    });
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
])
  test.describe(`at ${size.width} × ${size.height}`, () => {
    test.use({ viewport: size });
    test('every lesson step fits the screen in presenter mode, with what it needs', async ({
      page,
    }) => {
      // Some 27 positions, each measured: longer than one ordinary story.
      test.setTimeout(240_000);
      await page.goto('/?present=1&lesson=1');
      const lesson = page.getByRole('region', { name: 'Lesson' });
      const progress = page.locator('.presenter-progress');
      const seen = new Set<number>();
      const small: string[] = [];
      // The clicker only: PageDown from step 1 to the end of step 14, every position checked.
      for (let press = 0; press < 80; press++) {
        await expect(lesson).toHaveAttribute('data-ready', 'true');
        const n = Number(await lesson.getAttribute('data-lesson-step'));
        if (n > LESSON_STEPS) break;
        seen.add(n);
        const where = `${await progress.textContent()} (press ${press})`;
        await expect(page.locator('html')).toHaveAttribute('data-present-layout', /./);
        const layout = await page.locator('html').getAttribute('data-present-layout');
        const derivation = page.getByRole('region', { name: 'Derivation' });
        // (The cell-state step gives the block's room to its charts once its answer is out.)
        const answered = (await page.locator('.lesson-predict[data-answered="true"]').count()) > 0;
        const blocks = layout === 'derivation' || (layout === 'aside-derivation' && !answered);
        if (blocks) {
          await expect(derivation).toHaveAttribute('aria-busy', 'false');
          await expect(derivation.locator('.eq-block:visible .katex').first()).toBeVisible();
        } else await expect(derivation).toBeHidden();
        // The slide settles (the graph's zoom follows its room) with nothing to scroll.
        await expect.poll(() => overflowing(page), { message: where }).toEqual([]);
        if (layout !== 'aside-derivation')
          expect(await onScreen(page, '.gs-stage'), `the graph, ${where}`).toBe(true);
        if (layout?.startsWith('aside') && (await page.locator('.lesson-chart').count()) > 0)
          expect(await onScreen(page, '.lesson-chart svg'), `the chart, ${where}`).toBe(true);
        if (blocks)
          expect(await onScreen(page, '.eq-block:visible'), `the blocks, ${where}`).toBe(true);
        // Every label at least 24 px (a formula too wide for its column may be smaller).
        const sizes = await textSizes(page, [
          '[aria-label="Network graph"]',
          '[aria-label="Derivation"]',
          '[aria-label="Lesson"]',
          '[aria-label="Presenter"]',
        ]);
        small.push(
          ...sizes
            .filter((t) => t.px < 23.95)
            .map((t) => `${where}: ${t.text} ${t.px.toFixed(1)} px`),
        );
        const before = await position(page);
        await page.keyboard.press('PageDown');
        const moved = async () => (await position(page)) !== before;
        await expect.poll(moved, { message: `PageDown moves on from ${where}` }).toBe(true);
        if (Number(await lesson.getAttribute('data-lesson-step')) > LESSON_STEPS) break;
      }
      expect(small).toEqual([]);
      expect([...seen].sort((a, b) => a - b)).toEqual(
        Array.from({ length: LESSON_STEPS }, (_, i) => i + 1),
      );
    });
  });
