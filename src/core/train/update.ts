import { applyClip, type ClipConfig } from '../clip';
import {
  adagradPass,
  applyUpdate,
  DEFAULT_EPS,
  type OptimizerConfig,
  type OptimizerState,
} from '../optimizers';

/**
 * The columns of a D-column tensor that can be nonzero (for dL/dU with one-hot inputs: the
 * characters of the chunk); the other entries are exactly 0 and are left out of the pass.
 */
export interface ColumnSubset {
  D: number;
  cols: Int32Array; // the first n entries are the columns, each once
  n: number;
}

/**
 * applyClip(grads, clip) then applyUpdate(optimizer, state, theta, grads), with the same
 * results, in one pass over the gradients where the rule allows it (Adagrad with no clipping or
 * element-wise clipping, min-char-rnn's loop): each entry is read once, squared into ‖g‖,
 * clipped (written back only when it changes) and applied. Entries that are 0 move nothing and
 * are skipped, and with `first` only its listed columns of the first tensor are visited. Returns
 * ‖g‖ before clipping. Allocates nothing.
 */
export function clipAndUpdate(
  optimizer: OptimizerConfig,
  state: OptimizerState,
  clip: ClipConfig,
  theta: readonly Float64Array[],
  grads: readonly Float64Array[],
  first?: ColumnSubset,
): number {
  const c = fusedClipBound(optimizer, state, clip, theta, grads);
  if (c === null) {
    const norm = applyClip(grads, clip);
    applyUpdate(optimizer, state, theta, grads);
    return norm;
  }
  const lr = optimizer.lr;
  const eps = optimizer.eps ?? DEFAULT_EPS;
  state.t += 1;
  let sumSq = 0;
  for (let p = 0; p < theta.length; p++)
    sumSq += adagradClip(
      lr,
      eps,
      c,
      state.second[p],
      theta[p],
      grads[p],
      p === 0 ? first : undefined,
    );
  return Math.sqrt(sumSq);
}

/**
 * clipAndUpdate's Adagrad pass over one tensor (lengths checked), entries i0, i0 + step, ...
 * below the end (all of them by default, or with `only` each listed column of a D-column
 * tensor): clip g[i] to [−c, c] in place, G += g², θ −= α g / (√G + ε), skipping g = 0, which
 * moves nothing. Returns Σ g² before clipping.
 */
export function adagradClip(
  lr: number,
  eps: number,
  c: number,
  G: Float64Array,
  th: Float64Array,
  g: Float64Array,
  only?: ColumnSubset,
): number {
  if (!(only && only.D > 0 && g.length % only.D === 0))
    return adagradPass(lr, eps, c, G, th, g, 0, 1);
  let sumSq = 0;
  for (let q = 0; q < only.n; q++) sumSq += adagradPass(lr, eps, c, G, th, g, only.cols[q], only.D);
  return sumSq;
}

/**
 * When clipAndUpdate can fuse (Adagrad, clipping none or by value, matching lengths): the clip
 * bound c (Infinity for none). Otherwise null.
 */
export function fusedClipBound(
  optimizer: OptimizerConfig,
  state: OptimizerState,
  clip: ClipConfig,
  theta: readonly Float64Array[],
  grads: readonly Float64Array[],
): number | null {
  if (
    optimizer.name !== 'adagrad' ||
    state.name !== 'adagrad' ||
    (clip.kind !== 'none' && clip.kind !== 'value') ||
    grads.length !== theta.length ||
    state.second.length !== theta.length
  )
    return null;
  for (let p = 0; p < theta.length; p++) {
    const n = theta[p].length;
    if (grads[p].length !== n || state.second[p].length !== n)
      throw new Error(`tensor length mismatch: θ has ${n}, ∇ has ${grads[p].length}`);
  }
  if (clip.kind === 'none') return Infinity;
  if (!(clip.value >= 0)) throw new Error(`clip value must be >= 0, got ${clip.value}`);
  return clip.value;
}
