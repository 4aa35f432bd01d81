import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerClient } from '../../worker/client/client';
import type { ComlinkMessage } from '../../worker/testing/fakeWorker';

// The store's goTo against the real worker client and api on fake Workers (a MessageChannel
// each) that can be made to crash: superseded requests, errors, and recovery from a crash
// with the user's config, cursor and view untouched.

const h = vi.hoisted(() => ({
  client: null as WorkerClient | null,
  /** How the next worker started dies, if it should (set per test). */
  dieOn: (() => undefined) as (m: ComlinkMessage) => 'error' | 'silence' | undefined,
}));

vi.mock('../appWorker', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../appWorker')>();
  const { createWorkerClient } = await import('../../worker/client/client');
  const { openExplorerSession } = await import('../../worker/client/sessions');
  const { FakeWorker } = await import('../../worker/testing/fakeWorker');
  h.client = createWorkerClient({
    createWorker: () => new FakeWorker({ dieOn: (m) => h.dieOn(m) }),
    pingEveryMs: 10,
    pingTimeoutMs: 1000,
  });
  return { ...actual, explorerSession: openExplorerSession(h.client) };
});

const { useStore } = await import('../store');
const { explorerSession } = await import('../appWorker');
const { exploreRequest } = await import('./navSlice');
const { calls } = await import('../../worker/testing/fakeWorker');

const initial = useStore.getState();

/** Makes the worker die (once) on the next session call it receives. */
function dieOnNextCall(how: 'error' | 'silence', times = 1) {
  let left = times;
  h.dieOn = (m) => (calls('call')(m) && left-- > 0 ? how : undefined);
}

beforeEach(() => {
  useStore.setState(initial, true);
  h.dieOn = () => undefined;
});
afterAll(() => h.client?.dispose());

const st = () => useStore.getState();

describe('goTo on a worker that may crash', () => {
  it('computes the picture of the new config; the cursor keeps its place', async () => {
    await st().goTo({ config: { text: 'hello', hidden: 3 }, step: 'f3' });
    expect(st().status).toBe('ready');
    expect(st().error).toBeNull();
    expect(st().result?.trace.T).toBe(4);
    expect(st().result?.scenario.params.H).toBe(3);
    expect(st().cursor).toBe(3);
  });

  it('of superseded changes only the newest is shown, and no error on the way', async () => {
    await st().goTo({ config: { text: 'hello' } });
    const statuses: string[] = [];
    const unsubscribe = useStore.subscribe((s) => statuses.push(s.status));
    const all = [4, 5, 6].map((hidden) => st().setConfig({ hidden }));
    const outcomes = await Promise.all(all);
    unsubscribe();
    expect(outcomes.map((o) => o.ok)).toEqual([false, false, true]);
    expect(st().result?.scenario.params.H).toBe(6);
    expect(st().config.hidden).toBe(6);
    expect(st().status).toBe('ready');
    expect(statuses).not.toContain('error');
    expect(statuses.at(-1)).toBe('ready');
  });

  it('a change that cannot be computed keeps the last good result and says why', async () => {
    await st().goTo({ config: { text: 'hello' } });
    const good = st().result;
    const r = await st().setConfig({ text: 'h' });
    expect(r.ok).toBe(false);
    expect(st().status).toBe('ready');
    expect(st().error).toMatch(/^text: expected at least 2 characters/);
    expect(st().result).toBe(good);
    expect(st().config.text).toBe('hello');
    // A change that works clears the error.
    await st().setConfig({ text: 'hey' });
    expect(st().status).toBe('ready');
    expect(st().error).toBeNull();
  });

  it('a worker crash during a change is recovered: cursor and view kept, right numbers', async () => {
    await st().goTo({ config: { text: 'hello' }, step: 'b4', view: 'unrolled' });
    const before = st().result!;
    const generation = h.client!.generation;

    dieOnNextCall('error');
    await st().setConfig({ lr: 0.2 });
    expect(h.client!.generation).toBe(generation + 1);
    expect(st().status).toBe('ready');
    expect(st().error).toBeNull();
    expect(st().result!.trace.loss).toBe(before.trace.loss);
    expect(st().result!.updated.lr).toBe(0.2);
    expect(st().cursor).toBe(5);
    expect(st().view).toBe('unrolled');

    // And a worker that falls silent mid-request.
    dieOnNextCall('silence');
    await st().setConfig({ hidden: 2 });
    expect(h.client!.generation).toBe(generation + 2);
    expect(st().result!.scenario.params.H).toBe(2);
    expect(st().cursor).toBe(5);
  });

  it('a change that crashes the worker twice fails with a clear error; the last result stays', async () => {
    await st().goTo({ config: { text: 'hello' } });
    const good = st().result;
    dieOnNextCall('error', 2);
    await st().setConfig({ hidden: 6 });
    expect(st().error).toBe(
      'The computation failed: the worker stopped with an error; it has been restarted',
    );
    expect(st().result).toBe(good);
    expect(st().config.hidden).not.toBe(6);
    // The same change works on the new worker.
    await st().setConfig({ hidden: 6 });
    expect(st().error).toBeNull();
    expect(st().result!.scenario.params.H).toBe(6);
  });

  it('a candidate computed outside the store leaves the store unchanged', async () => {
    await st().goTo({ config: { text: 'hello' } });
    const shown = st().result;
    const s = st();
    const candidate = await explorerSession.explore({
      ...exploreRequest(s.config, s.source),
      lr: 0.5,
    });
    expect(candidate.ok && candidate.value.updated.lr).toBe(0.5);
    expect(st().result).toBe(shown);
  });
});
