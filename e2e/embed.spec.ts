import { expect, test, type Page } from './fixtures';

// A course page embeds the explorer in an iframe and drives it with postMessage.

// The course page is served (by a route) from the app's own origin: Chrome does not let a page
// from a public host frame localhost.
const HOST_PATH = '/__course-page.html';

async function hostPage(
  page: Page,
  baseURL: string,
  query: string,
  size: { width: number; height: number } = { width: 1000, height: 700 },
) {
  await page.route(`${baseURL}${HOST_PATH}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Course</title></head><body>
        <iframe id="f" title="Unrolled" src="${baseURL}/?${query}" style="width:${size.width}px;height:${size.height}px;border:0;display:block"></iframe>
        <script>
          window.__msgs = [];
          addEventListener('message', (e) => { if (e.data && e.data.source === 'unrolled') window.__msgs.push(e.data); });
          window.send = (m) => document.getElementById('f').contentWindow.postMessage(m, '*');
        </script></body></html>`,
    }),
  );
  await page.goto(`${baseURL}${HOST_PATH}`);
}

const messages = (page: Page) =>
  page.evaluate(() => (window as unknown as { __msgs: Record<string, unknown>[] }).__msgs);

test.describe('embedding', () => {
  test('says ready, follows setStep, play and pause, reports steps and height', async ({
    page,
    baseURL,
  }) => {
    await hostPage(
      page,
      baseURL!,
      `embed=1&text=hello&parentOrigin=${encodeURIComponent(baseURL!)}`,
    );
    await expect
      .poll(() => messages(page))
      .toContainEqual({ source: 'unrolled', type: 'ready', version: 1 });
    await expect
      .poll(async () =>
        (await messages(page)).some((m) => m.type === 'resize' && Number(m.height) > 100),
      )
      .toBe(true);
    const frame = page.frameLocator('#f');
    // No site chrome in embed mode.
    await expect(frame.getByRole('heading', { name: 'Unrolled', level: 1 })).toHaveCount(0);

    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({
        target: 'unrolled',
        type: 'setStep',
        step: 'b3',
      }),
    );
    await expect(frame.getByTestId('step-label')).toHaveAttribute('data-step', 'b3');
    await expect
      .poll(() => messages(page))
      .toContainEqual({ source: 'unrolled', type: 'step', step: 'b3' });

    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({
        target: 'unrolled',
        type: 'play',
      }),
    );
    await expect(frame.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({
        target: 'unrolled',
        type: 'pause',
      }),
    );
    await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  });

  test('ignores malformed messages and messages from another origin, without error', async ({
    page,
    baseURL,
  }) => {
    await hostPage(page, baseURL!, 'embed=1&text=hello&parentOrigin=https://other.example');
    const frame = page.frameLocator('#f');
    await expect(frame.getByRole('button', { name: 'Step forward' })).toBeVisible();
    // The parent is the app's origin, not the origin the page was opened for: setStep is ignored.
    await page.evaluate(() =>
      (window as unknown as { send: (m: unknown) => void }).send({
        target: 'unrolled',
        type: 'setStep',
        step: 'f2',
      }),
    );
    // And from the right window but malformed: ignored too.
    for (const bad of [
      null,
      'setStep',
      { target: 'unrolled', type: 'setStep', step: 42 },
      { target: 'unrolled', type: 'eval', code: 'alert(1)' },
    ])
      await page.evaluate(
        (m) => (window as unknown as { send: (m: unknown) => void }).send(m),
        bad,
      );
    // A later, valid step from the test itself proves the app is alive and saw none of the above.
    await frame.getByRole('button', { name: 'Step forward' }).click();
    await expect(frame.getByTestId('step-label')).toHaveAttribute('data-step', 'f1');
    // Nothing was posted to a parent of the wrong origin.
    expect(await messages(page)).toEqual([]);
  });

  // Issue 22.7: the frame can size itself to its content, and says where it is from the start.
  test('says its step at once, names the lesson step, and reports the height its content needs', async ({
    page,
    baseURL,
  }) => {
    const resizes = async () =>
      (await messages(page)).filter((m) => m.type === 'resize').map((m) => Number(m.height));
    const lastHeight = async () => (await resizes()).at(-1) ?? 0;
    await hostPage(page, baseURL!, 'embed=1&text=hello&view=unrolled&step=f2');
    // A frame opened at step=f2 says so without being asked, right after ready.
    await expect
      .poll(async () => (await messages(page)).filter((m) => m.type !== 'resize'))
      .toEqual([
        { source: 'unrolled', type: 'ready', version: 1 },
        { source: 'unrolled', type: 'step', step: 'f2' },
      ]);
    await expect.poll(lastHeight).toBeGreaterThan(100);
    const frame = page.frameLocator('#f');
    const closed = await lastHeight();
    // Opening the weights grows what the content needs, past the frame's 700 px; closing them
    // brings it back.
    await frame.locator('summary', { hasText: 'Weights and gradients' }).click();
    await expect.poll(lastHeight).toBeGreaterThan(Math.max(closed, 700) + 100);
    await frame.locator('summary', { hasText: 'Weights and gradients' }).click();
    await expect.poll(lastHeight).toBe(closed);
    // A host that sets the frame to each reported height (as the docs' snippet does) comes to
    // rest at a height where nothing in the stage column scrolls, and it does not grow on and on
    // (the frame does not report its own new viewport back).
    await frame.locator('summary', { hasText: 'Weights and gradients' }).click();
    await expect.poll(lastHeight).toBeGreaterThan(800);
    const app = page.frame({ url: /embed=1/ })!;
    const follow = async () => {
      const h = await lastHeight();
      await page.locator('#f').evaluate((f, h) => ((f as HTMLElement).style.height = `${h}px`), h);
      const overflow = await app.evaluate(() => {
        const c = document.querySelector('.stage-column')!;
        return c.scrollHeight - c.clientHeight;
      });
      return overflow <= 1 && (await lastHeight()) === h;
    };
    await expect.poll(follow).toBe(true);
    expect(await lastHeight()).toBeLessThan(2400);
  });

  test('a lesson in a frame: step messages name the lesson step, a long step grows it', async ({
    page,
    baseURL,
  }) => {
    await hostPage(page, baseURL!, 'embed=1&lesson=12');
    const frame = page.frameLocator('#f');
    await expect(frame.getByRole('region', { name: 'Lesson' })).toHaveAttribute(
      'data-ready',
      'true',
    );
    await expect
      .poll(async () => (await messages(page)).filter((m) => m.type === 'step').at(-1))
      .toEqual({ source: 'unrolled', type: 'step', step: 'b21', lesson: 12 });
    await expect
      .poll(async () =>
        (await messages(page))
          .filter((m) => m.type === 'resize')
          .map((m) => Number(m.height))
          .at(-1),
      )
      .toBeGreaterThan(700);
  });

  // Issue 7.9: a lecture page's frame shows the stage, the transport and the current equation,
  // and the height the app reports does not jump as it steps.
  for (const size of [
    { width: 900, height: 600 },
    { width: 640, height: 480 },
  ]) {
    test(`fits a ${size.width} × ${size.height} frame with a steady height`, async ({
      page,
      baseURL,
    }) => {
      await page.setViewportSize({ width: size.width + 40, height: size.height + 40 });
      await hostPage(page, baseURL!, 'embed=1&text=hello&view=unrolled', size);
      const frame = page.frameLocator('#f');
      const forward = frame.getByRole('button', { name: 'Step forward' });
      await expect(forward).toBeVisible();
      const app = page.frame({ url: /embed=1/ })!;
      // What of the stage, the Step forward button and the derivation's first equation lies
      // outside the frame's viewport (the first equation whole, the others at least their top
      // left 24 px), measured inside the frame in one go.
      const outside = () =>
        app.evaluate(() => {
          const W = window.innerWidth;
          const H = window.innerHeight;
          const parts: [string, Element | null, boolean][] = [
            ['the stage', document.querySelector('section[aria-label="Network graph"]'), false],
            [
              'Step forward',
              [...document.querySelectorAll('button')].find((b) =>
                b.textContent?.startsWith('Step forward'),
              ) ?? null,
              true,
            ],
            [
              'the first equation',
              document.querySelector('section[aria-label="Derivation"] .katex-display'),
              true,
            ],
          ];
          return parts
            .filter(([, el, whole]) => {
              if (!el) return true;
              const r = el.getBoundingClientRect();
              const bottom = whole ? r.bottom : r.top + Math.min(r.height, 24);
              const right = whole ? r.right : r.left + Math.min(r.width, 24);
              return (
                r.width === 0 || r.top < 0 || r.left < 0 || bottom > H + 0.5 || right > W + 0.5
              );
            })
            .map(([name]) => name);
        });
      const derivation = frame.getByRole('region', { name: 'Derivation' });
      for (const label of ['f1', 'f2', 'f3', 'f4', 'b4', 'b3', 'b2', 'b1']) {
        await forward.click();
        await expect(frame.getByTestId('step-label')).toHaveAttribute('data-step', label);
        await expect(derivation).toHaveAttribute('aria-busy', 'false');
        expect(await outside(), `at ${label}, outside the frame`).toEqual([]);
      }
      const heights = (await messages(page))
        .filter((m) => m.type === 'resize')
        .map((m) => Number(m.height));
      expect(heights.length).toBeGreaterThan(0);
      expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(40);
      expect(Math.max(...heights)).toBeLessThanOrEqual(size.height);
    });
  }
});
