import { expect, test, type Page } from './fixtures';
import { openApp } from './app';

// The built app runs under a Content-Security-Policy with no inline script and no eval
// (vite.config.ts puts it in index.html and in vite preview's headers). page.evaluate runs
// through the DevTools protocol, which the page's policy does not govern, so each check
// makes the PAGE do the thing: load a script, run an inline one, compile a string.

type Violation = { directive: string; blocked: string };
declare global {
  interface Window {
    __violations: Violation[];
    __inlineRan?: boolean;
    __probe?: { ran: boolean; evalRan: boolean; evalError: string; wasm: string };
  }
}

/** Records every securitypolicyviolation of the page, from before its first script. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }),
    );
  });
}
const violations = (page: Page) => page.evaluate(() => window.__violations);

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

test.describe('the Content-Security-Policy', () => {
  test('the page and the server carry a policy without inline script or eval', async ({ page }) => {
    const response = await page.goto('/');
    const meta = page.locator('head meta[http-equiv="Content-Security-Policy"]');
    const policy = (await meta.getAttribute('content')) ?? '';
    for (const [from, text] of [
      ['meta', policy],
      ['header', response?.headers()['content-security-policy'] ?? ''],
    ]) {
      const d = directives(text);
      const scriptSrc = d.get('script-src') ?? d.get('default-src');
      expect(scriptSrc, `${from}: script-src`).toBeDefined();
      expect(scriptSrc, from).not.toContain("'unsafe-eval'");
      expect(scriptSrc, from).not.toContain("'unsafe-inline'");
      expect(scriptSrc, from).not.toContain('*');
      expect(scriptSrc, from).not.toContain('data:');
      expect(d.get('object-src'), from).toEqual(["'none'"]);
    }
    // Nothing in the built page needs an exception: no inline script at all.
    await expect(page.locator('script:not([src])')).toHaveCount(0);
  });

  test.describe('what it refuses', () => {
    // Chrome reports each refusal on the console; these are this test's own doing (the page's
    // own violations are checked to be none before it starts).
    test.use({
      allowedErrors: [
        /(Executing inline script|Evaluating a string as JavaScript) violates the following Content Security Policy|Refused to (execute inline script|evaluate a string as JavaScript)/,
      ],
    });

    test('an inline script does not run, and a script of its own cannot eval', async ({
      page,
      baseURL,
    }) => {
      // A same-origin script file, as if it were part of the build: the policy lets it run,
      // and governs what it does. It tries eval and compiles a tiny WebAssembly module.
      await page.route(`${baseURL}/csp-probe.js`, (route) =>
        route.fulfill({
          contentType: 'text/javascript',
          body: `
            const probe = { ran: true, evalRan: false, evalError: '', wasm: '' };
            try { new Function('return 1')(); probe.evalRan = true; }
            catch (e) { probe.evalError = e.name; }
            try {
              new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
              probe.wasm = 'compiled';
            } catch (e) { probe.wasm = e.name; }
            window.__probe = probe;`,
        }),
      );
      await recordViolations(page);
      await openApp(page);
      expect(await violations(page), 'the app itself breaks no rule').toEqual([]);

      await page.evaluate(() => {
        const inline = document.createElement('script');
        inline.textContent = 'window.__inlineRan = true;';
        document.head.append(inline);
        const file = document.createElement('script');
        file.src = '/csp-probe.js';
        document.head.append(file);
      });
      await expect
        .poll(() => page.evaluate(() => window.__probe))
        .toEqual({
          ran: true,
          evalRan: false,
          evalError: 'EvalError',
          wasm: 'compiled',
        });
      expect(await page.evaluate(() => window.__inlineRan)).toBeUndefined();
      await expect
        .poll(() => violations(page))
        .toEqual(
          expect.arrayContaining([
            { directive: 'script-src-elem', blocked: 'inline' },
            { directive: 'script-src', blocked: 'eval' },
          ]),
        );
    });
  });

  test('the explorer computes under it: worker, equations and stepping, no error', async ({
    page,
  }) => {
    await recordViolations(page);
    await openApp(page, { preset: 'worked-example', step: 'f1', view: 'unrolled' });
    const derivation = page.getByRole('region', { name: 'Derivation' });
    await expect(derivation.locator('.katex').first()).toBeVisible();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByTestId('step-label')).toHaveAttribute('data-step', 'f2');
    await expect(derivation).toContainText('t = 2');
    // The weights' heatmaps and the graph drew with their inline styles; KaTeX's fonts loaded.
    await expect
      .poll(() => page.evaluate(() => document.fonts.check('16px KaTeX_Main')))
      .toBe(true);
    expect(await violations(page)).toEqual([]);
  });
});
