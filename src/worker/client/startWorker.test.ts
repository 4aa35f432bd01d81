import { describe, expect, it } from 'vitest';
import type { WorkerLike } from './client';
import { deferredWorker } from './startWorker';

/** A fake worker that records what it is sent and can answer. */
function fakeWorker() {
  const target = new EventTarget();
  const sent: unknown[] = [];
  let terminated = false;
  const w: WorkerLike = {
    postMessage: (m: unknown) => void sent.push(m),
    addEventListener: target.addEventListener.bind(target) as WorkerLike['addEventListener'],
    removeEventListener: target.removeEventListener.bind(
      target,
    ) as WorkerLike['removeEventListener'],
    terminate: () => void (terminated = true),
  };
  return {
    w,
    sent,
    answer: (data: unknown) => target.dispatchEvent(new MessageEvent('message', { data })),
    terminated: () => terminated,
  };
}

describe('a worker that is not there yet (deferredWorker)', () => {
  it('keeps messages and listeners until it comes, then hands them over in order', async () => {
    const real = fakeWorker();
    let arrive!: (w: WorkerLike) => void;
    const w = deferredWorker(new Promise((r) => (arrive = r)));
    const heard: unknown[] = [];
    w.addEventListener('message', (e) => heard.push((e as MessageEvent).data));
    w.postMessage('first');
    w.postMessage('second');
    expect(real.sent).toEqual([]);
    arrive(real.w);
    await Promise.resolve();
    expect(real.sent).toEqual(['first', 'second']);
    w.postMessage('third');
    expect(real.sent).toEqual(['first', 'second', 'third']);
    real.answer('pong');
    expect(heard).toEqual(['pong']);
  });

  it('one that never comes is an error event, as from a dead worker, and onFail is told', async () => {
    let failed = 0;
    const w = deferredWorker(Promise.reject(new Error('no worker here')), () => failed++);
    const errors: Event[] = [];
    w.addEventListener('error', (e) => errors.push(e));
    await new Promise((r) => setTimeout(r, 0));
    expect(failed).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0].cancelable).toBe(true);
  });

  it('terminated before it comes: the worker is stopped as soon as it arrives', async () => {
    const real = fakeWorker();
    const w = deferredWorker(Promise.resolve(real.w));
    w.terminate();
    await Promise.resolve();
    await Promise.resolve();
    expect(real.terminated()).toBe(true);
  });
});
