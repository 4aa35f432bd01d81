import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerClient } from '../../worker/client';
import type { ComlinkMessage } from '../../worker/testing/fakeWorker';

// The store's compute actions, against the real client and api on fake Workers (a
// MessageChannel each) that can be made to crash: superseded requests, errors, and recovery
// from a crash with the user's config, cursor and view untouched.

const h = vi.hoisted(() => ({
  client: null as WorkerClient | null,
  /** How the next worker started dies, if it should (set per test). */
  dieOn: (() => undefined) as (m: ComlinkMessage) => 'error' | 'silence' | undefined,
}));

vi.mock('../../worker/explorer', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../worker/explorer')>();
  const { createWorkerClient } = await import('../../worker/client');
  const { FakeWorker } = await import('../../worker/testing/fakeWorker');
  h.client = createWorkerClient({
    createWorker: () => new FakeWorker({ dieOn: (m) => h.dieOn(m) }),
    pingEveryMs: 10,
    pingTimeoutMs: 1000,
  });
  return { ...actual, explorerSession: actual.openExplorerSession(h.client) };
});

const { useStore } = await import('../store');
const { explorerSession } = await import('../../worker/explorer');
const { exploreRequest } = await import('./computeSlice');
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

describe('compute actions', () => {
  it('recompute shows the picture of the current config; the cursor stays where it was', async () => {
    useStore.setState({ cursor: 3, config: { ...st().config, text: 'hello', hidden: 3 } });
    await st().recompute();
    expect(st().status).toBe('ready');
    expect(st().error).toBeNull();
    expect(st().result?.trace.T).toBe(4);
    expect(st().result?.scenario.params.H).toBe(3);
    expect(st().cursor).toBe(3);
  });

  it('of superseded requests only the newest is shown, and no error on the way', async () => {
    const statuses: string[] = [];
    const unsubscribe = useStore.subscribe((s) => statuses.push(s.status));
    const first = st().recompute();
    useStore.setState({ config: { ...st().config, hidden: 4 } });
    const second = st().recompute();
    useStore.setState({ config: { ...st().config, hidden: 5 } });
    const third = st().recompute();
    await Promise.all([first, second, third]);
    unsubscribe();
    expect(st().result?.scenario.params.H).toBe(5);
    expect(st().status).toBe('ready');
    expect(statuses).not.toContain('error');
    expect(statuses.at(-1)).toBe('ready');
  });

  it('an error keeps the last good result and says why', async () => {
    await st().recompute();
    const good = st().result;
    expect(good).not.toBeNull();
    useStore.setState({ config: { ...st().config, text: 'h' } });
    await st().recompute();
    expect(st().status).toBe('error');
    expect(st().error).toMatch(/^text: expected at least 2 characters/);
    expect(st().result).toBe(good);
    // Fixing the input clears the error.
    useStore.setState({ config: { ...st().config, text: 'hey' } });
    await st().recompute();
    expect(st().status).toBe('ready');
    expect(st().error).toBeNull();
  });

  it('a worker crash during a request is recovered: same config, cursor and view, right numbers', async () => {
    useStore.setState({ config: { ...st().config, text: 'hello' } });
    await st().recompute();
    const before = st().result!;
    useStore.setState({ cursor: 5, view: 'unrolled' });
    const config = st().config;
    const generation = h.client!.generation;

    dieOnNextCall('error');
    await st().recompute();
    expect(h.client!.generation).toBe(generation + 1);
    expect(st().status).toBe('ready');
    expect(st().error).toBeNull();
    expect(st().result).not.toBe(before);
    expect(st().result!.trace.loss).toBe(before.trace.loss);
    expect(st().config).toBe(config);
    expect(st().cursor).toBe(5);
    expect(st().view).toBe('unrolled');

    // And a worker that falls silent mid-request.
    dieOnNextCall('silence');
    useStore.setState({ config: { ...st().config, hidden: 2 } });
    await st().recompute();
    expect(h.client!.generation).toBe(generation + 2);
    expect(st().result!.scenario.params.H).toBe(2);
    expect(st().cursor).toBe(5);
  });

  it('a request that crashes the worker twice fails with a clear error; the last result stays', async () => {
    await st().recompute();
    const good = st().result;
    dieOnNextCall('error', 2);
    useStore.setState({ config: { ...st().config, hidden: 6 } });
    await st().recompute();
    expect(st().status).toBe('error');
    expect(st().error).toBe(
      'The computation failed: the worker stopped with an error; it has been restarted',
    );
    expect(st().result).toBe(good);
    // The next request works on the new worker.
    await st().recompute();
    expect(st().status).toBe('ready');
    expect(st().result!.scenario.params.H).toBe(6);
  });

  it('a candidate computed outside the store supersedes a recompute without changing the store', async () => {
    await st().recompute();
    const shown = st().result;
    const pending = st().recompute();
    const candidate = explorerSession.explore({ ...exploreRequest(st()), lr: 0.5 });
    await pending;
    expect(st().status).toBe('ready');
    expect(st().result).toBe(shown);
    const res = await candidate;
    expect(res.ok && res.value.updated.lr).toBe(0.5);
    expect(st().result).toBe(shown);
  });
});
