import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from './fixtures';

// Story: a course page on another site frames the explorer in the strictest sandbox,
// sandbox="allow-scripts" without allow-same-origin, so the app runs with the opaque origin
// `null`. It loads (its script, stylesheet and fonts come in CORS mode), computes (the worker
// is started from a blob: URL, since a null origin may not start one from the server's URL),
// steps, talks with its parent by postMessage, and says quietly that it cannot store anything.

// The course page comes from a real second origin (127.0.0.1 on its own port, beside the app
// on localhost): a page fulfilled by a route would count as public, and Chrome does not let a
// public page frame localhost.
let host: Server;
let hostOrigin = '';

test.beforeAll(async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port) + 200;
  host = createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('q') ?? '';
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><title>Course</title></head><body>
      <iframe id="f" title="Unrolled" sandbox="allow-scripts"
        src="${baseURL}/?${query.replace(/[^\w=&%.-]/g, '')}"
        style="width:1000px;height:700px;border:0"></iframe>
      <script>
        window.__msgs = [];
        addEventListener('message', (e) => {
          if (e.data && e.data.source === 'unrolled') window.__msgs.push({ origin: e.origin, data: e.data });
        });
        window.send = (m) => document.getElementById('f').contentWindow.postMessage(m, '*');
      </script></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => host.close(resolve));
});

type Msg = { origin: string; data: Record<string, unknown> };
const messages = (page: Page) =>
  page.evaluate(() => (window as unknown as { __msgs: Msg[] }).__msgs.map((m) => m.data));
const send = (page: Page, m: unknown) =>
  page.evaluate((m) => (window as unknown as { send: (m: unknown) => void }).send(m), m);

test('a frame with sandbox="allow-scripts" on another site: loads, computes, steps, talks', async ({
  page,
}) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${hostOrigin}/?q=${encodeURIComponent('embed=1&text=hello&view=unrolled')}`);
  const frame = page.frameLocator('#f');
  const app = () => page.frames().find((f) => f !== page.mainFrame())!;

  // It runs with the opaque origin, and says what it cannot do, quietly.
  await expect(frame.getByRole('button', { name: 'Step forward' })).toBeVisible();
  expect(await app().evaluate(() => self.origin)).toBe('null');
  await expect(frame.getByRole('region', { name: 'Notices' })).toContainText(
    'cannot save anything in this browser',
  );
  // The stylesheet applied (the transport is laid out as a bar, not as bare inline buttons).
  expect(
    await app().evaluate(() => getComputedStyle(document.body).margin),
    'the stylesheet loaded',
  ).toBe('0px');

  // The trace was computed, in a worker started from a blob: URL.
  await expect
    .poll(() => messages(page))
    .toContainEqual({ source: 'unrolled', type: 'ready', version: 1 });
  expect(workers.some((u) => u.startsWith('blob:'))).toBe(true);

  // It steps, and the derivation shows the step's equations (KaTeX and its fonts loaded).
  await frame.getByRole('button', { name: 'Step forward' }).click();
  await expect(frame.getByTestId('step-label')).toHaveAttribute('data-step', 'f1');
  const derivation = frame.getByRole('region', { name: 'Derivation' });
  await expect(derivation.locator('.katex').first()).toBeVisible();
  await expect(derivation).toContainText('t = 1');

  // The parent drives it and hears back.
  await send(page, { target: 'unrolled', type: 'setStep', step: 'b2' });
  await expect(frame.getByTestId('step-label')).toHaveAttribute('data-step', 'b2');
  await expect
    .poll(() => messages(page))
    .toContainEqual({ source: 'unrolled', type: 'step', step: 'b2' });
  await expect(frame.getByRole('region', { name: 'Derivation' })).toHaveAttribute(
    'aria-busy',
    'false',
  );
});
