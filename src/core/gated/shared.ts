import { lossStep } from '../losses';
import type { Scenario } from '../types';

// What the gated cells share with each other: the output layer o_t = c + V s_t with its loss,
// its gradient terms, and the sums over time that turn each step's terms into gradients.

export const sigmoid = (a: number) =>
  // Two branches keep exp from overflowing for large |a|.
  a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));

/** The output layer of step t from s_t (row t of s): o_t, yhat_t, ∂L/∂o_t; returns L_t. */
export function outputStep(
  sc: Scenario,
  s: Float64Array,
  t: number,
  o: Float64Array,
  yhat: Float64Array,
  dL_do: Float64Array,
): number {
  const { V, c, H, K } = sc.params;
  for (let k = 0; k < K; k++) {
    let acc = c[k];
    for (let i = 0; i < H; i++) acc += V[k * H + i] * s[t * H + i];
    o[t * K + k] = acc;
  }
  return lossStep(sc.loss)(o, t * K, sc.seq.targets, t * K, K, yhat, dL_do, t * K);
}

/** Step t's terms of ∂L/∂V = Σ ∂L/∂o_t s_tᵀ and ∂L/∂c = Σ ∂L/∂o_t, into rows t of cV, cc. */
export function outputContrib(
  H: number,
  K: number,
  t: number,
  s: Float64Array,
  dL_do: Float64Array,
  cV: Float64Array,
  cc: Float64Array,
): void {
  for (let k = 0; k < K; k++) {
    const dout = dL_do[t * K + k];
    cc[t * K + k] = dout;
    for (let i = 0; i < H; i++) cV[(t * K + k) * H + i] = dout * s[t * H + i];
  }
}

/** Σ_t of the rows of a T x size array. */
export function sumRows(c: Float64Array, T: number, size: number): Float64Array {
  const g = new Float64Array(size);
  for (let t = 0; t < T; t++) for (let i = 0; i < size; i++) g[i] += c[t * size + i];
  return g;
}
