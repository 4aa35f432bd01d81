import { describe, expect, it } from 'vitest';
import { makeCharScenario } from './encoding';
import { lastLossGradLstm, rowNorms } from './lastLossGradLstm';
import { computeTrace } from './trace';
import type { Scenario, Trace } from './types';

// ∂L/∂x_t of the full trace adds every loss L_t' with t' ≥ t, and the first t' steps of a
// sequence run the same whatever follows. So the last-loss gradients of the prefixes of length
// t' = t … T must add up to the trace's own ∂L/∂m_t and ∂L/∂s_t, which gated.test.ts checks
// against an independent autodiff.

function scenario(text: string, hidden: number, seed: number): Scenario {
  const r = makeCharScenario({ text, hidden, seed, cell: 'lstm' });
  if (!r.ok) throw new Error(r.error);
  return r.value.scenario;
}

/** The trace's own ∂L/∂m_t (all losses). */
function fullDm(tr: Trace): Float64Array {
  if (tr.gated?.cell !== 'lstm') throw new Error('not an LSTM trace');
  return tr.gated.dL_dm;
}

function prefix(sc: Scenario, n: number): Scenario {
  const { seq } = sc;
  return {
    ...sc,
    seq: {
      ...seq,
      T: n,
      inputs: seq.inputs.slice(0, n * seq.D),
      targets: seq.targets.slice(0, n * seq.K),
    },
  };
}

describe('lastLossGradLstm', () => {
  for (const [text, hidden, seed] of [
    ['hello world', 3, 1],
    ['the cat sat on the mat', 4, 7],
  ] as const) {
    it(`its prefix sums are the trace's ∂L/∂m_t and ∂L/∂s_t (${text}, H = ${hidden})`, () => {
      const sc = scenario(text, hidden, seed);
      const full = computeTrace(sc);
      const { T, H } = full;
      const sumM = new Float64Array(T * H);
      const sumS = new Float64Array(T * H);
      for (let n = 1; n <= T; n++) {
        const tr = computeTrace(prefix(sc, n));
        const { ds, dm } = lastLossGradLstm(tr, sc.params);
        for (let i = 0; i < n * H; i++) {
          sumM[i] += dm[i];
          sumS[i] += ds[i];
        }
      }
      for (let i = 0; i < T * H; i++) {
        expect(sumM[i]).toBeCloseTo(fullDm(full)[i], 10);
        expect(sumS[i]).toBeCloseTo(full.dL_ds[i], 10);
      }
    });
  }

  it('at t = T it is the trace’s own gradient when T = 1, and rowNorms takes row norms', () => {
    const sc = prefix(scenario('ab', 2, 3), 1);
    const tr = computeTrace(sc);
    const { dm } = lastLossGradLstm(tr, sc.params);
    expect(Array.from(dm)).toEqual(Array.from(fullDm(tr)));
    expect(Array.from(rowNorms(Float64Array.of(3, 4, 0, 0), 2, 2))).toEqual([5, 0]);
  });

  it('refuses a vanilla trace', () => {
    const r = makeCharScenario({ text: 'abc', hidden: 2, seed: 1 });
    if (!r.ok) throw new Error(r.error);
    expect(() =>
      lastLossGradLstm(computeTrace(r.value.scenario), r.value.scenario.params),
    ).toThrow();
  });
});
