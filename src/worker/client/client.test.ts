import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ExploreRequest } from '../../core/explore';
import { createApi } from '../host/api';
import { explorerKind, type CallContext, type ExplorerState } from '../host/sessions';
import { calls, fakeWorkers, type FakeWorkerOptions } from '../testing/fakeWorker';
import { createWorkerClient, isCancelled, WorkerCrashed, type WorkerClient } from './client';
import { openExplorerSession } from './sessions';

// The client against fake Workers (the real api over a MessageChannel) that can crash or fall
// silent: superseding, cancelling, and restarting with the sessions restored.

const example = JSON.parse(readFileSync('test/fixtures/example-scenario.json', 'utf8'));
const expected = JSON.parse(readFileSync('test/fixtures/example-trace.json', 'utf8'));
const req = (lr = 0.1): ExploreRequest => ({ kind: 'scenario', scenario: example, lr });

let client: WorkerClient | null = null;
afterEach(() => client?.dispose());

function setup(
  options: (n: number) => FakeWorkerOptions = () => ({}),
  // Generous enough that a loaded machine never takes a live worker for dead.
  timing = { pingEveryMs: 10, pingTimeoutMs: 1000 },
) {
  const workers = fakeWorkers(options);
  const restarts: string[] = [];
  client = createWorkerClient({
    createWorker: workers.create,
    onRestart: (why) => restarts.push(why),
    ...timing,
  });
  return { client, workers, restarts, explorer: openExplorerSession(client) };
}

/** A real explorer kind that records what it computes and can be held at a gate. */
function recordingApi(hold?: Promise<void>) {
  const computed: number[] = [];
  const api = createApi({
    explorer: {
      open: explorerKind.open,
      methods: {
        async explore(s: ExplorerState, r: ExploreRequest, ctx: CallContext) {
          computed.push(r.lr);
          if (hold && computed.length === 1) await hold;
          void ctx;
          return explorerKind.methods.explore(s, r);
        },
      },
    },
  } as unknown as Parameters<typeof createApi>[0]);
  return { api, computed };
}

const lrOf = (res: unknown) =>
  (res as { ok: true; value: { updated: { lr: number } } }).value.updated.lr;

describe('worker client: sessions and superseding', () => {
  it('answers a session request with the core’s numbers, opening the session once', async () => {
    const { explorer, workers } = setup();
    const res = await explorer.explore(req());
    if (!res.ok) throw new Error(res.error);
    expect(res.value.trace.loss).toBeCloseTo(expected.loss, 12);
    await explorer.explore(req(0.2));
    expect(workers.made).toHaveLength(1);
    expect(workers.last.api.sessionCount()).toBe(1);
  });

  it('a superseded request rejects with Cancelled at once and is never computed', async () => {
    const rec = recordingApi();
    const { explorer } = setup(() => ({ api: rec.api }));
    const first = explorer.explore(req(0.1));
    const second = explorer.explore(req(0.2));
    const firstError = await first.catch((e: unknown) => e);
    expect(isCancelled(firstError)).toBe(true);
    expect(lrOf(await second)).toBe(0.2);
    expect(rec.computed).toEqual([0.2]);
  });

  it('a request superseded while it runs settles as cancelled before its answer comes', async () => {
    let release!: () => void;
    const rec = recordingApi(new Promise((r) => (release = r)));
    const { explorer } = setup(() => ({ api: rec.api }));
    const first = explorer.explore(req(0.1));
    await vi.waitFor(() => expect(rec.computed).toEqual([0.1])); // running in the worker
    const second = explorer.explore(req(0.2));
    await expect(first).rejects.toSatisfy(isCancelled);
    release(); // its answer, when it comes, is dropped
    expect(lrOf(await second)).toBe(0.2);
    expect(rec.computed).toEqual([0.1, 0.2]);
  });

  it('cancel() settles the pending request as cancelled; the session stays usable', async () => {
    const { client } = setup();
    const session = client.openSession('explorer', {});
    const pending = session.request('explore', req());
    session.cancel('explore');
    await expect(pending).rejects.toSatisfy(isCancelled);
    expect(lrOf(await session.request('explore', req(0.3)))).toBe(0.3);
  });

  it('close() closes the session in the worker and refuses further requests', async () => {
    const { client, workers } = setup();
    const session = client.openSession('explorer', {});
    await session.request('explore', req());
    const pending = session.request('explore', req(0.2));
    session.close();
    await expect(pending).rejects.toSatisfy(isCancelled);
    await vi.waitFor(() => expect(workers.last.api.sessionCount()).toBe(0));
    await expect(session.request('explore', req())).rejects.toThrow('session is closed');
  });
});

describe('worker client: crash and restart', () => {
  it('an uncaught error during a request: new worker, session reopened, request redone', async () => {
    // The first worker dies on the first session call it is sent.
    const { explorer, workers, restarts } = setup((n) => ({
      dieOn: n === 1 ? (m) => (calls('call')(m) ? 'error' : undefined) : undefined,
    }));
    const res = await explorer.explore(req());
    if (!res.ok) throw new Error(res.error);
    expect(res.value.trace.loss).toBeCloseTo(expected.loss, 12);
    expect(workers.made).toHaveLength(2);
    expect(workers.made[0].terminated).toBe(true);
    expect(workers.made[1].api.sessionCount()).toBe(1);
    expect(restarts).toEqual(['stopped with an error']);
  });

  it('a worker that falls silent (close()) is found by the ping and replaced', async () => {
    const { explorer, workers, restarts } = setup(
      (n) => ({ dieOn: n === 1 ? (m) => (calls('call')(m) ? 'silence' : undefined) : undefined }),
      { pingEveryMs: 10, pingTimeoutMs: 200 },
    );
    const res = await explorer.explore(req(0.4));
    expect(lrOf(res)).toBe(0.4);
    expect(workers.made).toHaveLength(2);
    expect(restarts).toEqual(['stopped answering for 200 ms']);
  });

  it('a worker busy with slow asynchronous work still answers pings and is kept', async () => {
    let release!: () => void;
    const rec = recordingApi(new Promise((r) => (release = r)));
    const { explorer, workers } = setup(() => ({ api: rec.api }), {
      pingEveryMs: 5,
      pingTimeoutMs: 250,
    });
    const pending = explorer.explore(req());
    await new Promise((r) => setTimeout(r, 600)); // many pings, and more than one timeout
    release();
    expect(lrOf(await pending)).toBe(0.1);
    expect(workers.made).toHaveLength(1);
  });

  it('the session is reopened from its record: the last request that succeeded', async () => {
    const apis: ReturnType<typeof createApi>[] = [];
    const { explorer, client, workers } = setup(() => {
      const api = createApi();
      vi.spyOn(api, 'openSession');
      apis.push(api);
      return { api };
    });
    await explorer.explore(req(0.5));
    client.restart();
    expect(workers.made).toHaveLength(2);
    await vi.waitFor(() => expect(apis[1].openSession).toHaveBeenCalledTimes(1));
    expect(apis[1].openSession).toHaveBeenCalledWith('explorer', { request: req(0.5) });
    expect(lrOf(await explorer.explore(req(0.6)))).toBe(0.6);
  });

  it('a request that kills the worker every time fails with WorkerCrashed after one redo', async () => {
    const { explorer, client, workers } = setup(() => ({
      dieOn: (m) => (calls('call')(m) ? 'error' : undefined),
    }));
    const failure = await explorer.explore(req()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkerCrashed);
    expect((failure as Error).message).toBe(
      'the worker stopped with an error; it has been restarted',
    );
    expect(workers.made).toHaveLength(3); // the first, and one restart per attempt
    expect(await client.call((r) => r.ping())).toBe(true); // and a worker is there
  });

  it('a message the page cannot read (messageerror) also replaces the worker', async () => {
    const { explorer, workers, restarts } = setup();
    await explorer.explore(req());
    workers.last.dispatchEvent(new Event('messageerror'));
    expect(restarts).toEqual(['sent a message that could not be read']);
    expect(workers.made).toHaveLength(2);
    expect(lrOf(await explorer.explore(req(0.7)))).toBe(0.7);
  });

  it('after dispose nothing starts a worker again', async () => {
    const { explorer, client, workers } = setup();
    await explorer.explore(req());
    client.dispose();
    await expect(explorer.explore(req())).rejects.toThrow('disposed');
    expect(workers.made).toHaveLength(1);
    expect(workers.made[0].terminated).toBe(true);
  });

  it('a plain call in flight when the worker dies rejects with a clear error', async () => {
    const { client, workers } = setup();
    const pending = client.call((r) => r.sessionCount());
    workers.last.crash();
    await expect(pending).rejects.toThrow(
      new WorkerCrashed('the worker stopped with an error; it has been restarted'),
    );
    // A new worker answers, with the explorer session (opened by setup) opened there at once.
    expect(await client.call((r) => r.sessionCount())).toBe(1);
  });
});
