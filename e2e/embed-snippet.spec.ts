import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';

// Story: a course page on another site pastes the copy-paste example of docs/embedding.md, as it
// is written there (a strict sandbox, sandbox="allow-scripts"), and it drives the explorer: the
// frame's messages come from the origin "null" and reach it only with "*". The same block
// without the sandbox works too. The test reads the block from the doc, so the doc's snippet is
// the one that runs.

function docSnippet(): string {
  const doc = readFileSync('docs/embedding.md', 'utf8');
  const section = doc.slice(doc.indexOf('### A copy-paste example'));
  const block = /```html\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error('no html block under "A copy-paste example" in docs/embedding.md');
  return block[1];
}

let host: Server;
let hostOrigin = '';
let pageHtml = '';

test.beforeAll(async () => {
  host = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(pageHtml);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

for (const sandboxed of [true, false])
  test(`the documented snippet drives the explorer ${sandboxed ? 'in a strict sandbox' : 'without a sandbox'}`, async ({
    page,
    baseURL,
  }) => {
    let snippet = docSnippet()
      .replace('https://unrolled.example.org/', `${baseURL}/`)
      .replace('https://course.example.org', hostOrigin);
    expect(snippet).toContain('sandbox="allow-scripts"');
    if (!sandboxed) snippet = snippet.replace('sandbox="allow-scripts"', '');
    pageHtml = `<!doctype html><html lang="en"><head><title>Course</title></head><body>${snippet}</body></html>`;
    const said: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'log') said.push(m.text());
    });
    await page.goto(`${hostOrigin}/`);
    expect(new URL(page.url()).origin).not.toBe(new URL(baseURL!).origin);
    const frame = page.frameLocator('#unrolled');
    const app = () => page.frames().find((f) => f !== page.mainFrame())!;
    await expect(frame.getByRole('button', { name: 'Step forward' })).toBeVisible();
    expect(await app().evaluate(() => self.origin)).toBe(sandboxed ? 'null' : baseURL);

    // On `ready` the snippet sends setStep f1, and hears the step come back.
    await expect(frame.getByTestId('step-label')).toHaveAttribute('data-step', 'f1');
    await expect.poll(() => said).toContain('the explorer is at f1');
    // Its button moves the explorer.
    await page.getByRole('button', { name: 'Show the backward pass at t = 3' }).click();
    await expect(frame.getByTestId('step-label')).toHaveAttribute('data-step', 'b3');
    await expect.poll(() => said).toContain('the explorer is at b3');
    // It sized the frame to the height the explorer reported.
    await expect
      .poll(() => page.locator('#unrolled').evaluate((f) => (f as HTMLElement).style.height))
      .toMatch(/^\d+px$/);
  });
