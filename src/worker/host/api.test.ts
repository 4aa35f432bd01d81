import { afterEach, describe, expect, it } from 'vitest';
import { expose, wrap, type Remote } from 'comlink';
import { readFileSync } from 'node:fs';
import type { ExploreResponse } from '../../core/explore';
import type { RnnApi } from '../protocol';
import { createApi } from './api';

// The worker's API over a real MessageChannel, without a browser: what crosses is what a
// Worker would receive (structured clone, transferred buffers).

const example = JSON.parse(readFileSync('test/fixtures/example-scenario.json', 'utf8'));
const expected = JSON.parse(readFileSync('test/fixtures/example-trace.json', 'utf8'));

let channel: MessageChannel | null = null;

function connect(): Remote<RnnApi> {
  channel = new MessageChannel();
  expose(createApi(), channel.port1);
  return wrap<RnnApi>(channel.port2);
}

afterEach(() => {
  channel?.port1.close();
  channel?.port2.close();
});

describe('worker api', () => {
  it('returns the trace of a scenario with typed arrays intact', async () => {
    const remote = connect();
    const res = await remote.explore({ kind: 'scenario', scenario: example, lr: 0.1 });
    if (!res.ok) throw new Error(res.error);
    expect(res.value.trace.a).toBeInstanceOf(Float64Array);
    expect(res.value.trace.loss).toBeCloseTo(expected.loss, 12);
    expect(res.value.trace.grads.s0[1]).toBeCloseTo(expected.grads.s0[1], 12);
  });

  it('answers invalid input with an error value', async () => {
    const remote = connect();
    const bad = { ...example, params: { ...example.params, W: [[1, 2]] } };
    const res = await remote.explore({ kind: 'scenario', scenario: bad, lr: 0.1 });
    expect(res).toEqual({ ok: false, error: 'params.W: expected 2 x 2, got 1 x 2' });
  });

  it('holds a session: calls addressed to it, typed arrays intact, closed on request', async () => {
    const remote = connect();
    const id = await remote.openSession('explorer', {});
    const out = await remote.call(id, 'explore', 1, {
      kind: 'scenario',
      scenario: example,
      lr: 0.1,
    });
    if (out.cancelled) throw new Error('cancelled');
    const res = out.value as ExploreResponse;
    if (!res.ok) throw new Error(res.error);
    expect(res.value.trace.s).toBeInstanceOf(Float64Array);
    expect(res.value.updated.params.W).toBeInstanceOf(Float64Array);
    expect(res.value.trace.loss).toBeCloseTo(expected.loss, 12);
    expect(await remote.sessionCount()).toBe(1);
    await remote.closeSession(id);
    expect(await remote.sessionCount()).toBe(0);
    await expect(remote.call(id, 'explore', 2, {})).rejects.toThrow(`no open session ${id}`);
  });

  it('over the wire, of two requests sent back to back only the newer is computed', async () => {
    const remote = connect();
    const id = await remote.openSession('explorer', {});
    const req = (lr: number) => ({ kind: 'scenario' as const, scenario: example, lr });
    const first = remote.call(id, 'explore', 1, req(0.1));
    const second = remote.call(id, 'explore', 2, req(0.2));
    expect(await first).toEqual({ cancelled: true });
    const out = await second;
    if (out.cancelled) throw new Error('the newer request was cancelled');
    expect((out.value as { ok: true; value: { updated: { lr: number } } }).value.updated.lr).toBe(
      0.2,
    );
  });

  it('answers a ping (the client’s liveness check)', async () => {
    expect(await connect().ping()).toBe(true);
  });
});
