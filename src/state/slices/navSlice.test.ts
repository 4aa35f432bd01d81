import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { explore, type ExploreRequest } from '../../core/explore';
import { cursorLabel } from '../../core/cursor';
import { createAppStore } from '../store';

// The store's one navigation action, against the real core (the worker session is replaced by
// a direct call that answers on a later task, as a worker would; navSlice.worker.test.ts runs
// it on the real client).

const calls = vi.hoisted(() => ({ count: 0 }));
vi.mock('../appWorker', () => ({
  explorerSession: {
    explore: (req: ExploreRequest) => {
      calls.count++;
      return new Promise((resolve) => setTimeout(() => resolve(explore(req)), 0));
    },
  },
}));

const example = readFileSync('test/fixtures/example-scenario.json', 'utf8');

let store: ReturnType<typeof createAppStore>;
const label = () => {
  const s = store.getState();
  return cursorLabel(s.cursor, s.result!.trace.T);
};

beforeEach(async () => {
  calls.count = 0;
  store = createAppStore();
  await store.getState().goTo({ config: { text: 'hello' }, step: 'b3', view: 'unrolled' });
});

describe('goTo', () => {
  it('joining a computation in flight resolves once its result is there, with the step', async () => {
    const fresh = createAppStore();
    const first = fresh.getState().goTo({ config: { text: 'abcab' } });
    // The same request while the first computes (a lesson step opened by the link's own URL).
    const joined = await fresh.getState().goTo({ config: { text: 'abcab' }, step: 'f2' });
    expect(joined).toEqual({ ok: true });
    expect(fresh.getState().result).not.toBeNull();
    const s = fresh.getState();
    expect(cursorLabel(s.cursor, s.result!.trace.T)).toBe('f2');
    await first;
  });

  it('computes, then commits the scenario, the cursor and the view together', () => {
    const s = store.getState();
    expect(s.result!.trace.T).toBe(4);
    expect(label()).toBe('b3');
    expect(s.view).toBe('unrolled');
    expect(s.status).toBe('ready');
  });

  it('keeps the cursor’s meaning when T changes (b3 stays b3)', async () => {
    await store.getState().setConfig({ text: 'hello world' });
    expect(store.getState().result!.trace.T).toBe(10);
    expect(label()).toBe('b3');
  });

  it('clamps a step beyond T and says so', async () => {
    await store.getState().goTo({ step: 'f9' });
    expect(label()).toBe('f4');
    expect(store.getState().notices.at(-1)).toMatch(
      /“f9” is beyond this sequence’s 4 steps; showing f4/,
    );
  });

  it('needs no computation for a step, a view or the notation', async () => {
    const before = calls.count;
    await store.getState().goTo({ step: 'f2', view: 'folded' });
    await store.getState().setConfig({ notation: 'wxh' });
    expect(calls.count).toBe(before);
    expect(store.getState().config.notation).toBe('wxh');
    expect(label()).toBe('f2');
  });

  it('refuses a file that cannot be computed whole: one message, nothing changed', async () => {
    await store.getState().setConfig({ act: 'sigmoid', loss: 'squared-error' });
    const before = store.getState();
    const huge = JSON.parse(example);
    huge.params.W[0][0] = 1e200;
    huge.params.V[0][0] = 1e200;
    const r = await store.getState().importScenario(JSON.stringify(huge), 'huge2.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/overflowed/);
    const after = store.getState();
    for (const k of ['config', 'source', 'result', 'cursor', 'view', 'error'] as const)
      expect(after[k]).toBe(before[k]);
    expect(after.status).toBe('ready');
  });

  it('refuses a file beyond the bounds with a clear message', async () => {
    const big = JSON.parse(example);
    big.inputs = Array.from({ length: 250 }, () => [1, 0, 0]);
    big.targets = Array.from({ length: 250 }, () => [0, 1, 0]);
    const r = await store.getState().importScenario(JSON.stringify(big), 'long.json');
    expect(r).toEqual({ ok: false, error: 'inputs: expected at most 200 time steps, got 250' });
    expect(store.getState().result!.trace.T).toBe(4);
  });

  it('imports a valid file with its symbols as labels', async () => {
    const json = { ...JSON.parse(example), symbols: ['a', 'b', 'c'] };
    const r = await store.getState().importScenario(JSON.stringify(json), 'ex.json');
    expect(r).toEqual({ ok: true });
    expect(store.getState().result!.labels).toEqual(['a', 'b', 'c']);
    expect(store.getState().source.kind).toBe('imported');
  });

  it('a newer change supersedes an older one, and both choices hold', async () => {
    const s = store.getState();
    const first = s.setConfig({ act: 'relu' });
    const second = s.setConfig({ loss: 'squared-error' });
    expect(await first).toMatchObject({ ok: false, cancelled: true });
    expect(await second).toEqual({ ok: true });
    const now = store.getState();
    expect([now.config.act, now.config.loss]).toEqual(['relu', 'squared-error']);
    expect(now.result!.trace.activation).toBe('relu');
    expect(now.result!.trace.lossName).toBe('squared-error');
  });

  it('a step asked for while a change computes waits for it; a bad label is ignored', async () => {
    const s = store.getState();
    const change = s.setConfig({ text: 'hello world' });
    await s.goTo({ step: 'b2' });
    await s.goTo({ step: 'zz' });
    expect(await change).toEqual({ ok: true });
    expect(store.getState().result!.trace.T).toBe(10);
    expect(label()).toBe('b2');
    await store.getState().goTo({ step: 'javascript:alert(1)' });
    expect(label()).toBe('b2');
  });
});

describe('the cell', () => {
  it('computes an LSTM from the typed text when the cell is chosen, and back', async () => {
    const r = await store.getState().setConfig({ cell: 'lstm' });
    expect(r).toEqual({ ok: true });
    const tr = store.getState().result!.trace;
    expect(tr.cell).toBe('lstm');
    expect(tr.a.length).toBe(tr.T * 4 * tr.H);
    expect(label()).toBe('b3');
    await store.getState().setConfig({ cell: 'rnn' });
    expect(store.getState().result!.trace.cell).toBeUndefined();
  });

  it('imports a GRU file: the cell follows the file, the app’s activation does not apply', async () => {
    await store.getState().setConfig({ act: 'relu' });
    const gru = readFileSync('test/fixtures/gru-scenario.json', 'utf8');
    const r = await store.getState().importScenario(gru, 'gru.json');
    expect(r).toEqual({ ok: true });
    const s = store.getState();
    expect(s.config.cell).toBe('gru');
    expect(s.result!.trace.cell).toBe('gru');
    // Choosing another cell leaves the file for the typed text, whose weights fit that cell.
    await s.setConfig({ cell: 'lstm' });
    expect(store.getState().source.kind).toBe('text');
    expect(store.getState().result!.trace.cell).toBe('lstm');
  });

  it('shows the cell in use when a preset brings its own', async () => {
    await store.getState().goTo({ config: { cell: 'lstm' } });
    await store.getState().loadPreset('worked-example');
    expect(store.getState().config.cell).toBe('rnn');
  });
});
