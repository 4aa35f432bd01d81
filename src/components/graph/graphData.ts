import { argmax, visibleSymbol as glyph } from '../../core/symbols';
import { cellOf, type CellName, type NotationName } from '../../core/model';
import type { ExploreResult } from '../../core/explore';
import type { Trace } from '../../core/types';
import { maxAbs, probScaleFor, valueScale, type ScaleTheme } from '../encoding';

// What the graph derives from one trace, once per trace (never per cursor move): colour scales
// with symmetric domains, the predicted / target / input symbol of every step, the sizes of the
// two gradient terms that flow into each state, and the running sum of the losses.

export type ColorScale = (v: number) => string;

export interface GraphData {
  trace: Trace;
  T: number;
  H: number;
  K: number;
  D: number;
  inputs: Float64Array; // T x D
  targets: Float64Array; // T x K
  labels: string[] | null;
  /** How symbols are named (s_t or h_t, U or W_xh): core/model.ts's NOTATIONS. */
  notation: NotationName;
  crossEntropy: boolean;
  scales: {
    x: ColorScale;
    s: ColorScale; // s_t and s_0 (a_t shares its domain in the tooltip only)
    o: ColorScale;
    loss: ColorScale;
    grad: ColorScale; // ∂L/∂a_t, ∂L/∂s_0 (a gated cell: ∂L/∂s_t, ∂L/∂m_t)
    prob: ColorScale; // ŷ_t, and the σ gates (0 to 1)
    m: ColorScale; // an LSTM's cell state m_t
    unit: ColorScale; // the tanh gates (g, n), on −1 … 1
  };
  /** The cell; a gated one shows ∂L/∂s_t beside s_t (its a_t is the stacked gates). */
  cell: CellName;
  /** |∂L/∂m_{t+1} ⊙ f_{t+1}| at index t (t = 1..T-1), |∂L/∂m_0| at 0: the LSTM's highway. */
  cellNorm: Float64Array;
  /** argmax of ŷ_t, of y_t, and of x_t when x_t is one-hot (else -1); index t - 1. */
  pred: Int32Array;
  target: Int32Array;
  input: Int32Array;
  /** |V^T ∂L/∂o_t| at index t (t = 1..T; index 0 unused). */
  outNorm: Float64Array;
  /** |W^T ∂L/∂a_{t+1}| at index t (t = 0..T-1; index 0 is |∂L/∂s_0|; index T is 0). */
  futNorm: Float64Array;
  /** The largest of all those norms: arrows are scaled against it. */
  gradMax: number;
  /** cumLoss[t] = L_1 + … + L_t (cumLoss[0] = 0). */
  cumLoss: Float64Array;
  maxLoss: number;
}

function oneHotIndex(v: ArrayLike<number>, off: number, n: number): number {
  let idx = -1;
  for (let i = 0; i < n; i++) {
    const x = v[off + i];
    if (x === 1 && idx === -1) idx = i;
    else if (x !== 0) return -1;
  }
  return idx;
}

export function norm(v: ArrayLike<number>, off: number, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += v[off + i] * v[off + i];
  return Math.sqrt(s);
}

export function graphData(
  result: ExploreResult,
  theme: ScaleTheme = 'light',
  notation: NotationName = 'uvw',
): GraphData {
  const { trace, scenario, labels } = result;
  const { T, H, K, D } = trace;
  const { inputs, targets } = scenario.seq;
  const pred = new Int32Array(T);
  const target = new Int32Array(T);
  const input = new Int32Array(T);
  const outNorm = new Float64Array(T + 1);
  const futNorm = new Float64Array(T + 1);
  const cumLoss = new Float64Array(T + 1);
  for (let t = 1; t <= T; t++) {
    pred[t - 1] = argmax(trace.yhat, (t - 1) * K, K);
    target[t - 1] = argmax(targets, (t - 1) * K, K);
    input[t - 1] = oneHotIndex(inputs, (t - 1) * D, D);
    outNorm[t] = norm(trace.dL_ds_out, (t - 1) * H, H);
    // Leaky units send the future back two ways; the W path is this arrow, the kept one its own.
    if (t < T) futNorm[t] = norm(trace.leaky?.dL_ds_next_W ?? trace.dL_ds_next, (t - 1) * H, H);
    cumLoss[t] = cumLoss[t - 1] + trace.losses[t - 1];
  }
  futNorm[0] = norm(trace.grads.s0, 0, H);
  const g = trace.gated;
  const cellNorm = new Float64Array(T + 1);
  if (g?.cell === 'lstm') {
    for (let t = 1; t < T; t++) cellNorm[t] = norm(g.dL_dm_from_next, (t - 1) * H, H);
    cellNorm[0] = norm(trace.grads.m0 ?? new Float64Array(H), 0, H);
  }
  const lk = trace.leaky;
  if (lk && T > 0) {
    // The kept share's arrow into s_t: κ ⊙ ∂L/∂s_{t+1}; into s_0, κ ⊙ ∂L/∂s_1, and the W arrow
    // the rest of ∂L/∂s_0.
    for (let t = 1; t < T; t++) cellNorm[t] = norm(lk.dL_ds_next_kept, (t - 1) * H, H);
    const kept0 = lk.keep.map((k, i) => k * trace.dL_ds[i]);
    cellNorm[0] = norm(kept0, 0, H);
    futNorm[0] = norm(
      trace.grads.s0.map((g0, i) => g0 - kept0[i]),
      0,
      H,
    );
  }
  let gradMax = 0;
  for (let t = 0; t <= T; t++) gradMax = Math.max(gradMax, outNorm[t], futNorm[t], cellNorm[t]);
  // A gated cell's side strips show ∂L/∂s_t and ∂L/∂m_t; the vanilla one's ∂L/∂a_t.
  const gradMaxAbs = g
    ? Math.max(
        maxAbs(trace.dL_ds),
        maxAbs(trace.grads.s0),
        g.cell === 'lstm' ? Math.max(maxAbs(g.dL_dm), maxAbs(trace.grads.m0!)) : 0,
      )
    : Math.max(maxAbs(trace.dL_da), maxAbs(trace.grads.s0));
  const maxLoss = maxAbs(trace.losses);
  return {
    trace,
    T,
    H,
    K,
    D,
    inputs,
    targets,
    labels,
    notation,
    crossEntropy: trace.lossName === 'cross-entropy',
    scales: {
      x: valueScale(maxAbs(inputs), theme),
      s: valueScale(Math.max(maxAbs(trace.s), maxAbs(trace.s0)), theme),
      o: valueScale(maxAbs(trace.o), theme),
      loss: valueScale(maxLoss, theme),
      grad: valueScale(gradMaxAbs, theme),
      prob: probScaleFor(theme),
      m: valueScale(g?.cell === 'lstm' ? Math.max(maxAbs(g.m), maxAbs(g.m0)) : 1, theme),
      unit: valueScale(1, theme),
    },
    cell: cellOf(trace),
    cellNorm,
    pred,
    target,
    input,
    outNorm,
    futNorm,
    gradMax,
    cumLoss,
    maxLoss,
  };
}

/**
 * A symbol as it can be read on screen: space, newline and tab get visible stand-ins; without
 * a vocabulary, the unit's number counted from 1 (as the heatmaps and equations count).
 */
export function visibleSymbol(labels: string[] | null, i: number): string {
  if (i < 0) return '';
  if (!labels) return String(i + 1);
  return glyph(labels[i] ?? String(i + 1));
}

/** Arrow width and opacity for a gradient of size n against the largest one. */
export function gradStroke(n: number, max: number): { width: number; opacity: number } {
  const r = max > 0 && Number.isFinite(n) ? Math.min(1, n / max) : 0;
  // Square root: small gradients stay visible, the vanishing ones still look thin.
  const q = Math.sqrt(r);
  return { width: 1.25 + 5 * q, opacity: 0.35 + 0.65 * q };
}

/**
 * The loss known at a cursor, as the running-loss bar and the loss nodes' tooltips both say it:
 * in the forward pass at fK the sum L_1 + … + L_K computed so far, from the backward pass on
 * the whole L. `steps` is how many L_t it sums; `range` says which, in words.
 */
export function knownLoss(
  cumLoss: Float64Array,
  phase: 'init' | 'forward' | 'backward' | 'update',
  stepT: number,
  T: number,
): { value: number; steps: number; range: string } {
  const steps = phase === 'init' ? 0 : phase === 'forward' ? stepT : T;
  const range =
    steps === 0
      ? 'no step computed yet'
      : steps === T && phase !== 'forward'
        ? `all ${T} steps`
        : steps === 1
          ? 't = 1'
          : `t = 1…${steps}`;
  return { value: cumLoss[steps], steps, range };
}
