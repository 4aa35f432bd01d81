import { activation } from '../activations';
import { lossStep } from '../losses';
import type { Scenario, Trace } from '../types';

/**
 * The forward pass and full backpropagation through time of one sequence for the vanilla cell, keeping every
 * intermediate vector and each step's contribution to the weight gradients (the explorer
 * steps through them). Follows spec/trace-format.md term by term; the fast training loop in
 * train/ computes the same gradients without keeping the history.
 */
export function computeVanillaTrace(sc: Scenario): Trace {
  const { params: p, seq } = sc;
  const { H, D, K } = p;
  const { T, inputs: x, targets: y } = seq;
  const act = activation(sc.activation);
  const outStep = lossStep(sc.loss);

  const a = new Float64Array(T * H);
  const s = new Float64Array(T * H);
  const o = new Float64Array(T * K);
  const yhat = new Float64Array(T * K);
  const losses = new Float64Array(T);
  const dL_do = new Float64Array(T * K);
  let loss = 0;

  // s_{t-1} for step t: s0 at t = 1, else row t-2 of s.
  const prevState = (t: number) => (t === 0 ? { v: sc.s0, off: 0 } : { v: s, off: (t - 1) * H });

  // Forward: a_t = b + W s_{t-1} + U x_t, s_t = f(a_t), o_t = c + V s_t, then the loss.
  for (let t = 0; t < T; t++) {
    const { v: sp, off: spOff } = prevState(t);
    for (let i = 0; i < H; i++) {
      let acc = p.b[i];
      for (let j = 0; j < H; j++) acc += p.W[i * H + j] * sp[spOff + j];
      for (let d = 0; d < D; d++) acc += p.U[i * D + d] * x[t * D + d];
      a[t * H + i] = acc;
      s[t * H + i] = act.f(acc);
    }
    for (let k = 0; k < K; k++) {
      let acc = p.c[k];
      for (let i = 0; i < H; i++) acc += p.V[k * H + i] * s[t * H + i];
      o[t * K + k] = acc;
    }
    losses[t] = outStep(o, t * K, y, t * K, K, yhat, dL_do, t * K);
    loss += losses[t];
  }

  // Backward, t = T..1.
  const dL_ds_out = new Float64Array(T * H);
  const dL_ds_next = new Float64Array(T * H);
  const dL_ds = new Float64Array(T * H);
  const dL_da = new Float64Array(T * H);
  const cU = new Float64Array(T * H * D);
  const cW = new Float64Array(T * H * H);
  const cV = new Float64Array(T * K * H);
  const cb = new Float64Array(T * H);
  const cc = new Float64Array(T * K);
  for (let t = T - 1; t >= 0; t--) {
    for (let i = 0; i < H; i++) {
      // From the output now: (V^T dL/do_t)_i = Σ_k V_ki dL/do_tk.
      let out = 0;
      for (let k = 0; k < K; k++) out += p.V[k * H + i] * dL_do[t * K + k];
      // From the future: (W^T dL/da_{t+1})_i = Σ_j W_ji dL/da_{t+1,j}; none after the last step.
      let next = 0;
      if (t < T - 1) for (let j = 0; j < H; j++) next += p.W[j * H + i] * dL_da[(t + 1) * H + j];
      dL_ds_out[t * H + i] = out;
      dL_ds_next[t * H + i] = next;
      const ds = out + next;
      dL_ds[t * H + i] = ds;
      dL_da[t * H + i] = act.df(a[t * H + i], s[t * H + i]) * ds;
    }
    const { v: sp, off: spOff } = prevState(t);
    for (let i = 0; i < H; i++) {
      const da = dL_da[t * H + i];
      cb[t * H + i] = da;
      for (let d = 0; d < D; d++) cU[(t * H + i) * D + d] = da * x[t * D + d];
      for (let j = 0; j < H; j++) cW[(t * H + i) * H + j] = da * sp[spOff + j];
    }
    for (let k = 0; k < K; k++) {
      const dout = dL_do[t * K + k];
      cc[t * K + k] = dout;
      for (let i = 0; i < H; i++) cV[(t * K + k) * H + i] = dout * s[t * H + i];
    }
  }

  const sumRows = (c: Float64Array, size: number) => {
    const g = new Float64Array(size);
    for (let t = 0; t < T; t++) for (let i = 0; i < size; i++) g[i] += c[t * size + i];
    return g;
  };
  // dL/ds_0 = W^T dL/da_1.
  const gs0 = new Float64Array(H);
  if (T > 0) {
    for (let i = 0; i < H; i++) {
      let acc = 0;
      for (let j = 0; j < H; j++) acc += p.W[j * H + i] * dL_da[j];
      gs0[i] = acc;
    }
  }

  return {
    H,
    D,
    K,
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
      U: sumRows(cU, H * D),
      W: sumRows(cW, H * H),
      V: sumRows(cV, K * H),
      b: sumRows(cb, H),
      c: sumRows(cc, K),
      s0: gs0,
    },
  };
}
