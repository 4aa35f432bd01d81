import { afterEach, describe, expect, it } from 'vitest';
import { expose, wrap, type Remote } from 'comlink';
import { readFileSync } from 'node:fs';
import { api, type RnnApi } from './api';

// The worker's API over a real MessageChannel, without a browser: what crosses is what a
// Worker would receive (structured clone, transferred buffers).

const example = JSON.parse(readFileSync('test/fixtures/example-scenario.json', 'utf8'));
const expected = JSON.parse(readFileSync('test/fixtures/example-trace.json', 'utf8'));

let channel: MessageChannel | null = null;

function connect(): Remote<RnnApi> {
  channel = new MessageChannel();
  expose(api, channel.port1);
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
});
