import { expect, test, type Page } from './fixtures';

// Hostile input at scale, through postMessage: 100 malformed or foreign messages to an embedded
// explorer, 70 from its parent and 30 from a sibling frame (a window that is not the parent,
// even when what it sends is a valid command). Every one is ignored without error: the step
// stays where it was, and a valid command from the parent still works afterwards.

// The course page is served (by a route) from the app's own origin, as in embed.spec.ts.
const HOST_PATH = '/__hostile-course-page.html';

async function hostPage(page: Page, baseURL: string) {
  await page.route(`${baseURL}${HOST_PATH}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Course</title></head><body>
        <iframe id="f" title="Unrolled" src="${baseURL}/?embed=1&text=hello&step=f2" style="width:900px;height:600px;border:0"></iframe>
        <iframe id="sibling" title="Another widget" srcdoc="<p>widget</p>"></iframe>
        <script>
          window.__msgs = [];
          addEventListener('message', (e) => { if (e.data && e.data.source === 'unrolled') window.__msgs.push(e.data); });
          const app = () => document.getElementById('f').contentWindow;
          window.send = (m) => app().postMessage(m, '*');
          // From the sibling frame: a window that is not the app's parent.
          // A function made in the sibling's realm: the message's source is the sibling.
          window.sendFromSibling = (m) =>
            document.getElementById('sibling').contentWindow.eval('(m) => parent.frames[0].postMessage(m, "*")')(m);
        </script></body></html>`,
    }),
  );
  await page.goto(`${baseURL}${HOST_PATH}`);
}

test('100 malformed or foreign messages are ignored without error', async ({ page, baseURL }) => {
  await hostPage(page, baseURL!);
  const frame = page.frameLocator('#f');
  await expect(frame.getByTestId('step-label')).toHaveAttribute('data-step', 'f2');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __msgs: unknown[] }).__msgs.length))
    .toBeGreaterThan(0);

  // Made and sent inside the page: most of these cannot cross the DevTools protocol.
  const sent = await page.evaluate(() => {
    const step = (s: unknown) => ({ target: 'unrolled', type: 'setStep', step: s });
    const deep = () => {
      let o: Record<string, unknown> = { target: 'unrolled', type: 'play' };
      for (let i = 0; i < 2000; i++) o = { target: 'unrolled', type: 'play', inner: o };
      return { nested: o };
    };
    const list: unknown[] = [
      null,
      undefined,
      0,
      -1,
      NaN,
      Infinity,
      '',
      'setStep',
      'play',
      '{"target":"unrolled","type":"play"}',
      true,
      [],
      [{ target: 'unrolled', type: 'play' }],
      {},
      { type: 'play' },
      { target: 'Unrolled', type: 'play' },
      { target: 'unrolled ', type: 'play' },
      { target: 'unrolled', type: 'PLAY' },
      { target: 'unrolled', type: 'eval', code: 'window.__pwned = 1' },
      { target: 'unrolled', type: 'setStep' },
      step(null),
      step(2),
      step(NaN),
      step(['b1']),
      step({ toString: 'b1' }),
      step('b1'.repeat(10)),
      step('x'.repeat(1_000_000)),
      step('<img src=x onerror="window.__pwned=1">'),
      step('javascript:1'),
      { target: 'unrolled', type: { toString: 'play' } },
      { target: ['unrolled'], type: 'play' },
      { source: 'unrolled', type: 'ready', version: 1 },
      { source: 'unrolled', type: 'step', step: 'b1' },
      // The step only on the prototype, which a structured clone drops.
      { target: 'unrolled', type: 'setStep', __proto__: { step: 'b1' } },
      JSON.parse('{"__proto__":{"polluted":true},"target":"unrolled","type":"nope"}'),
      { constructor: { prototype: { polluted: true } } },
      new Date(0),
      /play/,
      new Map([['type', 'play']]),
      new Set(['play']),
      new ArrayBuffer(8),
      new Uint8Array(1024),
      new Float64Array([NaN, Infinity]),
      new Error('play'),
      new Blob(['{"target":"unrolled","type":"play"}']),
      BigInt(1),
      new Array(100_000).fill({ target: 'unrolled', type: 'play' }),
      deep(),
      'x'.repeat(100_000),
      ...Array.from({ length: 21 }, (_, i) => ({ target: 'unrolled', type: `step${i}` })),
    ];
    const w = window as unknown as {
      send: (m: unknown) => void;
      sendFromSibling: (m: unknown) => void;
    };
    for (const m of list) w.send(m);
    // 30 from the sibling, which is not the app's parent: valid commands and junk alike.
    const valid = [
      { target: 'unrolled', type: 'play' },
      { target: 'unrolled', type: 'setStep', step: 'b1' },
      { target: 'unrolled', type: 'setStep', step: 'update' },
    ];
    for (let i = 0; i < 30; i++) w.sendFromSibling(i % 2 ? valid[i % 3] : list[i]);
    // Last, a valid command from the parent: when it has been obeyed, all the above were read.
    w.send({ target: 'unrolled', type: 'setStep', step: 'f3' });
    return [list.length, 30];
  });
  expect(sent).toEqual([70, 30]);

  await expect(frame.getByTestId('step-label')).toHaveAttribute('data-step', 'f3');
  const steps = await page.evaluate(() =>
    (window as unknown as { __msgs: { type: string; step?: string }[] }).__msgs
      .filter((m) => m.type === 'step')
      .map((m) => m.step),
  );
  // The step went from f2 to f3 and nowhere else; nothing played, nothing was injected.
  expect(steps.filter((s) => s !== 'f2')).toEqual(['f3']);
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  const app = page.frame({ url: /embed=1/ })!;
  expect(
    await app.evaluate(() => ({
      polluted: ({} as Record<string, unknown>).polluted ?? null,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      notices: document.querySelectorAll('.notice').length,
    })),
  ).toEqual({ polluted: null, pwned: null, notices: 0 });
});
