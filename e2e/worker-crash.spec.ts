import type { Worker } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { exampleScenario as sc, exampleTrace as tr, openApp, sig3, stepLabel } from './app';

// Story: the math runs in a web worker, and if that worker dies (an uncaught error, or it just
// stops), the user keeps their picture: a new worker takes over with the same session, the
// interrupted request is redone, and the step, the settings and the numbers are as they were.
// The crashes are made on purpose from inside the worker (Playwright's worker.evaluate).

const panel = (page: Page) => page.getByRole('region', { name: 'Derivation' });

/** Waits until the derivation panel shows every value to 3 significant digits. */
async function expectNumbers(page: Page, values: number[], timeout?: number) {
  const missing = async () => {
    const text = ((await panel(page).textContent()) ?? '').replaceAll('−', '-');
    return values.map(sig3).filter((v) => !text.includes(v));
  };
  await expect.poll(missing, { message: 'numbers missing from the panel', timeout }).toEqual([]);
}

/** Every worker the page starts, in order. */
function recordWorkers(page: Page): Worker[] {
  const workers: Worker[] = [];
  page.on('worker', (w) => workers.push(w));
  return workers;
}

/** The next session call the worker receives (comlink's `{ type: 'APPLY', path: ['call'] }`)
 *  never reaches its code: instead the worker throws an uncaught error, or calls close() and is
 *  gone without a word. */
async function dieOnNextCall(worker: Worker, how: 'error' | 'close') {
  await worker.evaluate((how) => {
    const trap = (e: MessageEvent) => {
      if (e.data?.type !== 'APPLY' || e.data.path?.[0] !== 'call') return;
      e.stopImmediatePropagation();
      self.removeEventListener('message', trap, { capture: true });
      if (how === 'close') close();
      else throw new Error('deliberate crash (e2e)');
    };
    // Capturing, so it runs before comlink's listener on the same target.
    self.addEventListener('message', trap, { capture: true });
  }, how);
}

/** Forward step t: a_t, s_t, o_t, yhat_t and L_t of the worked example. */
const forward = (t: number) => [
  ...tr.a[t - 1],
  ...tr.s[t - 1],
  ...tr.o[t - 1],
  ...tr.yhat[t - 1],
  tr.losses[t - 1],
];

test.describe('the worker crashes and the picture survives', () => {
  test('an uncaught error, idle and then in the middle of a request', async ({ page }) => {
    const workers = recordWorkers(page);
    await openApp(page, { preset: 'worked-example', step: 'f2' });
    await expectNumbers(page, forward(2));
    expect(workers).toHaveLength(1);

    // 1. Idle: an error thrown from a timer. The app replaces the worker at once.
    await workers[0].evaluate(() => {
      setTimeout(() => {
        throw new Error('deliberate crash (e2e)');
      });
    });
    await expect.poll(() => workers.length).toBe(2);
    // Stepping never needed the worker; it still works and shows the trace's numbers.
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f3');
    await expectNumbers(page, forward(3));

    // 2. In the middle of a request: the new worker dies on the learning-rate change.
    await dieOnNextCall(workers[1], 'error');
    await page.getByLabel('Learning rate α').fill('0.2');
    await expect.poll(() => workers.length).toBe(3);

    // The request was redone on the third worker: same step, same numbers, the new rate used.
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'f3');
    await expectNumbers(page, forward(3));
    await expect(page.getByLabel('Learning rate α')).toHaveValue('0.2');
    await expect(page).toHaveURL(/lr=0\.2/);
    await page.getByRole('button', { name: 'Go to end' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'update');
    await expectNumbers(page, [sc.params.W[0][0] - 0.2 * tr.grads.W[0][0], tr.loss]);
    await expect(page.getByText('The computation failed')).toHaveCount(0);
  });

  test('a worker that stops answering (close()) is found out and replaced', async ({ page }) => {
    const workers = recordWorkers(page);
    const notices: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') notices.push(m.text());
    });
    await openApp(page, { preset: 'worked-example', step: 'b2' });
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'b3');

    await dieOnNextCall(workers[0], 'close');
    await page.getByLabel('Learning rate α').fill('0.3');
    // No event says the worker is gone: the client's ping goes unanswered for 5 s.
    await expect.poll(() => workers.length, { timeout: 30_000 }).toBe(2);
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'b3');
    await expectNumbers(page, [...tr.dL_do[2], ...tr.dL_ds[2], ...tr.dL_da[2]]);
    await page.getByRole('button', { name: 'Go to end' }).click();
    await expectNumbers(page, [sc.params.W[0][0] - 0.3 * tr.grads.W[0][0], tr.loss]);
    // A quiet notice for developers, nothing on screen.
    expect(notices).toEqual([
      'Unrolled: the worker stopped answering for 5000 ms; a new one took over with the same state.',
    ]);
    await expect(page.getByText('The computation failed')).toHaveCount(0);
  });

  test('killed while a step waits on it: restarted, the step taken on the redone trace', async ({
    page,
    context,
  }) => {
    const workers = recordWorkers(page);
    await openApp(page, { text: 'hello', step: 'f1' });
    // A new URL (as back/forward or a lesson would bring) asks for a new trace and a step in
    // it: b4 exists only once that trace is there. The worker dies on receiving the request.
    await dieOnNextCall(workers[0], 'error');
    await page.evaluate(() => {
      history.pushState(null, '', '/?text=crash+test&step=b4&hidden=4');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect.poll(() => workers.length).toBe(2);
    await expect(stepLabel(page)).toHaveAttribute('data-step', 'b4');
    await expect(page.getByLabel('Sequence')).toHaveValue('crash test');
    await expect(page.getByLabel('Hidden size')).toHaveValue('4');
    await expect(page.getByText('The computation failed')).toHaveCount(0);
    // The same numbers as a page that never saw a crash.
    const loss = await page.getByTestId('running-loss').getAttribute('data-value');
    const fresh = await context.newPage();
    await openApp(fresh, { text: 'crash test', step: 'b4', hidden: '4' });
    await expect(fresh.getByTestId('running-loss')).toHaveAttribute('data-value', loss!);
  });
});
