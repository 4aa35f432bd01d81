import { expect, test, type Page } from './fixtures';
import { openApp, stepLabel } from './app';
import { hostileUrls } from './hostileUrls';
import { parseUrl } from '../src/state/url';

// Hostile input at scale, through the URL: 500 generated URLs (unknown keys, wrong types,
// huge, negative and NaN numbers, 10,000-character text, emoji and combining marks, <script>
// and javascript: payloads, LaTeX such as \href, \url, \htmlClass). Each must load with the
// defaults for what it refuses and a notice naming each refusal, with no dialog, no element
// injected and no script run. The expected refusals come from the app's own parser, run here.
//
// 480 go through the app's real URL reading without reloading the page (history.pushState
// and popstate, which the app answers as it does a page load: src/state/urlSync.ts), in the
// page, one after another, in two tests of 240: for each, the notices and the absence of any
// injected element are checked once the notices show; for one in four, also that the
// fields show the parsed values (which waits for a new trace). 20 are real page loads, fully
// checked.

const URLS = hostileUrls(500);

interface Case {
  search: string;
  /** Also wait for the fields to show the values (a new trace computed and drawn). */
  full: boolean;
  text: string;
  act: string;
  problems: string[];
}

const caseOf = (search: string, i: number): Case => {
  const { state, problems } = parseUrl(`?${search}`);
  return { search, full: i % 4 === 0, text: state.text, act: state.act, problems };
};

/** In the page: what it shows for one case, and what is wrong with it (empty when fine). */
function checkInPage(c: Case): string[] {
  const field = (label: string) => {
    const l = [...document.querySelectorAll('label')].find((x) => x.textContent === label);
    return (l?.control as HTMLInputElement | HTMLSelectElement | null)?.value;
  };
  const shown = [...document.querySelectorAll('[aria-label="Notices"] .notice > span')].map(
    (s) => s.textContent ?? '',
  );
  const wrong: string[] = [];
  if (c.full && field('Sequence') !== c.text)
    wrong.push(`Sequence is ${JSON.stringify(field('Sequence'))}`);
  if (c.full && field('Activation') !== c.act) wrong.push(`Activation is ${field('Activation')}`);
  for (const p of c.problems) if (!shown.includes(p)) wrong.push(`no notice “${p}”`);
  const injected = document.querySelectorAll(
    'script:not([src]), [onerror], [onload], iframe, object, embed, .pwned, #pwned, a[href^="javascript" i]',
  );
  if (injected.length) wrong.push(`${injected.length} injected element(s)`);
  if ((window as unknown as { __pwned?: unknown }).__pwned) wrong.push('a payload ran');
  return wrong;
}

/** Counts dialogs: a payload that opened one would fail the test. */
function countDialogs(page: Page): () => number {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  return () => dialogs;
}

test.describe('500 hostile URLs', () => {
  for (const part of [0, 1])
    test(`240 through pushState and popstate (part ${part + 1} of 2)`, async ({ page }) => {
      test.setTimeout(60_000);
      const dialogs = countDialogs(page);
      await openApp(page);
      const cases = URLS.slice(20 + part * 240, 20 + (part + 1) * 240).map(caseOf);
      const started = Date.now();
      // The checker goes in as source through the DevTools protocol (the page's CSP forbids eval).
      await page.evaluate(`window.__checkCase = ${checkInPage.toString()}`);
      const report = await page.evaluate(
        async ({ cases }) => {
          const checkCase = (window as unknown as { __checkCase: (c: Case) => string[] })
            .__checkCase;
          const frame = () => new Promise((r) => requestAnimationFrame(r));
          const failures: { search: string; wrong: string[] }[] = [];
          let notices = 0;
          for (const c of cases) {
            history.pushState(null, '', `/?${c.search}`);
            dispatchEvent(new PopStateEvent('popstate'));
            let wrong = checkCase(c);
            for (let i = 0; i < 300 && wrong.length; i++) {
              await frame();
              wrong = checkCase(c);
            }
            if (wrong.length) failures.push({ search: c.search.slice(0, 200), wrong });
            // Dismiss every notice, as a reader would, before the next URL.
            notices += document.querySelectorAll('[aria-label="Notices"] .notice').length;
            for (let i = 0; i < 50; i++) {
              const b = document.querySelector<HTMLButtonElement>('[aria-label="Notices"] button');
              if (!b) break;
              b.click();
              await Promise.resolve(); // React renders a click's update in a microtask
            }
          }
          return { failures, notices };
        },
        { cases },
      );
      console.log(
        `hostile URLs (popstate): ${cases.length} in ${Date.now() - started} ms, ` +
          `${cases.filter((c) => c.problems.length).length} with refusals, ${report.notices} notices dismissed`,
      );
      expect(report.failures).toEqual([]);
      expect(dialogs()).toBe(0);
      // Still the app: it steps and computes.
      await page.goto('/?text=still+alive');
      await page.getByRole('button', { name: 'Step forward' }).click();
      await expect(stepLabel(page)).toHaveAttribute('data-step', 'f1');
    });

  test('20 as real page loads', async ({ page }) => {
    test.setTimeout(90_000);
    const dialogs = countDialogs(page);
    const cases = URLS.slice(0, 20).map((u) => caseOf(u, 0));
    for (const c of cases) {
      await page.goto(`/?${c.search}`);
      await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
      await expect
        .poll(() => page.evaluate(checkInPage, c), { message: c.search.slice(0, 200) })
        .toEqual([]);
    }
    expect(dialogs()).toBe(0);
  });
});
