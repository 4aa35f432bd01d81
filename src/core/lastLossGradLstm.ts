import type { Params, Trace } from './types';

// How much of the last loss reaches an LSTM's hidden state and cell state: ∂L_T/∂s_t and
// ∂L_T/∂m_t for t = T … 1. Going back one step, the cell state's part is ∂L_T/∂m_{t+1} ⊙ f_{t+1}:
// with forget gates near 1 it crosses the step almost unchanged, where s_t's gradient is
// multiplied by Wᵀ and the gates' derivatives. Only L_T is followed, as in lastLossGrad.ts.

export interface LastLossGradLstm {
  /** ∂L_T/∂s_t, row t - 1 (T x H). */
  ds: Float64Array;
  /** ∂L_T/∂m_t, row t - 1 (T x H). */
  dm: Float64Array;
}

/** ∂L_T/∂s_t and ∂L_T/∂m_t of an LSTM trace (the trace's gated part must be an LSTM's). */
export function lastLossGradLstm(tr: Trace, params: Pick<Params, 'W' | 'V'>): LastLossGradLstm {
  const g = tr.gated;
  if (!g || g.cell !== 'lstm') throw new Error('lastLossGradLstm: not an LSTM trace');
  const { T, H, K } = tr;
  const G = 4 * H;
  const { i: gi, f: gf, g: gg, q: gq } = g.gates;
  const prevM = (t: number, j: number) => (t === 0 ? g.m0[j] : g.m[(t - 1) * H + j]);
  const ds = new Float64Array(T * H);
  const dm = new Float64Array(T * H);
  const da = new Float64Array(G);
  for (let t = T - 1; t >= 0; t--) {
    // ∂L_T/∂s_t: from o_T at t = T, from the gates of step t+1 (Wᵀ ∂L_T/∂a_{t+1}) before it.
    if (t === T - 1)
      for (let k = 0; k < K; k++)
        for (let j = 0; j < H; j++) ds[t * H + j] += params.V[k * H + j] * tr.dL_do[t * K + k];
    else
      for (let r = 0; r < G; r++)
        for (let j = 0; j < H; j++) ds[t * H + j] += params.W[r * H + j] * da[r];
    for (let j = 0; j < H; j++) {
      const k = t * H + j;
      const tm = g.tanh_m[k];
      const fromNext = t < T - 1 ? dm[k + H] * gf[k + H] : 0;
      dm[k] = ds[k] * gq[k] * (1 - tm * tm) + fromNext;
      // ∂L_T/∂a_t, block by block, for the step before.
      da[j] = dm[k] * gg[k] * gi[k] * (1 - gi[k]);
      da[j + H] = dm[k] * prevM(t, j) * gf[k] * (1 - gf[k]);
      da[j + 2 * H] = dm[k] * gi[k] * (1 - gg[k] * gg[k]);
      da[j + 3 * H] = ds[k] * tm * gq[k] * (1 - gq[k]);
    }
  }
  return { ds, dm };
}

/** Euclidean norms of the T rows of a T x H array. */
export function rowNorms(v: Float64Array, T: number, H: number): Float64Array {
  return Float64Array.from({ length: T }, (_, t) => Math.hypot(...v.subarray(t * H, (t + 1) * H)));
}
