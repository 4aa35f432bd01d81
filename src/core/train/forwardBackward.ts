import { activation } from '../activations';
import { lossStep } from '../losses';
import type { ActivationName, LossName, Params } from '../types';
import { gemvAdd, gemvTAdd, outerAccum, sumRowsAdd } from './kernels';
import { engineFor, forwardBackwardSimd } from './simdPath';
import type { TrainSequence, Workspace } from './workspace';

/**
 * The forward pass and full BPTT of steps start .. start+len-1 of seq, starting from the state
 * hPrev (s_0 of this chunk). Returns L = Σ_t L_t; leaves the gradients of L in ws.grads
 * (overwritten, not added to), each step's loss in ws.losses and s_T in ws.hLast.
 *
 * Same mathematics, same order of additions, as computeTrace (spec/trace-format.md), without
 * the history: no allocation, one-hot inputs as column picks, and the weight gradients summed
 * over time after the backward sweep from the ∂L/∂a_t and ∂L/∂o_t it kept. Where WebAssembly
 * SIMD is available (Node, current browsers) the matrix products run there (simdPath.ts), with
 * bit for bit the same results; the plain loops below are the fallback.
 */
export function forwardBackward(
  ws: Workspace,
  params: Params,
  act: ActivationName,
  loss: LossName,
  seq: TrainSequence,
  hPrev: Float64Array,
  start = 0,
  len = seq.T - start,
): number {
  const { H, D, K } = params;
  checkShapes(ws, params, seq, hPrev, start, len);
  const { U, W, V, b, c } = params;
  const { a, s, o, yhat, losses, dL_do, dL_da, dL_ds_out, dL_ds_next, yOne, grads } = ws;
  const xIdx = seq.inputIndex;
  const x = seq.inputs as Float64Array; // present whenever xIdx is not (checked above)
  const yIdx = seq.targetIndex;
  const y = seq.targets as Float64Array;
  const outStep = lossStep(loss);
  // Leaky units (params.keep) take the plain loops: the WebAssembly path is the vanilla step's.
  const keep = params.keep;
  if (keep && ws.fa.length < len * H) throw new Error('workspace has no room for leaky units');
  const engine = keep ? null : engineFor(ws);
  if (engine) {
    if (len > 0)
      return forwardBackwardSimd(engine, ws, params, act, outStep, seq, hPrev, start, len);
    engine.fresh = false; // what it holds is not this call's
  }

  // ---- Forward: a_t = b + W s_{t-1} + U x_t, s_t = f(a_t), o_t = c + V s_t, L_t. ----
  s.set(hPrev, 0); // row 0 of s is s_0
  let total = 0;
  for (let t = 0; t < len; t++) {
    const tt = start + t; // step in the whole sequence
    const at = t * H; // a_t; s_{t-1} is also row t of s
    const st = at + H; // s_t is row t+1 of s
    const ot = t * K;
    a.set(b, at);
    gemvAdd(W, H, H, s, at, a, at);
    if (xIdx) {
      const hot = xIdx[tt];
      if (hot >= 0) for (let i = 0; i < H; i++) a[at + i] += U[i * D + hot];
    } else {
      gemvAdd(U, H, D, x, tt * D, a, at);
    }
    activate(act, a, s, at, st, H);
    if (keep) leak(keep, s, at, st, ws.fa, H);
    o.set(c, ot);
    gemvAdd(V, K, H, s, st, o, ot);
    let Lt: number;
    if (yIdx) {
      const hot = yIdx[tt];
      yOne[hot] = 1;
      Lt = outStep(o, ot, yOne, 0, K, yhat, dL_do, ot);
      yOne[hot] = 0;
    } else {
      Lt = outStep(o, ot, y, tt * K, K, yhat, dL_do, ot);
    }
    losses[t] = Lt;
    total += Lt;
  }
  const hLast = ws.hLast;
  for (let i = 0; i < H; i++) hLast[i] = s[len * H + i]; // s_T, copied without a subarray view

  // ---- Backward sweep, t = T..1: only the vectors that flow through time. ----
  // dL/ds_t = Vᵀ dL/do_t + Wᵀ dL/da_{t+1};  dL/da_t = f'(a_t) ⊙ dL/ds_t.
  dL_ds_next.fill(0); // nothing flows in from after the last step
  for (let t = len - 1; t >= 0; t--) {
    dL_ds_out.fill(0);
    gemvTAdd(V, K, H, dL_do, t * K, dL_ds_out);
    if (keep) {
      // Leaky units: ∂L/∂a_t = (1 − keep) ⊙ f'(a_t) ⊙ ∂L/∂s_t, and ∂L/∂s_t flows on to s_{t-1}
      // along the kept share as well as through W.
      backLeak(act, W, keep, a, ws.fa, t * H, dL_ds_out, dL_ds_next, dL_da, H);
      continue;
    }
    backActivate(act, a, s, t * H, t * H + H, dL_ds_out, dL_ds_next, dL_da, H);
    // What flows on to s_{t-1}: Wᵀ dL/da_t (at t = 1 this is dL/ds_0).
    dL_ds_next.fill(0);
    gemvTAdd(W, H, H, dL_da, t * H, dL_ds_next);
  }
  grads.s0.set(dL_ds_next);

  // ---- Weight gradients: sums over time of the per-step terms. ----
  grads.U.fill(0);
  grads.W.fill(0);
  grads.V.fill(0);
  grads.b.fill(0);
  grads.c.fill(0);
  outerAccum(grads.W, H, H, dL_da, len, s, 0); // Σ dL/da_t s_{t-1}ᵀ
  outerAccum(grads.V, K, H, dL_do, len, s, H); // Σ dL/do_t s_tᵀ
  sumRowsAdd(dL_da, len, H, grads.b);
  sumRowsAdd(dL_do, len, K, grads.c);
  if (xIdx) {
    // x_t = e_hot: dL/da_t x_tᵀ is dL/da_t in column hot.
    const gU = grads.U;
    for (let t = 0; t < len; t++) {
      const hot = xIdx[start + t];
      if (hot < 0) continue;
      for (let i = 0; i < H; i++) gU[i * D + hot] += dL_da[t * H + i];
    }
  } else {
    outerAccum(grads.U, H, D, dL_da, len, x, start * D); // Σ dL/da_t x_tᵀ
  }
  return total;
}

/** s[so + i] = f(a[ao + i]), with f from the one activation table (activations.ts). */
function activate(
  name: ActivationName,
  a: Float64Array,
  s: Float64Array,
  ao: number,
  so: number,
  H: number,
): void {
  const f = activation(name).f;
  for (let i = 0; i < H; i++) s[so + i] = f(a[ao + i]);
}

/** dL_da[ao + i] = f'(a_t) (out_i + next_i), with f' from the same table. */
function backActivate(
  name: ActivationName,
  a: Float64Array,
  s: Float64Array,
  ao: number,
  so: number,
  out: Float64Array,
  next: Float64Array,
  dL_da: Float64Array,
  H: number,
): void {
  const df = activation(name).df;
  for (let i = 0; i < H; i++) dL_da[ao + i] = df(a[ao + i], s[so + i]) * (out[i] + next[i]);
}

/**
 * s_t = keep ⊙ s_{t-1} + (1 − keep) ⊙ f(a_t) in place of s_t = f(a_t) (already in row st),
 * keeping f(a_t) in fa's row at.
 */
function leak(
  keep: Float64Array,
  s: Float64Array,
  at: number,
  st: number,
  fa: Float64Array,
  H: number,
): void {
  for (let i = 0; i < H; i++) {
    const f = s[st + i];
    fa[at + i] = f;
    s[st + i] = keep[i] * s[at + i] + (1 - keep[i]) * f; // row at of s is s_{t-1}
  }
}

/**
 * One backward step of leaky units: ∂L/∂s_t = out + next, ∂L/∂a_t = (1 − keep) ⊙ f'(a_t) ⊙
 * ∂L/∂s_t, then next = Wᵀ ∂L/∂a_t + keep ⊙ ∂L/∂s_t for s_{t-1}, as the trace computes them.
 */
function backLeak(
  name: ActivationName,
  W: Float64Array,
  keep: Float64Array,
  a: Float64Array,
  fa: Float64Array,
  ao: number,
  out: Float64Array,
  next: Float64Array,
  dL_da: Float64Array,
  H: number,
): void {
  const df = activation(name).df;
  // out is free once read: it holds ∂L/∂s_t while next is rebuilt.
  for (let i = 0; i < H; i++) {
    const ds = out[i] + next[i];
    out[i] = ds;
    dL_da[ao + i] = (1 - keep[i]) * df(a[ao + i], fa[ao + i]) * ds;
  }
  next.fill(0);
  gemvTAdd(W, H, H, dL_da, ao, next);
  for (let i = 0; i < H; i++) next[i] += keep[i] * out[i];
}

function checkShapes(
  ws: Workspace,
  p: Params,
  seq: TrainSequence,
  hPrev: Float64Array,
  start: number,
  len: number,
): void {
  const { H, D, K } = p;
  if (ws.dims.H !== H || ws.dims.D !== D || ws.dims.K !== K)
    throw new Error(
      `workspace is for H=${ws.dims.H} D=${ws.dims.D} K=${ws.dims.K}, params are H=${H} D=${D} K=${K}`,
    );
  if (seq.D !== D || seq.K !== K)
    throw new Error(`sequence has D=${seq.D} K=${seq.K}, params D=${D} K=${K}`);
  if (hPrev.length !== H) throw new Error(`hPrev: expected ${H} entries, got ${hPrev.length}`);
  if (!(
    Number.isInteger(start) &&
    Number.isInteger(len) &&
    start >= 0 &&
    len >= 0 &&
    start + len <= seq.T
  ))
    throw new Error(`steps ${start}..${start + len - 1} are outside the sequence of ${seq.T}`);
  if (len > ws.maxT)
    throw new Error(`chunk of ${len} steps exceeds the workspace's maxT ${ws.maxT}`);
  if (seq.inputIndex) {
    if (seq.inputIndex.length < seq.T) throw new Error('inputIndex is shorter than T');
    for (let t = start; t < start + len; t++) {
      const i = seq.inputIndex[t];
      if (!(i < D && i >= -1)) throw new Error(`inputIndex[${t}] = ${i} is outside -1..${D - 1}`);
    }
  } else if (!seq.inputs || seq.inputs.length < seq.T * D) {
    throw new Error('sequence needs inputs (T x D) or inputIndex');
  }
  if (seq.targetIndex) {
    if (seq.targetIndex.length < seq.T) throw new Error('targetIndex is shorter than T');
    for (let t = start; t < start + len; t++) {
      const i = seq.targetIndex[t];
      if (!(i < K && i >= 0)) throw new Error(`targetIndex[${t}] = ${i} is outside 0..${K - 1}`);
    }
  } else if (!seq.targets || seq.targets.length < seq.T * K) {
    throw new Error('sequence needs targets (T x K) or targetIndex');
  }
}
