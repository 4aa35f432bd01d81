import { lossStep } from '../losses';
import { CELLS, cellOf, gateMultiplier, stateSize, type CellName } from '../model';
import { DEFAULT_KERNELS, type Kernels } from '../train/kernelChoice';
import { gemvAdd, gemvTAdd, outerAccum, sumRowsAdd } from '../train/kernels';
import type { TrainSequence } from '../train/workspace';
import type { LossName, Params } from '../types';
import { sigmoid } from './shared';
import { addWv, createGatedSimd, gradW, loadW, wTransposeDa, type GatedSimd } from './simd';

// The training path of the gated cells: the mathematics of lstm.ts and gru.ts (which keep the
// whole history for the explorer) without the per-step terms, on chunks of a longer sequence
// with the state carried in, and no allocation per chunk. Tested against those two.

/** The cells that model.ts declares with gates: each has one entry in GATED_KERNELS below. */
export type GatedCell = {
  [C in CellName]: (typeof CELLS)[C]['gates'] extends readonly [] ? never : C;
}[CellName];

export { stateSize };

export const isGatedCell = (cell: CellName | undefined): cell is GatedCell =>
  cell !== undefined && CELLS[cell].gates.length > 0;

/** The gradients of one chunk: the five tensors, ∂L/∂s_0 and, for an LSTM, ∂L/∂m_0. */
export interface GatedGrads {
  U: Float64Array;
  W: Float64Array;
  V: Float64Array;
  b: Float64Array;
  c: Float64Array;
  s0: Float64Array;
  m0: Float64Array;
}

/**
 * Buffers for chunks of up to maxT steps. Rows are steps of the chunk (row t is step t + 1);
 * s and m have one more row, row 0 being the carried state. After a call, losses, yhat, dL_ds,
 * dL_dm, grads and stateLast hold that chunk's values.
 */
export interface GatedWorkspace {
  cell: GatedCell;
  dims: { H: number; D: number; K: number };
  maxT: number;
  /** Stacked pre-activations, maxT x G (G = 4H for an LSTM, 3H for a GRU). */
  a: Float64Array;
  /** The gates, maxT x H each: LSTM i, f, g, q; GRU r, z, n (the fourth unused). */
  g0: Float64Array;
  g1: Float64Array;
  g2: Float64Array;
  g3: Float64Array;
  /** LSTM: tanh(m_t); GRU: r_t ⊙ s_{t-1}. maxT x H. */
  aux: Float64Array;
  s: Float64Array; // (maxT + 1) x H
  m: Float64Array; // (maxT + 1) x H, LSTM only (empty for a GRU)
  o: Float64Array;
  yhat: Float64Array;
  losses: Float64Array;
  dL_do: Float64Array;
  dL_da: Float64Array; // maxT x G
  /** ∂L/∂s_t and (LSTM) ∂L/∂m_t of every step of the chunk, maxT x H. */
  dL_ds: Float64Array;
  dL_dm: Float64Array;
  next: Float64Array; // H: what flows from step t+1 back into s_t
  dmf: Float64Array; // H: ∂L/∂m_{t+1} ⊙ f_{t+1}, what flows back into m_t
  tmp: Float64Array; // H
  /** GRU: the r, z rows and the n rows of ∂L/∂a_t apart (maxT x 2H, maxT x H); else empty. */
  rzRows: Float64Array;
  nRows: Float64Array;
  yOne: Float64Array; // K
  grads: GatedGrads;
  /** U, W, V, b, c's gradients in PARAM_NAMES order, for clipping and optimizers. */
  gradTensors: Float64Array[];
  /** The state after the chunk's last step (stateSize entries): carried into the next. */
  stateLast: Float64Array;
  /** The WebAssembly SIMD products (simd.ts), whose memory s, aux, a, dL_da, next, tmp and
   *  grads.W live in; null on the plain loops. */
  simd: GatedSimd | null;
  /** The kernels it was made with (a bigger workspace for the same session takes them too). */
  kernels: Kernels;
}

export function createGatedWorkspace(
  cell: GatedCell,
  dims: { H: number; D: number; K: number },
  maxT: number,
  kernels: Kernels = DEFAULT_KERNELS,
): GatedWorkspace {
  const { H, D, K } = dims;
  if (!(Number.isInteger(maxT) && maxT >= 1))
    throw new Error(`maxT must be a positive integer, got ${maxT}`);
  const G = gateMultiplier(cell) * H;
  // A cell state (the LSTM's m) and the fourth gate block are the LSTM's; the GRU's n block
  // pairs with r ⊙ s_{t-1}, gathered apart for the weight gradient (rzRows, nRows).
  const hasM = CELLS[cell].cellState !== null;
  const sRows = GATED_KERNELS[cell].sRows(H);
  const rows = (n: number) => new Float64Array(maxT * n);
  const sv = createGatedSimd(H, G, maxT, kernels);
  // In the module's memory when the SIMD products run, else plain arrays.
  const shared = (name: 's' | 'aux' | 'a' | 'da' | 'next' | 'tmp' | 'dW', n: number) =>
    sv ? sv.view(sv.simd[name], n) : new Float64Array(n);
  const grads: GatedGrads = {
    U: new Float64Array(G * D),
    W: shared('dW', G * H),
    V: new Float64Array(K * H),
    b: new Float64Array(G),
    c: new Float64Array(K),
    s0: new Float64Array(H),
    m0: new Float64Array(hasM ? H : 0),
  };
  return {
    cell,
    dims: { H, D, K },
    maxT,
    a: shared('a', maxT * G),
    g0: rows(H),
    g1: rows(H),
    g2: rows(H),
    g3: rows(G > 3 * H ? H : 0),
    aux: shared('aux', maxT * H),
    s: shared('s', (maxT + 1) * H),
    m: new Float64Array(hasM ? (maxT + 1) * H : 0),
    o: rows(K),
    yhat: rows(K),
    losses: rows(1),
    dL_do: rows(K),
    dL_da: shared('da', maxT * G),
    dL_ds: rows(H),
    dL_dm: rows(hasM ? H : 0),
    next: shared('next', H),
    dmf: new Float64Array(H),
    tmp: shared('tmp', H),
    rzRows: rows(sRows < G ? sRows : 0),
    nRows: rows(sRows < G ? G - sRows : 0),
    yOne: new Float64Array(K),
    grads,
    gradTensors: [grads.U, grads.W, grads.V, grads.b, grads.c],
    stateLast: new Float64Array(stateSize(cell, H)),
    simd: sv?.simd ?? null,
    kernels,
  };
}

export interface GatedPassOptions {
  /** Only the last step's loss counts (the others are computed but give no gradient). */
  lastOnly?: boolean;
}

/**
 * Forward pass and full BPTT of steps start .. start+len-1 of seq from the carried state
 * (s_0, then m_0 for an LSTM). Returns L = Σ_t L_t (or L_T with lastOnly); leaves the
 * gradients in ws.grads (overwritten) and the last state in ws.stateLast.
 */
export function gatedForwardBackward(
  ws: GatedWorkspace,
  params: Params,
  loss: LossName,
  seq: TrainSequence,
  state: Float64Array,
  start = 0,
  len = seq.T - start,
  opts: GatedPassOptions = {},
): number {
  checkGated(ws, params, seq, state, start, len);
  const total = forwardPass(ws, params, loss, seq, state, start, len);
  const lastOnly = opts.lastOnly === true && len > 0;
  if (lastOnly) ws.dL_do.fill(0, 0, (len - 1) * ws.dims.K);
  GATED_KERNELS[ws.cell].backward(ws, params, len);
  weightGrads(ws, seq, start, len);
  return lastOnly ? ws.losses[len - 1] : total;
}

/** The forward pass alone (for evaluation): L, with yhat and stateLast filled. */
export function gatedForward(
  ws: GatedWorkspace,
  params: Params,
  loss: LossName,
  seq: TrainSequence,
  state: Float64Array,
  start = 0,
  len = seq.T - start,
): number {
  checkGated(ws, params, seq, state, start, len);
  return forwardPass(ws, params, loss, seq, state, start, len);
}

function forwardPass(
  ws: GatedWorkspace,
  params: Params,
  loss: LossName,
  seq: TrainSequence,
  state: Float64Array,
  start: number,
  len: number,
): number {
  const { H, K } = ws.dims;
  const outStep = lossStep(loss);
  const { s, m, o, yhat, dL_do, losses, yOne } = ws;
  if (ws.simd) loadW(ws.simd, params.W);
  s.set(state.subarray(0, H), 0);
  const hasM = m.length > 0;
  if (hasM) m.set(state.subarray(H, 2 * H), 0);
  let total = 0;
  const step = GATED_KERNELS[ws.cell].step;
  for (let t = 0; t < len; t++) {
    const tt = start + t;
    const x: StepInput = { t, hot: seq.inputIndex ? seq.inputIndex[tt] : DENSE, x: seq.inputs, tt };
    step(ws, params, x);
    o.set(params.c, t * K);
    gemvAdd(params.V, K, H, s, (t + 1) * H, o, t * K);
    let Lt: number;
    if (seq.targetIndex) {
      const hot = seq.targetIndex[tt];
      yOne[hot] = 1;
      Lt = outStep(o, t * K, yOne, 0, K, yhat, dL_do, t * K);
      yOne[hot] = 0;
    } else {
      Lt = outStep(o, t * K, seq.targets!, tt * K, K, yhat, dL_do, t * K);
    }
    losses[t] = Lt;
    total += Lt;
  }
  ws.stateLast.set(s.subarray(len * H, (len + 1) * H), 0);
  if (hasM) ws.stateLast.set(m.subarray(len * H, (len + 1) * H), H);
  return total;
}

/** Marks a dense input row (not an index) in StepInput.hot. */
const DENSE = -2;

/** Row t of the chunk (step tt of the sequence) and its input: the hot index, −1 for x_t = 0, or DENSE. */
interface StepInput {
  t: number;
  hot: number;
  x: Float64Array | undefined;
  tt: number;
}

/** b + W v + U x_t into row t of a, for the rows from..to of the stacked blocks. */
function preact(
  ws: GatedWorkspace,
  p: Params,
  { t, hot: xHot, x, tt }: StepInput,
  from: number,
  to: number,
  v: 's' | 'aux',
): void {
  const { H, D } = ws.dims;
  const G = ws.a.length / ws.maxT;
  const a = ws.a;
  const at = t * G;
  for (let r = from; r < to; r++) a[at + r] = p.b[r];
  if (ws.simd) addWv(ws.simd, t, from, to, v);
  else gemvAdd(p.W.subarray(from * H, to * H), to - from, H, ws[v], t * H, a, at + from);
  if (xHot >= 0) for (let r = from; r < to; r++) a[at + r] += p.U[r * D + xHot];
  else if (xHot === DENSE)
    gemvAdd(p.U.subarray(from * D, to * D), to - from, D, x!, tt * D, a, at + from);
}

/** m_t = f ⊙ m_{t-1} + i ⊙ g, s_t = q ⊙ tanh(m_t) (lstm.ts). */
function lstmStep(ws: GatedWorkspace, p: Params, x: StepInput): void {
  const H = ws.dims.H;
  const G = 4 * H;
  const t = x.t;
  preact(ws, p, x, 0, G, 's');
  const { a, g0: gi, g1: gf, g2: gg, g3: gq, aux: tm, s, m } = ws;
  for (let j = 0; j < H; j++) {
    const at = t * G + j;
    const k = t * H + j;
    const i = sigmoid(a[at]);
    const f = sigmoid(a[at + H]);
    const g = Math.tanh(a[at + 2 * H]);
    const q = sigmoid(a[at + 3 * H]);
    gi[k] = i;
    gf[k] = f;
    gg[k] = g;
    gq[k] = q;
    const mt = f * m[k] + i * g;
    m[k + H] = mt;
    const th = Math.tanh(mt);
    tm[k] = th;
    s[k + H] = q * th;
  }
}

/** The GRU of Cho et al. (gru.ts): n from r ⊙ s_{t-1}, s_t = z ⊙ s_{t-1} + (1 − z) ⊙ n. */
function gruStep(ws: GatedWorkspace, p: Params, x: StepInput): void {
  const H = ws.dims.H;
  const G = 3 * H;
  const t = x.t;
  const { a, g0: gr, g1: gz, g2: gn, aux: rs, s } = ws;
  preact(ws, p, x, 0, 2 * H, 's');
  for (let j = 0; j < H; j++) {
    const k = t * H + j;
    gr[k] = sigmoid(a[t * G + j]);
    gz[k] = sigmoid(a[t * G + H + j]);
    rs[k] = gr[k] * s[k];
  }
  preact(ws, p, x, 2 * H, G, 'aux');
  for (let j = 0; j < H; j++) {
    const k = t * H + j;
    const n = Math.tanh(a[t * G + 2 * H + j]);
    gn[k] = n;
    s[k + H] = gz[k] * s[k] + (1 - gz[k]) * n;
  }
}

/** ∂L/∂s_t, ∂L/∂m_t and ∂L/∂a_t for t = len..1, then ∂L/∂s_0 and ∂L/∂m_0 (lstm.ts). */
function lstmBackward(ws: GatedWorkspace, p: Params, len: number): void {
  const { H, K } = ws.dims;
  const G = 4 * H;
  const { g0: gi, g1: gf, g2: gg, g3: gq, aux: tm, m, dL_do, dL_da, dL_ds, dL_dm } = ws;
  const { next, dmf } = ws;
  next.fill(0);
  dmf.fill(0);
  for (let t = len - 1; t >= 0; t--) {
    const out = ws.tmp;
    out.fill(0);
    gemvTAdd(p.V, K, H, dL_do, t * K, out);
    for (let j = 0; j < H; j++) {
      const k = t * H + j;
      const ds = out[j] + next[j];
      dL_ds[k] = ds;
      const th = tm[k];
      const dm = ds * gq[k] * (1 - th * th) + dmf[j];
      dL_dm[k] = dm;
      const at = t * G + j;
      dL_da[at] = dm * gg[k] * gi[k] * (1 - gi[k]);
      dL_da[at + H] = dm * m[k] * gf[k] * (1 - gf[k]); // m[k] is m_{t-1}
      dL_da[at + 2 * H] = dm * gi[k] * (1 - gg[k] * gg[k]);
      dL_da[at + 3 * H] = ds * th * gq[k] * (1 - gq[k]);
      dmf[j] = dm * gf[k];
    }
    if (ws.simd) wTransposeDa(ws.simd, t, 0, G, 'next', false);
    else {
      next.fill(0);
      gemvTAdd(p.W, G, H, dL_da, t * G, next);
    }
  }
  ws.grads.s0.set(next);
  ws.grads.m0.set(dmf);
}

/** The GRU's four paths back to s_{t-1}: directly through z, and through a_z, a_n, a_r (gru.ts). */
function gruBackward(ws: GatedWorkspace, p: Params, len: number): void {
  const { H, K } = ws.dims;
  const G = 3 * H;
  const { g0: gr, g1: gz, g2: gn, s, dL_do, dL_da, dL_ds, next, tmp } = ws;
  const Wn = p.W.subarray(2 * H * H);
  next.fill(0);
  for (let t = len - 1; t >= 0; t--) {
    tmp.fill(0);
    gemvTAdd(p.V, K, H, dL_do, t * K, tmp);
    for (let j = 0; j < H; j++) {
      const k = t * H + j;
      const ds = tmp[j] + next[j];
      dL_ds[k] = ds;
      const z = gz[k];
      const n = gn[k];
      dL_da[t * G + 2 * H + j] = ds * (1 - z) * (1 - n * n);
      dL_da[t * G + H + j] = ds * (s[k] - n) * z * (1 - z); // s[k] is s_{t-1}
      next[j] = z * ds; // the direct path; the other three are added below
    }
    // ∂L/∂(r_t ⊙ s_{t-1}) = W_nᵀ ∂L/∂a_n, then through r_t (a_r) and straight to s_{t-1}.
    if (ws.simd) wTransposeDa(ws.simd, t, 2 * H, G, 'tmp', false);
    else {
      tmp.fill(0);
      gemvTAdd(Wn, H, H, dL_da, t * G + 2 * H, tmp);
    }
    for (let j = 0; j < H; j++) {
      const r = gr[t * H + j];
      dL_da[t * G + j] = tmp[j] * s[t * H + j] * r * (1 - r);
      next[j] += r * tmp[j];
    }
    // Through a_r and a_z: W_rᵀ ∂L/∂a_r + W_zᵀ ∂L/∂a_z.
    if (ws.simd) wTransposeDa(ws.simd, t, 0, 2 * H, 'next', true);
    else gemvTAdd(p.W, 2 * H, H, dL_da, t * G, next);
  }
  ws.grads.s0.set(next);
}

/** Σ_t of each step's terms: U, W, b by gate block (a GRU's n block multiplies r ⊙ s), V, c. */
function weightGrads(ws: GatedWorkspace, seq: TrainSequence, start: number, len: number): void {
  const { H, D, K } = ws.dims;
  const G = gateMultiplier(ws.cell) * H;
  const { grads, dL_da, dL_do, s } = ws;
  for (const g of ws.gradTensors) g.fill(0);
  sumRowsAdd(dL_da, len, G, grads.b);
  sumRowsAdd(dL_do, len, K, grads.c);
  outerAccum(grads.V, K, H, dL_do, len, s, H); // Σ ∂L/∂o_t s_tᵀ
  if (ws.simd) {
    // Σ ∂L/∂a_t s_{t-1}ᵀ; a GRU's n block pairs with r_t ⊙ s_{t-1} instead.
    const n = GATED_KERNELS[ws.cell].sRows(H);
    gradW(ws.simd, len, 0, n, 's');
    if (n < G) gradW(ws.simd, len, n, G, 'aux');
  } else if (GATED_KERNELS[ws.cell].sRows(H) === G) {
    outerAccum(grads.W, G, H, dL_da, len, s, 0); // Σ ∂L/∂a_t s_{t-1}ᵀ
  } else {
    // Rows of block n pair with r_t ⊙ s_{t-1}, the others with s_{t-1}: each block's rows of
    // ∂L/∂a_t are gathered into their own array first, so one outer-product kernel does each.
    const { rzRows, nRows } = ws;
    for (let t = 0; t < len; t++) {
      rzRows.set(dL_da.subarray(t * G, t * G + 2 * H), t * 2 * H);
      nRows.set(dL_da.subarray(t * G + 2 * H, (t + 1) * G), t * H);
    }
    outerAccum(grads.W.subarray(0, 2 * H * H), 2 * H, H, rzRows, len, s, 0);
    outerAccum(grads.W.subarray(2 * H * H), H, H, nRows, len, ws.aux, 0);
  }
  const gU = grads.U;
  if (seq.inputIndex) {
    for (let t = 0; t < len; t++) {
      const hot = seq.inputIndex[start + t];
      if (hot < 0) continue;
      for (let r = 0; r < G; r++) gU[r * D + hot] += dL_da[t * G + r];
    }
  } else {
    outerAccum(gU, G, D, dL_da, len, seq.inputs!, start * D); // Σ ∂L/∂a_t x_tᵀ
  }
}

function checkGated(
  ws: GatedWorkspace,
  p: Params,
  seq: TrainSequence,
  state: Float64Array,
  start: number,
  len: number,
): void {
  const { H, D, K } = ws.dims;
  if (p.cell !== ws.cell) throw new Error(`workspace is for a ${ws.cell}, params for ${cellOf(p)}`);
  if (p.H !== H || p.D !== D || p.K !== K)
    throw new Error(`workspace is for H=${H} D=${D} K=${K}, params are H=${p.H} D=${p.D} K=${p.K}`);
  if (seq.D !== D || seq.K !== K)
    throw new Error(`sequence has D=${seq.D} K=${seq.K}, params D=${D} K=${K}`);
  const n = stateSize(ws.cell, H);
  if (state.length !== n) throw new Error(`state: expected ${n} entries, got ${state.length}`);
  if (!(Number.isInteger(start) && Number.isInteger(len) && start >= 0 && len >= 0))
    throw new Error(`bad chunk ${start}, ${len}`);
  if (start + len > seq.T)
    throw new Error(`steps ${start}..${start + len - 1} are outside the sequence of ${seq.T}`);
  if (len > ws.maxT)
    throw new Error(`chunk of ${len} steps exceeds the workspace's maxT ${ws.maxT}`);
  if (seq.inputIndex) {
    for (let t = start; t < start + len; t++) {
      const i = seq.inputIndex[t];
      if (!(i < D && i >= -1)) throw new Error(`inputIndex[${t}] = ${i} is outside -1..${D - 1}`);
    }
  } else if (!(seq.inputs && seq.inputs.length >= seq.T * D))
    throw new Error('sequence needs inputs (T x D) or inputIndex');
  if (seq.targetIndex) {
    for (let t = start; t < start + len; t++) {
      const i = seq.targetIndex[t];
      if (!(i < K && i >= 0)) throw new Error(`targetIndex[${t}] = ${i} is outside 0..${K - 1}`);
    }
  } else if (!(seq.targets && seq.targets.length >= seq.T * K))
    throw new Error('sequence needs targets (T x K) or targetIndex');
}

/**
 * Each gated cell's own steps on the training path, keyed by the cell's name (a gated cell
 * without an entry does not compile): its forward step, its backward sweep, and how many rows
 * of W (from the top) pair with s_{t-1} in the weight gradient; the rest pair with r ⊙ s_{t-1}.
 */
const GATED_KERNELS: {
  readonly [C in GatedCell]: {
    step: (ws: GatedWorkspace, p: Params, x: StepInput) => void;
    backward: (ws: GatedWorkspace, p: Params, len: number) => void;
    sRows: (H: number) => number;
  };
} = {
  lstm: { step: lstmStep, backward: lstmBackward, sRows: (H) => 4 * H },
  gru: { step: gruStep, backward: gruBackward, sRows: (H) => 2 * H },
};
