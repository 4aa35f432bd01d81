import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { descend, explore } from './explore';
import { computeTrace } from './trace';
import { parseScenario } from './scenarioSchema';

const example = JSON.parse(readFileSync('test/fixtures/example-scenario.json', 'utf8'));
const expected = JSON.parse(readFileSync('test/fixtures/example-trace.json', 'utf8'));

describe('explore', () => {
  it('builds a character scenario from text with the vocabulary as labels', () => {
    const r = explore({
      kind: 'text',
      text: 'hello',
      hidden: 3,
      activation: 'tanh',
      loss: 'cross-entropy',
      seed: 1,
      lr: 0.1,
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.labels).toEqual(['e', 'h', 'l', 'o']);
    expect(r.value.trace.T).toBe(4);
    expect(r.value.trace.H).toBe(3);
  });

  it('gives the same weights for the same seed and others for another', () => {
    const req = {
      kind: 'text' as const,
      text: 'hello',
      hidden: 3,
      activation: 'tanh' as const,
      loss: 'cross-entropy' as const,
      seed: 7,
      lr: 0.1,
    };
    const a = explore(req);
    const b = explore(req);
    const c = explore({ ...req, seed: 8 });
    if (!a.ok || !b.ok || !c.ok) throw new Error('failed');
    expect(Array.from(a.value.scenario.params.W)).toEqual(Array.from(b.value.scenario.params.W));
    expect(Array.from(a.value.scenario.params.W)).not.toEqual(
      Array.from(c.value.scenario.params.W),
    );
  });

  it('runs the worked example exactly and applies θ ← θ − α∇ for the update step', () => {
    const r = explore({ kind: 'scenario', scenario: example, lr: 0.5 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.trace.loss).toBeCloseTo(expected.loss, 12);
    // Descent: U_00 moves against its gradient.
    const u00 = example.params.U[0][0] - 0.5 * expected.grads.U[0][0];
    expect(r.value.updated.params.U[0]).toBeCloseTo(u00, 14);
    // A small step along −∇ lowers the loss.
    expect(r.value.updated.loss).toBeLessThan(r.value.trace.loss);
    const sc = parseScenario(example);
    if (!sc.ok) throw new Error(sc.error);
    expect(computeTrace({ ...sc.value, params: r.value.updated.params }).loss).toBe(
      r.value.updated.loss,
    );
  });

  it('answers bad input with a message, not an exception', () => {
    const bad = explore({
      kind: 'scenario',
      scenario: { ...example, activation: 'swish' },
      lr: 0.1,
    });
    expect(bad).toEqual({
      ok: false,
      error: 'activation: expected "tanh", "sigmoid", "relu" or "softsign"',
    });
    const short = explore({
      kind: 'text',
      text: 'a',
      hidden: 3,
      activation: 'tanh',
      loss: 'cross-entropy',
      seed: 1,
      lr: 0.1,
    });
    expect(short.ok).toBe(false);
  });

  it('descend does not touch its inputs', () => {
    const sc = parseScenario(example);
    if (!sc.ok) throw new Error(sc.error);
    const before = Array.from(sc.value.params.W);
    descend(sc.value.params, computeTrace(sc.value).grads, 1);
    expect(Array.from(sc.value.params.W)).toEqual(before);
  });
});

describe('explore overflow', () => {
  it('refuses a trace that overflows instead of showing Infinity', () => {
    const huge = {
      ...example,
      loss: 'squared-error',
      targets: [
        [1e200, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
    };
    const r = explore({ kind: 'scenario', scenario: huge, lr: 0.1 });
    expect(r).toEqual({
      ok: false,
      error: 'losses[0]: the numbers overflowed; use smaller weights or inputs.',
    });
  });

  it('builds an LSTM from text: stacked gate blocks, forget-gate bias 1, m0 zeros', () => {
    const r = explore({
      kind: 'text',
      text: 'hello',
      hidden: 3,
      activation: 'tanh',
      loss: 'cross-entropy',
      seed: 1,
      lr: 0.1,
      cell: 'lstm',
    });
    if (!r.ok) throw new Error(r.error);
    const { params, m0 } = r.value.scenario;
    expect(params.cell).toBe('lstm');
    expect(params.U).toHaveLength(12 * 4); // 4H x D
    expect(Array.from(params.b)).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(m0!)).toEqual([0, 0, 0]);
    expect(r.value.trace.gated?.cell).toBe('lstm');
    // The update keeps the cell, and its loss is the loss of the stepped weights.
    expect(r.value.updated.params.cell).toBe('lstm');
    expect(r.value.updated.loss).toBeLessThan(r.value.trace.loss);
  });

  it('runs a GRU file as it is, without the app’s activation', () => {
    const gru = JSON.parse(readFileSync('test/fixtures/gru-scenario.json', 'utf8'));
    const r = explore({ kind: 'scenario', scenario: gru, activation: 'relu', lr: 0.1 });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.trace.cell).toBe('gru');
    expect(r.value.trace.loss).toBe(computeTrace(r.value.scenario).loss);
  });
});
