import { describe, expect, it } from 'vitest';
import { initParams } from '../params';
import { createRng } from '../rng';
import { computeTrace } from '../trace';
import type { ActivationName, Scenario } from '../types';
import { gradientFlow } from './gradientFlow';
import { spectralNorm } from './spectral';

const H = 5;
const D = 3;
const K = 3;
const T = 9;

/** A scenario whose targets before step T are all zero: L = L_T, so ∂L/∂s_t = ∂L_T/∂s_t. */
function lastLossOnly(act: ActivationName, seed: number): Scenario {
  const rng = createRng(seed);
  const params = initParams({ H, D, K }, rng, 1.3);
  for (let i = 0; i < H; i++) params.b[i] = 0.3 * rng.normal();
  const inputs = new Float64Array(T * D);
  for (let t = 0; t < T; t++) inputs[t * D + Math.floor(rng.next() * D)] = 1;
  const targets = new Float64Array(T * K);
  targets[(T - 1) * K + 1] = 1;
  const s0 = Float64Array.from({ length: H }, () => 0.2 * rng.normal());
  return { activation: act, loss: 'cross-entropy', params, s0, seq: { T, D, K, inputs, targets } };
}

describe('gradientFlow', () => {
  for (const act of ['tanh', 'sigmoid', 'softsign'] as const)
    it(`‖∂L_T/∂s_t‖ equals computeTrace's ∂L/∂s_t when only L_T is not zero (${act})`, () => {
      const sc = lastLossOnly(act, 11);
      const tr = computeTrace(sc);
      const flow = gradientFlow(sc.params, act, sc.loss, sc.seq, sc.s0);
      expect(flow.lossT).toBe(tr.losses[T - 1]);
      for (let t = 1; t <= T; t++)
        for (let i = 0; i < H; i++) expect(flow.dLT_ds[t * H + i]).toBe(tr.dL_ds[(t - 1) * H + i]);
      for (let i = 0; i < H; i++) expect(flow.dLT_ds[i]).toBe(tr.grads.s0[i]);
      for (let t = 0; t <= T; t++) {
        const row = flow.dLT_ds.subarray(t * H, (t + 1) * H);
        expect(flow.gradNorm[t]).toBeCloseTo(Math.hypot(...row), 14);
      }
    });

  it('agrees with central differences of L_T in s_0 (one-hot inputs by index too)', () => {
    const sc = lastLossOnly('tanh', 4);
    const inputIndex = new Int32Array(T);
    for (let t = 0; t < T; t++)
      inputIndex[t] = sc.seq.inputs.subarray(t * D, (t + 1) * D).indexOf(1);
    const seq = { T, D, K, inputIndex, targets: sc.seq.targets };
    const flow = gradientFlow(sc.params, 'tanh', 'cross-entropy', seq, sc.s0);
    const eps = 1e-5;
    for (let i = 0; i < H; i++) {
      const at = (h: number) => {
        const s0 = sc.s0.slice();
        s0[i] += h;
        return computeTrace({ ...sc, s0 }).losses[T - 1];
      };
      const numeric = (at(eps) - at(-eps)) / (2 * eps);
      expect(Math.abs(flow.dLT_ds[i] - numeric)).toBeLessThan(1e-8);
    }
  });

  it('‖P_t‖₂ is the norm of the product of Jacobians Wᵀ diag(f′(a_k)), k = t+1..T', () => {
    const sc = lastLossOnly('tanh', 8);
    const flow = gradientFlow(sc.params, 'tanh', sc.loss, sc.seq, sc.s0);
    const tr = computeTrace(sc);
    const W = sc.params.W;
    // Build P_t = Wᵀ D_{t+1} ⋯ Wᵀ D_T left to right, independently of the module's recursion.
    for (const t of [0, 3, T - 1, T]) {
      let P = new Float64Array(H * H);
      for (let i = 0; i < H; i++) P[i * H + i] = 1;
      for (let k = t + 1; k <= T; k++) {
        const M = new Float64Array(H * H); // P · Wᵀ D_k
        for (let i = 0; i < H; i++)
          for (let j = 0; j < H; j++) {
            let acc = 0;
            for (let m = 0; m < H; m++) acc += P[i * H + m] * W[j * H + m];
            const s = tr.s[(k - 1) * H + j];
            M[i * H + j] = acc * (1 - s * s);
          }
        P = M;
      }
      expect(flow.jacobianNorm[t]).toBeCloseTo(spectralNorm(P, H), 8);
      // And it bounds how much of ∂L_T/∂s_T reaches s_t.
      expect(flow.gradNorm[t]).toBeLessThanOrEqual(
        flow.jacobianNorm[t] * flow.gradNorm[T] * (1 + 1e-9),
      );
    }
    expect(flow.jacobianNorm[T]).toBe(1);
  });

  it('shows vanishing with small W and growth with large W (H = 1: a product of numbers)', () => {
    for (const [w, grows] of [
      [0.3, false],
      [3, true],
    ] as const) {
      const params = initParams({ H: 1, D: 1, K: 1 }, createRng(1));
      params.W[0] = w;
      params.U[0] = 0;
      params.V[0] = 1;
      // relu with a_t > 0: f' = 1, so P_t = w^(T-t).
      params.b[0] = 0.5;
      const seq = {
        T: 6,
        D: 1,
        K: 1,
        inputs: new Float64Array(6),
        targets: new Float64Array(6).fill(1),
      };
      const flow = gradientFlow(params, 'relu', 'squared-error', seq, new Float64Array([1]));
      for (let t = 0; t <= 6; t++) expect(flow.jacobianNorm[t]).toBeCloseTo(w ** (6 - t), 10);
      expect(flow.gradNorm[0] > flow.gradNorm[6]).toBe(grows);
    }
  });
});
