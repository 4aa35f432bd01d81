import type { Scenario, Trace } from '../types';
import { outputContrib, outputStep, sigmoid, sumRows } from './shared';

/**
 * Forward pass and full BPTT of an LSTM (spec/trace-format.md, "Gated cells"), keeping every
 * gate, the cell state and both parts of ∂L/∂m_t. U, W, b stack the blocks i, f, g, q of H
 * rows each; row r of the stacked pre-activation a_t is block ⌊r / H⌋, unit r mod H.
 *
 *   [a_i; a_f; a_g; a_q] = b + W s_{t-1} + U x_t
 *   i = σ(a_i), f = σ(a_f), g = tanh(a_g), q = σ(a_q)
 *   m_t = f ⊙ m_{t-1} + i ⊙ g,   s_t = q ⊙ tanh(m_t)
 */
export function computeLstmTrace(sc: Scenario): Trace {
  const { params: p, seq } = sc;
  const { H, D, K } = p;
  const G = 4 * H;
  const { T, inputs: x } = seq;
  const m0 = sc.m0 ? sc.m0.slice() : new Float64Array(H);

  const a = new Float64Array(T * G); // stacked pre-activations
  const gi = new Float64Array(T * H);
  const gf = new Float64Array(T * H);
  const gg = new Float64Array(T * H);
  const gq = new Float64Array(T * H);
  const m = new Float64Array(T * H);
  const tm = new Float64Array(T * H); // tanh(m_t)
  const s = new Float64Array(T * H);
  const o = new Float64Array(T * K);
  const yhat = new Float64Array(T * K);
  const losses = new Float64Array(T);
  const dL_do = new Float64Array(T * K);
  let loss = 0;

  // m_{t-1} for step t (0-based row t): m0 at the first step.
  const prevM = (t: number, j: number) => (t === 0 ? m0[j] : m[(t - 1) * H + j]);

  // Row views of s_{t-1} and m_{t-1} (s0, m0 at the first step), for the inner loops.
  const sPrev = (t: number) => (t === 0 ? sc.s0 : s.subarray((t - 1) * H, t * H));
  for (let t = 0; t < T; t++) {
    const sp = sPrev(t);
    for (let r = 0; r < G; r++) {
      let acc = p.b[r];
      for (let j = 0; j < H; j++) acc += p.W[r * H + j] * sp[j];
      for (let d = 0; d < D; d++) acc += p.U[r * D + d] * x[t * D + d];
      a[t * G + r] = acc;
    }
    for (let j = 0; j < H; j++) {
      const at = t * G + j;
      const k = t * H + j;
      gi[k] = sigmoid(a[at]);
      gf[k] = sigmoid(a[at + H]);
      gg[k] = Math.tanh(a[at + 2 * H]);
      gq[k] = sigmoid(a[at + 3 * H]);
      m[k] = gf[k] * prevM(t, j) + gi[k] * gg[k];
      tm[k] = Math.tanh(m[k]);
      s[k] = gq[k] * tm[k];
    }
    losses[t] = outputStep(sc, s, t, o, yhat, dL_do);
    loss += losses[t];
  }

  const dL_ds_out = new Float64Array(T * H);
  const dL_ds_next = new Float64Array(T * H);
  const dL_ds = new Float64Array(T * H);
  const dL_da = new Float64Array(T * G);
  const dL_dm_from_s = new Float64Array(T * H);
  const dL_dm_from_next = new Float64Array(T * H);
  const dL_dm = new Float64Array(T * H);
  const cU = new Float64Array(T * G * D);
  const cW = new Float64Array(T * G * H);
  const cV = new Float64Array(T * K * H);
  const cb = new Float64Array(T * G);
  const cc = new Float64Array(T * K);

  for (let t = T - 1; t >= 0; t--) {
    // ∂L/∂s_t: from the output now, V^T ∂L/∂o_t, and from the next step, W^T ∂L/∂a_{t+1}
    // (all four blocks of W, since s_t feeds every gate of step t+1). Row by row of V and W.
    for (let kk = 0; kk < K; kk++) {
      const dout = dL_do[t * K + kk];
      for (let j = 0; j < H; j++) dL_ds_out[t * H + j] += p.V[kk * H + j] * dout;
    }
    if (t < T - 1)
      for (let r = 0; r < G; r++) {
        const da = dL_da[(t + 1) * G + r];
        for (let j = 0; j < H; j++) dL_ds_next[t * H + j] += p.W[r * H + j] * da;
      }
    for (let j = 0; j < H; j++) {
      const k = t * H + j;
      const out = dL_ds_out[k];
      const next = dL_ds_next[k];
      const ds = out + next;
      dL_ds[k] = ds;
      // ∂L/∂m_t: through s_t = q ⊙ tanh(m_t), and through m_{t+1} = f_{t+1} ⊙ m_t + ….
      const fromS = ds * gq[k] * (1 - tm[k] * tm[k]);
      const fromNext = t < T - 1 ? dL_dm[k + H] * gf[k + H] : 0;
      dL_dm_from_s[k] = fromS;
      dL_dm_from_next[k] = fromNext;
      const dm = fromS + fromNext;
      dL_dm[k] = dm;
      // The four blocks of ∂L/∂a_t.
      const at = t * G + j;
      dL_da[at] = dm * gg[k] * gi[k] * (1 - gi[k]);
      dL_da[at + H] = dm * prevM(t, j) * gf[k] * (1 - gf[k]);
      dL_da[at + 2 * H] = dm * gi[k] * (1 - gg[k] * gg[k]);
      dL_da[at + 3 * H] = ds * tm[k] * gq[k] * (1 - gq[k]);
    }
    // Step t's terms: ∂L/∂a_t x_tᵀ, ∂L/∂a_t s_{t-1}ᵀ, ∂L/∂a_t (every block alike).
    const sp = sPrev(t);
    for (let r = 0; r < G; r++) {
      const da = dL_da[t * G + r];
      cb[t * G + r] = da;
      for (let d = 0; d < D; d++) cU[(t * G + r) * D + d] = da * x[t * D + d];
      for (let j = 0; j < H; j++) cW[(t * G + r) * H + j] = da * sp[j];
    }
    outputContrib(H, K, t, s, dL_do, cV, cc);
  }

  // ∂L/∂s_0 = W^T ∂L/∂a_1, ∂L/∂m_0 = ∂L/∂m_1 ⊙ f_1.
  const gs0 = new Float64Array(H);
  const gm0 = new Float64Array(H);
  if (T > 0)
    for (let j = 0; j < H; j++) {
      let acc = 0;
      for (let r = 0; r < G; r++) acc += p.W[r * H + j] * dL_da[r];
      gs0[j] = acc;
      gm0[j] = dL_dm[j] * gf[j];
    }

  return {
    H,
    D,
    K,
    cell: 'lstm',
    T,
    activation: sc.activation,
    lossName: sc.loss,
    s0: sc.s0.slice(),
    a,
    s,
    o,
    yhat,
    losses,
    loss,
    dL_do,
    dL_ds_out,
    dL_ds_next,
    dL_ds,
    dL_da,
    contrib: { U: cU, W: cW, V: cV, b: cb, c: cc },
    grads: {
      U: sumRows(cU, T, G * D),
      W: sumRows(cW, T, G * H),
      V: sumRows(cV, T, K * H),
      b: sumRows(cb, T, G),
      c: sumRows(cc, T, K),
      s0: gs0,
      m0: gm0,
    },
    gated: {
      cell: 'lstm',
      m0,
      gates: { i: gi, f: gf, g: gg, q: gq },
      m,
      tanh_m: tm,
      dL_dm_from_s,
      dL_dm_from_next,
      dL_dm,
    },
  };
}
