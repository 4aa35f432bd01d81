import { activation } from '../activations';
import type { ClipConfig } from '../clip';
import { softmaxCrossEntropy, type LossStep } from '../losses';
import { DEFAULT_EPS, type OptimizerConfig, type OptimizerState } from '../optimizers';
import type { ActivationName, Params } from '../types';
import { adagradClip, fusedClipBound, type ColumnSubset } from './update';
import type { WasmKernels } from './wasmKernels';
import type { TrainSequence, Workspace } from './workspace';

// forwardBackward with its matrix products in WebAssembly (wasmKernels.ts); the element-wise parts
// (activations, losses) stay in JavaScript, reading and writing the module's memory through a
// Float64Array. Only two products are truly sequential, W s_{t-1} forward and Wᵀ ∂L/∂a_{t+1}
// backward; every other one is done once for all steps as a matrix–matrix product:
//   O = V S + c,  ∂L/∂s_out = ∂L/∂O · V (before the backward sweep, which only adds Wᵀ ∂L/∂a),
//   ∂L/∂W = Σ_t ∂L/∂a_t s_{t-1}ᵀ,  ∂L/∂V = Σ_t ∂L/∂o_t s_tᵀ  (and ∂L/∂U for dense inputs).
// Every sum is taken in the same order as in trace.ts, so the results are bit for bit the same.

/** Offsets (in doubles) of the buffers in the module's memory, rows padded to an even length. */
interface Layout {
  H: number;
  D: number;
  K: number;
  maxT: number;
  Hp: number; // H, D rounded up to even
  Dp: number;
  Tp: number; // even, >= maxT + 2: a column of ST or OT per step, with room for a pair past the end
  zero: number; // zeros, never written
  one: number; // 1
  W: number; // H x Hp
  WT: number; // H x Hp, row j = column j of W
  V: number; // K x Hp
  UT: number; // D x Hp, row d = column d of U (dense inputs)
  b: number; // Hp
  S: number; // (maxT + 1) x Hp, row t = s_t (row 0 = s_0)
  ST: number; // H x Tp, column t = s_t
  A: number; // maxT x Hp, row t = a_{t+1}
  OT: number; // K x Tp, column t = o_{t+1}
  dOT: number; // K x Tp, column t = ∂L/∂o_{t+1}
  dS: number; // maxT x Hp, row t = Vᵀ ∂L/∂o_{t+1}
  dA: number; // maxT x Hp, row t = ∂L/∂a_{t+1}
  next: number; // Hp, Wᵀ ∂L/∂a_{t+1}
  X: number; // maxT x Dp, dense inputs
  gW: number; // H x Hp
  gV: number; // K x Hp
  gU: number; // H x Dp (dense inputs; also where U is staged for its transpose)
  gb: number; // Hp
  GW: number; // H x Hp, Adagrad's G for W
  GV: number; // K x Hp, Adagrad's G for V
  res: number; // 2, what the adagrad kernel reports
  size: number;
}

function layout(H: number, D: number, K: number, maxT: number): Layout {
  const even = (n: number) => n + (n & 1);
  const Hp = even(H);
  const Dp = even(D);
  const Tp = even(maxT + 2);
  let at = 0;
  const take = (n: number) => {
    const o = at;
    at += even(n);
    return o;
  };
  return {
    H,
    D,
    K,
    maxT,
    Hp,
    Dp,
    Tp,
    zero: take(Math.max(Hp, Dp, even(K))),
    one: take(1),
    W: take(H * Hp),
    WT: take(H * Hp),
    V: take(K * Hp),
    UT: take(D * Hp),
    b: take(Hp),
    S: take((maxT + 1) * Hp),
    ST: take(H * Tp),
    A: take(maxT * Hp),
    OT: take(K * Tp),
    dOT: take(K * Tp),
    dS: take(maxT * Hp),
    dA: take(maxT * Hp),
    next: take(Hp),
    X: take(maxT * Dp),
    gW: take(H * Hp),
    gV: take(K * Hp),
    gU: take(H * Dp),
    gb: take(Hp),
    GW: take(H * Hp),
    GV: take(K * Hp),
    res: take(2),
    size: at,
  };
}

export interface SimdEngine {
  L: Layout;
  k: WasmKernels;
  f: Float64Array; // the module's memory
  /** The last forwardBackward ran here with these params, and no update has used it yet. */
  fresh: boolean;
  params: Params | null;
  /** G of W and V where the optimizer state may live (rows unpadded), else null. */
  GWview: Float64Array | null;
  GVview: Float64Array | null;
  /** Views of blocks of the memory that getRows copies out whole, by offset. */
  views: Map<number, Float64Array>;
}

/**
 * The engine for this workspace (made on first use, kept on it), or null when its kernels are
 * the plain ones or WebAssembly SIMD is missing here.
 */
export function engineFor(ws: Workspace): SimdEngine | null {
  let e = ws.engine;
  if (e === undefined) {
    const { H, D, K } = ws.dims;
    const L = layout(H, D, K, ws.maxT);
    const k = ws.kernels.wasm(L.size);
    if (k) {
      const f = new Float64Array(k.memory.buffer, 0, L.size);
      const unpadded = L.Hp === H;
      e = {
        L,
        k,
        f,
        fresh: false,
        params: null,
        GWview: unpadded ? f.subarray(L.GW, L.GW + H * H) : null,
        GVview: unpadded ? f.subarray(L.GV, L.GV + K * H) : null,
        views: new Map(),
      };
      f[L.one] = 1;
    } else {
      e = null;
    }
    ws.engine = e;
  }
  return e;
}

/**
 * Copy rows x cols of m (row-major from mOff) into the memory at `to`, rows ld apart. One block
 * copy when nothing is padded; allocates nothing either way.
 */
function putRows(
  f: Float64Array,
  m: Float64Array,
  mOff: number,
  rows: number,
  cols: number,
  to: number,
  ld: number,
): void {
  if (ld === cols && mOff === 0 && m.length === rows * cols) {
    f.set(m, to);
    return;
  }
  for (let r = 0; r < rows; r++) {
    const src = mOff + r * cols;
    const dst = to + r * ld;
    for (let j = 0; j < cols; j++) f[dst + j] = m[src + j];
  }
}

/** The reverse of putRows into all of m, with a view of the block kept for the unpadded case. */
function getRows(
  e: SimdEngine,
  from: number,
  ld: number,
  rows: number,
  cols: number,
  m: Float64Array,
) {
  const f = e.f;
  if (ld === cols && m.length === rows * cols) {
    let view = e.views.get(from);
    if (!view || view.length !== m.length) {
      view = f.subarray(from, from + m.length); // once per block, then kept
      e.views.set(from, view);
    }
    m.set(view);
    return;
  }
  for (let r = 0; r < rows; r++) {
    const src = from + r * ld;
    const dst = r * cols;
    for (let j = 0; j < cols; j++) m[dst + j] = f[src + j];
  }
}

/** forwardBackward (see forwardBackward.ts) on the engine; shapes already checked. */
export function forwardBackwardSimd(
  e: SimdEngine,
  ws: Workspace,
  params: Params,
  act: ActivationName,
  outStep: LossStep,
  seq: TrainSequence,
  hPrev: Float64Array,
  start: number,
  len: number,
): number {
  const { L, k, f } = e;
  const { H, D, K, Hp, Dp, Tp } = L;
  e.fresh = true;
  e.params = params;
  const NVh = Hp >> 1;
  const { U, W, V, b, c } = params;
  const { o, yhat, losses, dL_do, yOne, grads } = ws;
  const xIdx = seq.inputIndex;
  const x = seq.inputs as Float64Array;
  const yIdx = seq.targetIndex;
  const y = seq.targets as Float64Array;

  // ---- The parameters into the module: W and its transpose, V, b (and Uᵀ for dense x). ----
  putRows(f, W, 0, H, H, L.W, Hp);
  k.transpose(L.W, H, H, Hp, L.WT, Hp);
  putRows(f, V, 0, K, H, L.V, Hp);
  f.set(b, L.b);
  if (!xIdx) {
    putRows(f, U, 0, H, D, L.gU, Dp);
    k.transpose(L.gU, H, D, Dp, L.UT, Hp);
    putRows(f, x, start * D, len, D, L.X, Dp);
  }

  // ---- Forward: a_t = b + W s_{t-1} (+ U x_t), s_t = f(a_t); s_t kept as rows and columns. ----
  for (let i = 0; i < H; i++) {
    f[L.S + i] = hPrev[i];
    f[L.ST + i * Tp] = hPrev[i];
  }
  for (let t = 0; t < len; t++) {
    const at = L.A + t * Hp;
    k.gemm(1, NVh, H, L.ST + t, 0, Tp, L.WT, Hp, at, Hp, L.b, 0);
    let hot = -1;
    if (xIdx) hot = xIdx[start + t];
    else k.gemm(1, NVh, D, L.X + t * Dp, 0, 1, L.UT, Hp, at, Hp, at, 0);
    activate(act, f, at, hot, U, D, L.S + (t + 1) * Hp, L.ST + t + 1, Tp, H);
  }
  const hLast = ws.hLast;
  for (let i = 0; i < H; i++) hLast[i] = f[L.S + len * Hp + i];

  // ---- Outputs for all steps at once: column t of OT = c + V s_{t+1}; then each loss. ----
  for (let q = 0; q < K; q++) {
    const row = L.OT + q * Tp;
    for (let t = 0; t < len; t++) f[row + t] = c[q];
  }
  k.gemm(K, (len + 1) >> 1, H, L.V, Hp, 1, L.ST + 1, Tp, L.OT, Tp, L.OT, Tp);
  let total = 0;
  for (let t = 0; t < len; t++) {
    const ot = t * K;
    let Lt: number;
    if (yIdx && outStep === softmaxCrossEntropy) {
      Lt = softmaxCrossEntropyHot(f, L.OT + t, Tp, yIdx[start + t], K, o, yhat, dL_do, ot);
      for (let q = 0; q < K; q++) f[L.dOT + q * Tp + t] = dL_do[ot + q];
      losses[t] = Lt;
      total += Lt;
      continue;
    }
    for (let q = 0; q < K; q++) o[ot + q] = f[L.OT + q * Tp + t];
    if (yIdx) {
      const hot = yIdx[start + t];
      yOne[hot] = 1;
      Lt = outStep(o, ot, yOne, 0, K, yhat, dL_do, ot);
      yOne[hot] = 0;
    } else {
      Lt = outStep(o, ot, y, (start + t) * K, K, yhat, dL_do, ot);
    }
    for (let q = 0; q < K; q++) f[L.dOT + q * Tp + t] = dL_do[ot + q];
    losses[t] = Lt;
    total += Lt;
  }

  // ---- Backward. ∂L/∂s_out = Vᵀ ∂L/∂o_t for all t first; then the sweep adds Wᵀ ∂L/∂a_{t+1}. ----
  k.gemm(len, NVh, K, L.dOT, 1, Tp, L.V, Hp, L.dS, Hp, L.zero, 0);
  // The last step: nothing flows in from after it.
  backActivate(
    act,
    f,
    L.A + (len - 1) * Hp,
    L.S + len * Hp,
    L.dS + (len - 1) * Hp,
    L.zero,
    L.dA + (len - 1) * Hp,
    H,
  );
  for (let t = len - 1; t >= 0; t--) {
    // What flows on to s_{t-1}: Wᵀ ∂L/∂a_t (at t = 1 this is ∂L/∂s_0).
    k.gemm(1, NVh, H, L.dA + t * Hp, 0, 1, L.W, Hp, L.next, Hp, L.zero, 0);
    if (t > 0) {
      const u = t - 1;
      backActivate(act, f, L.A + u * Hp, L.S + t * Hp, L.dS + u * Hp, L.next, L.dA + u * Hp, H);
    }
  }
  for (let i = 0; i < H; i++) grads.s0[i] = f[L.next + i];

  // ---- Weight gradients: sums over time as products of the stacked steps. ----
  k.gemm(H, NVh, len, L.dA, 1, Hp, L.S, Hp, L.gW, Hp, L.zero, 0); // Σ ∂L/∂a_t s_{t-1}ᵀ
  k.gemm(K, NVh, len, L.dOT, Tp, 1, L.S + Hp, Hp, L.gV, Hp, L.zero, 0); // Σ ∂L/∂o_t s_tᵀ
  getRows(e, L.gW, Hp, H, H, grads.W);
  getRows(e, L.gV, Hp, K, H, grads.V);
  k.gemm(1, NVh, len, L.one, 0, 0, L.dA, Hp, L.gb, Hp, L.zero, 0); // Σ 1 · ∂L/∂a_t
  for (let i = 0; i < H; i++) grads.b[i] = f[L.gb + i];
  const gc = grads.c;
  gc.fill(0);
  for (let t = 0; t < len; t++) {
    const ot = t * K;
    for (let q = 0; q < K; q++) gc[q] += dL_do[ot + q];
  }
  const gU = grads.U;
  if (xIdx) {
    gU.fill(0);
    for (let t = 0; t < len; t++) {
      const hot = xIdx[start + t];
      if (hot < 0) continue;
      const row = L.dA + t * Hp;
      for (let i = 0; i < H; i++) gU[i * D + hot] += f[row + i];
    }
  } else {
    k.gemm(H, Dp >> 1, len, L.dA, 1, Hp, L.X, Dp, L.gU, Dp, L.zero, 0); // Σ ∂L/∂a_t x_tᵀ
    getRows(e, L.gU, Dp, H, D, gU);
  }
  return total;
}

/**
 * clipAndUpdate (update.ts) right after forwardBackward ran on this workspace's engine, with W
 * and V (the bulk of the parameters) clipped and updated in the module, where they and their
 * gradients already are: Adagrad's divisions and roots, which bound the plain update, go two at
 * a time. Same operations, same results. Adagrad's G for W and V then lives in the module too:
 * state.second[1] and [2] become views of its memory (when rows need no padding; else they are
 * copied in and out). Returns ‖g‖ before clipping, or null when this does not apply (another
 * optimizer or clipping rule, no engine, or forwardBackward did not just run on it).
 */
export function clipAdagradSimd(
  ws: Workspace,
  optimizer: OptimizerConfig,
  state: OptimizerState,
  clip: ClipConfig,
  theta: readonly Float64Array[],
  grads: readonly Float64Array[],
  first?: ColumnSubset,
): number | null {
  const e = ws.engine;
  if (!e || !e.fresh) return null;
  e.fresh = false;
  const p = e.params;
  if (
    !p ||
    theta.length !== 5 ||
    theta[1] !== p.W ||
    theta[2] !== p.V ||
    grads[1] !== ws.grads.W ||
    grads[2] !== ws.grads.V
  )
    return null;
  const c = fusedClipBound(optimizer, state, clip, theta, grads);
  if (c === null) return null;
  const lr = optimizer.lr;
  const eps = optimizer.eps ?? DEFAULT_EPS;
  const { L } = e;
  state.t += 1;
  let sumSq = adagradClip(lr, eps, c, state.second[0], theta[0], grads[0], first);
  sumSq += adagradMatrix(e, L.H, 1, L.W, L.GW, L.gW, e.GWview, lr, eps, c, state, theta, grads);
  sumSq += adagradMatrix(e, L.K, 2, L.V, L.GV, L.gV, e.GVview, lr, eps, c, state, theta, grads);
  sumSq += adagradClip(lr, eps, c, state.second[3], theta[3], grads[3]);
  sumSq += adagradClip(lr, eps, c, state.second[4], theta[4], grads[4]);
  return Math.sqrt(sumSq);
}

/** The adagrad kernel on a rows x H parameter (tensor p) held at th, G, g in the module. */
function adagradMatrix(
  e: SimdEngine,
  rows: number,
  p: number,
  th: number,
  G: number,
  g: number,
  view: Float64Array | null,
  lr: number,
  eps: number,
  c: number,
  state: OptimizerState,
  theta: readonly Float64Array[],
  grads: readonly Float64Array[],
): number {
  const { L, k, f } = e;
  const { H, Hp } = L;
  if (view) {
    if (state.second[p] !== view) {
      view.set(state.second[p]);
      state.second[p] = view;
    }
  } else {
    putRows(f, state.second[p], 0, rows, H, G, Hp);
  }
  k.adagrad(th, G, g, rows * Hp, lr, eps, c, L.res);
  getRows(e, th, Hp, rows, H, theta[p]);
  if (!view) getRows(e, G, Hp, rows, H, state.second[p]);
  if (f[L.res + 1] !== 0) getRows(e, g, Hp, rows, H, grads[p]); // the clipped gradient
  return f[L.res];
}

/**
 * softmaxCrossEntropy (losses.ts) for a one-hot target, with o_t read from column `col` of the
 * memory (stride Tp) into o: the same operations in the same order, less the ones the zeros of
 * y make void (y_k · ... for y_k = 0, Σ y = 1). Returns L_t.
 */
function softmaxCrossEntropyHot(
  f: Float64Array,
  col: number,
  Tp: number,
  hot: number,
  K: number,
  o: Float64Array,
  yhat: Float64Array,
  dL_do: Float64Array,
  off: number,
): number {
  let max = -Infinity;
  for (let q = 0; q < K; q++) {
    const oq = f[col + q * Tp];
    o[off + q] = oq;
    if (oq > max) max = oq;
  }
  let sum = 0;
  for (let q = 0; q < K; q++) {
    const e = Math.exp(o[off + q] - max);
    yhat[off + q] = e;
    sum += e;
  }
  const logSum = Math.log(sum);
  for (let q = 0; q < K; q++) {
    const p = yhat[off + q] / sum;
    yhat[off + q] = p;
    dL_do[off + q] = p;
  }
  dL_do[off + hot] = yhat[off + hot] - 1;
  return 0 - (o[off + hot] - max - logSum);
}

/**
 * a_t += U x_t for x_t = e_hot (none if hot < 0), then s_t = f(a_t), for row `at` of the memory,
 * into row `st` and column `sc` (stride Tp) of it.
 */
function activate(
  name: ActivationName,
  f: Float64Array,
  at: number,
  hot: number,
  U: Float64Array,
  D: number,
  st: number,
  sc: number,
  Tp: number,
  H: number,
): void {
  const fn = activation(name).f;
  if (hot >= 0) for (let i = 0; i < H; i++) f[at + i] += U[i * D + hot];
  for (let i = 0; i < H; i++) {
    const si = fn(f[at + i]);
    f[st + i] = si;
    f[sc + i * Tp] = si;
  }
}

/** ∂L/∂a = f'(a) (out + next), rows of the memory; f' written as in activations.ts. */
function backActivate(
  name: ActivationName,
  f: Float64Array,
  at: number,
  st: number,
  out: number,
  next: number,
  da: number,
  H: number,
): void {
  const df = activation(name).df;
  for (let i = 0; i < H; i++) f[da + i] = df(f[at + i], f[st + i]) * (f[out + i] + f[next + i]);
}
