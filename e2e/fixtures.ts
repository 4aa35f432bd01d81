// The `test` every spec imports instead of @playwright/test's.
//
// - Any console error or uncaught page error during a test fails that test, with the messages
//   in the failure. A spec that expects some may list them: test.use({ allowedErrors: [/…/] }).
// - expectNoAxeViolations(page) runs axe-core with the WCAG 2.0/2.1 A and AA rules.
// - For `prefers-reduced-motion: reduce`, use test.use({ reducedMotion: 'reduce' }) or
//   `await page.emulateMedia({ reducedMotion: 'reduce' })`.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };
export type { Page };

type Fixtures = {
  /** Console errors and page errors matching one of these do not fail the test. */
  allowedErrors: RegExp[];
  /** The console and page errors seen so far in this test (checked after it ends). */
  pageErrors: string[];
};

export const test = base.extend<Fixtures>({
  allowedErrors: [[], { option: true }],
  pageErrors: [
    // (`provide` is Playwright's `use`; named so that the React hooks lint rule leaves it be.)
    async ({ context, allowedErrors }, provide) => {
      const errors: string[] = [];
      const record = (text: string) => {
        if (!allowedErrors.some((re) => re.test(text))) errors.push(text);
      };
      // On the context, so pages opened during the test (popups) count too.
      context.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const { url, lineNumber, columnNumber } = msg.location();
        const where = url ? ` [${url}:${lineNumber + 1}:${columnNumber + 1}]` : '';
        record(`console.error: ${msg.text()}${where}`);
      });
      context.on('weberror', (webError) => {
        const error = webError.error();
        record(`pageerror: ${error.stack || error.message}`);
      });
      await provide(errors);
      const list = errors.map((e) => `  ${e.replaceAll('\n', '\n    ')}`).join('\n');
      expect(errors.length, `console errors or page errors during the test:\n${list}`).toBe(0);
    },
    { auto: true },
  ],
});

export type AxeOptions = {
  /** CSS selectors to check (default: the whole page). */
  include?: string[];
  /** CSS selectors to leave out. */
  exclude?: string[];
  /** axe rule ids to turn off, each with a reason in the calling spec. */
  disableRules?: string[];
};

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Asserts that axe finds no WCAG 2.1 A/AA violation, listing any it finds readably. */
export async function expectNoAxeViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const { violations } = await builder.analyze();
  const summary = violations.map((v) => {
    const nodes = v.nodes.map((n) => {
      const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ');
      // failureSummary: "Fix any of the following:\n  <what is wrong here>"
      const why = n.failureSummary?.split('\n')[1]?.trim();
      return `    ${target}${why ? ` — ${why}` : ''}`;
    });
    const more = nodes.length > 10 ? [`    … and ${nodes.length - 10} more`] : [];
    return [
      `${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}`,
      `  ${v.helpUrl}`,
      ...nodes.slice(0, 10),
      ...more,
    ].join('\n');
  });
  expect(summary, `axe found ${violations.length} accessibility violation(s)`).toEqual([]);
}
