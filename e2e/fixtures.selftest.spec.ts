// Checks the checks: the fixtures in ./fixtures.ts must really fail a test on a console error,
// an uncaught page error or an accessibility violation. These pages are set inline; they do not
// need the app. The two marked test.fail() pass by failing: the list reporter shows them as ✘.
import { expect, expectNoAxeViolations, test } from './fixtures';

const cleanPage = `<!doctype html><html lang="en"><head><title>Clean</title></head>
<body><main><h1>Clean</h1><p>Nothing wrong here.</p></main></body></html>`;

test.describe('fixtures self-test', () => {
  test('a clean page passes both checks', async ({ page }) => {
    await page.setContent(cleanPage);
    await expectNoAxeViolations(page);
  });

  test('console and page errors are recorded with their text', async ({ page, pageErrors }) => {
    await page.setContent(cleanPage);
    await page.evaluate(() => {
      console.error('self-test: recorded');
      setTimeout(() => {
        throw new Error('self-test: thrown');
      });
    });
    await expect
      .poll(() => pageErrors.join('\n'))
      .toMatch(/console\.error: self-test: recorded[\s\S]*pageerror: Error: self-test: thrown/);
    pageErrors.length = 0; // seen and expected: let the test pass
  });

  test('a console.error fails the test (expected failure)', async ({ page }) => {
    // Expected to fail: the failure comes from the fixture, after the body has passed.
    test.fail();
    await page.setContent(cleanPage);
    await page.evaluate(() => console.error('self-test: console error'));
  });

  test('an uncaught page error fails the test (expected failure)', async ({ page, pageErrors }) => {
    test.fail();
    await page.setContent(cleanPage);
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('self-test: uncaught');
      });
    });
    // Wait for the error to arrive (a state, not a time); the fixture then fails the test.
    await expect.poll(() => pageErrors.length).toBeGreaterThan(0);
  });

  test.describe('with allowedErrors', () => {
    test.use({ allowedErrors: [/self-test: expected/] });
    test('an allowed console error does not fail the test', async ({ page, pageErrors }) => {
      await page.setContent(cleanPage);
      await page.evaluate(() => console.error('self-test: expected noise'));
      expect(pageErrors).toEqual([]);
    });
  });

  test('an accessibility violation is reported with its rule and node', async ({ page }) => {
    await page.setContent(`<!doctype html><html lang="en"><head><title>Bad</title></head>
      <body><main><img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>`);
    const failure = await expectNoAxeViolations(page).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(failure).toContain('image-alt');
    expect(failure).toContain('#no-alt');
  });
});
