import { activation } from '../activations';
import { lossStep } from '../losses';
import { cellField } from '../model';
import type { Scenario, Trace } from '../types';

/**
 * The forward pass and full backpropagation through time of one sequence for the vanilla cell
 * and for leaky units (params.keep: s_t = keep ⊙ s_{t-1} + (1 − keep) ⊙ f(a_t); absent, or all
 * 0, is the vanilla cell, computed by the same expressions as ever), keeping every
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
  const keep = p.keep;
  // f(a_t): s_t itself for the vanilla cell, its new share for leaky units.
  const fa = keep ? new Float64Array(T * H) : null;

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
      if (keep && fa) {
        const f = act.f(acc);
        fa[t * H + i] = f;
        s[t * H + i] = keep[i] * sp[spOff + i] + (1 - keep[i]) * f;
      } else s[t * H + i] = act.f(acc);
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
  // Leaky units: the part from the future through W and a_{t+1}, and along the kept share.
  const next_W = keep ? new Float64Array(T * H) : null;
  const next_kept = keep ? new Float64Array(T * H) : null;
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
      if (keep && fa && next_W && next_kept) {
        // s_{t+1} = keep ⊙ s_t + …: ∂L/∂s_{t+1} flows back along the kept share too.
        const kept = t < T - 1 ? keep[i] * dL_ds[(t + 1) * H + i] : 0;
        next_W[t * H + i] = next;
        next_kept[t * H + i] = kept;
        next += kept;
      }
      dL_ds_next[t * H + i] = next;
      const ds = out + next;
      dL_ds[t * H + i] = ds;
      // ∂s_t/∂a_t = (1 − keep) ⊙ f'(a_t) for leaky units, f'(a_t) for the vanilla cell.
      dL_da[t * H + i] =
        keep && fa
          ? (1 - keep[i]) * act.df(a[t * H + i], fa[t * H + i]) * ds
          : act.df(a[t * H + i], s[t * H + i]) * ds;
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
  // dL/ds_0 = W^T dL/da_1 (+ keep ⊙ dL/ds_1 for leaky units).
  const gs0 = new Float64Array(H);
  if (T > 0) {
    for (let i = 0; i < H; i++) {
      let acc = 0;
      for (let j = 0; j < H; j++) acc += p.W[j * H + i] * dL_da[j];
      gs0[i] = keep ? acc + keep[i] * dL_ds[i] : acc;
    }
  }

  return {
    H,
    D,
    K,
    ...cellField(p.cell),
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
    ...(keep && fa && next_W && next_kept
      ? {
          leaky: {
            keep: keep.slice(),
            fa,
            dL_ds_next_W: next_W,
            dL_ds_next_kept: next_kept,
          },
        }
      : {}),
  };
}
