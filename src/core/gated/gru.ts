import type { Scenario, Trace } from '../types';
import { outputContrib, outputStep, sigmoid, sumRows } from './shared';

/**
 * Forward pass and full BPTT of a GRU in the form of Cho et al. 2014 (spec/trace-format.md,
 * "Gated cells"): U, W, b stack the blocks r, z, n of H rows each, and the reset gate acts on
 * s_{t-1} before W_n multiplies it.
 *
 *   r = σ(b_r + W_r s_{t-1} + U_r x_t)    z = σ(b_z + W_z s_{t-1} + U_z x_t)
 *   n = tanh(b_n + W_n (r ⊙ s_{t-1}) + U_n x_t)
 *   s_t = z ⊙ s_{t-1} + (1 − z) ⊙ n
 */
export function computeGruTrace(sc: Scenario): Trace {
  const { params: p, seq } = sc;
  const { H, D, K } = p;
  const G = 3 * H;
  const { T, inputs: x } = seq;

  const a = new Float64Array(T * G); // [a_r; a_z; a_n], a_n the argument of tanh in n_t
  const gr = new Float64Array(T * H);
  const gz = new Float64Array(T * H);
  const gn = new Float64Array(T * H);
  const rs = new Float64Array(T * H); // r_t ⊙ s_{t-1}
  const s = new Float64Array(T * H);
  const o = new Float64Array(T * K);
  const yhat = new Float64Array(T * K);
  const losses = new Float64Array(T);
  const dL_do = new Float64Array(T * K);
  let loss = 0;

  const prevS = (t: number, j: number) => (t === 0 ? sc.s0[j] : s[(t - 1) * H + j]);
  /** b_r + W_r v + U_r x_t for row r of the stacked weights, v indexed by column. */
  const preact = (t: number, r: number, v: (j: number) => number) => {
    let acc = p.b[r];
    for (let j = 0; j < H; j++) acc += p.W[r * H + j] * v(j);
    for (let d = 0; d < D; d++) acc += p.U[r * D + d] * x[t * D + d];
    return acc;
  };

  for (let t = 0; t < T; t++) {
    const sp = (j: number) => prevS(t, j);
    for (let r = 0; r < 2 * H; r++) a[t * G + r] = preact(t, r, sp);
    for (let j = 0; j < H; j++) {
      gr[t * H + j] = sigmoid(a[t * G + j]);
      gz[t * H + j] = sigmoid(a[t * G + H + j]);
      rs[t * H + j] = gr[t * H + j] * prevS(t, j);
    }
    for (let j = 0; j < H; j++) {
      const an = preact(t, 2 * H + j, (jj) => rs[t * H + jj]);
      a[t * G + 2 * H + j] = an;
      const k = t * H + j;
      gn[k] = Math.tanh(an);
      s[k] = gz[k] * prevS(t, j) + (1 - gz[k]) * gn[k];
    }
    losses[t] = outputStep(sc, s, t, o, yhat, dL_do);
    loss += losses[t];
  }

  const dL_ds_out = new Float64Array(T * H);
  const dL_ds_next = new Float64Array(T * H);
  const dL_ds = new Float64Array(T * H);
  const dL_da = new Float64Array(T * G);
  const direct = new Float64Array(T * H);
  const viaZ = new Float64Array(T * H);
  const viaN = new Float64Array(T * H);
  const viaR = new Float64Array(T * H);
  const cU = new Float64Array(T * G * D);
  const cW = new Float64Array(T * G * H);
  const cV = new Float64Array(T * K * H);
  const cb = new Float64Array(T * G);
  const cc = new Float64Array(T * K);

  for (let t = T - 1; t >= 0; t--) {
    for (let j = 0; j < H; j++) {
      const k = t * H + j;
      let out = 0;
      for (let kk = 0; kk < K; kk++) out += p.V[kk * H + j] * dL_do[t * K + kk];
      // From the next step: the four parts step t+1 sent back to s_t (0 at t = T).
      const next = t < T - 1 ? direct[k + H] + viaZ[k + H] + viaN[k + H] + viaR[k + H] : 0;
      dL_ds_out[k] = out;
      dL_ds_next[k] = next;
      const ds = out + next;
      dL_ds[k] = ds;
      const z = gz[k];
      const n = gn[k];
      dL_da[t * G + 2 * H + j] = ds * (1 - z) * (1 - n * n);
      dL_da[t * G + H + j] = ds * (prevS(t, j) - n) * z * (1 - z);
      direct[k] = z * ds;
    }
    for (let j = 0; j < H; j++) {
      // ∂L/∂(r_t ⊙ s_{t-1}) = W_nᵀ ∂L/∂a_{n,t}, then through r_t and straight to s_{t-1}.
      let acc = 0;
      for (let i = 0; i < H; i++) acc += p.W[(2 * H + i) * H + j] * dL_da[t * G + 2 * H + i];
      const r = gr[t * H + j];
      dL_da[t * G + j] = acc * prevS(t, j) * r * (1 - r);
      viaN[t * H + j] = r * acc;
    }
    for (let j = 0; j < H; j++) {
      let z = 0;
      let r = 0;
      for (let i = 0; i < H; i++) {
        r += p.W[i * H + j] * dL_da[t * G + i];
        z += p.W[(H + i) * H + j] * dL_da[t * G + H + i];
      }
      viaR[t * H + j] = r;
      viaZ[t * H + j] = z;
    }
    // Step t's terms: blocks r, z multiply s_{t-1}, block n multiplies r_t ⊙ s_{t-1}.
    for (let row = 0; row < G; row++) {
      const da = dL_da[t * G + row];
      cb[t * G + row] = da;
      for (let d = 0; d < D; d++) cU[(t * G + row) * D + d] = da * x[t * D + d];
      const nBlock = row >= 2 * H;
      for (let j = 0; j < H; j++)
        cW[(t * G + row) * H + j] = da * (nBlock ? rs[t * H + j] : prevS(t, j));
    }
    outputContrib(H, K, t, s, dL_do, cV, cc);
  }

  const gs0 = new Float64Array(H);
  if (T > 0) for (let j = 0; j < H; j++) gs0[j] = direct[j] + viaZ[j] + viaN[j] + viaR[j];

  return {
    H,
    D,
    K,
    cell: 'gru',
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
    },
    gated: {
      cell: 'gru',
      gates: { r: gr, z: gz, n: gn },
      rs,
      dL_dsprev_direct: direct,
      dL_dsprev_z: viaZ,
      dL_dsprev_n: viaN,
      dL_dsprev_r: viaR,
    },
  };
}
