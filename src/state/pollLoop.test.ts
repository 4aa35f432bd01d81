import { describe, expect, it } from 'vitest';
import { createPollLoop } from './pollLoop';

/** A request whose answers the test hands out one at a time. */
function gate<R>() {
  const waiting: { resolve: (r: R) => void; reject: (e: Error) => void }[] = [];
  const request = () => new Promise<R>((resolve, reject) => waiting.push({ resolve, reject }));
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { request, waiting, tick };
}

describe('createPollLoop', () => {
  it('asks again after each report until onReport says enough', async () => {
    const loop = createPollLoop();
    let n = 0;
    const seen: number[] = [];
    const end = await loop.run(
      async () => ++n,
      (r) => {
        seen.push(r);
        return r < 3;
      },
    );
    expect(end).toBe('finished');
    expect(seen).toEqual([1, 2, 3]);
  });

  it('stop() drops the answer on its way and ends the run', async () => {
    const loop = createPollLoop();
    const g = gate<number>();
    const seen: number[] = [];
    const ended = loop.run(g.request, (r) => (seen.push(r), true));
    await g.tick();
    loop.stop();
    g.waiting[0].resolve(1);
    expect(await ended).toBe('superseded');
    expect(seen).toEqual([]);
    expect(g.waiting).toHaveLength(1);
  });

  it('a newer run supersedes the older one, whose failure is dropped', async () => {
    const loop = createPollLoop();
    const g = gate<number>();
    const older = loop.run(g.request, () => true);
    await g.tick();
    const seen: number[] = [];
    const newer = loop.run(g.request, (r) => (seen.push(r), false));
    await g.tick();
    g.waiting[0].reject(new Error('cancelled by the newer call'));
    expect(await older).toBe('superseded');
    g.waiting[1].resolve(7);
    expect(await newer).toBe('finished');
    expect(seen).toEqual([7]);
  });

  it('rejects with the error of a failed request in the current run', async () => {
    const loop = createPollLoop();
    await expect(
      loop.run(
        () => Promise.reject(new Error('the worker failed')),
        () => true,
      ),
    ).rejects.toThrow('the worker failed');
  });
});
