import type { ParamName } from '../model';
import type { BlowupCause, FiniteBlowup } from './blowup';
import type { ClipName, LabChoices } from './choices';

// Divergence detection for the lab's run: after each update, the first quantity that went
// NaN or ±Infinity, and one plain sentence about it (or about a finite blow-up of the loss,
// which blowup.ts detects after each iteration). Pure: it reads numbers and arrays, keeps
// nothing.

/** What went non-finite, in the order the run checks after each update. */
export type DivergedQuantity = 'loss' | 'gradient' | 'weights' | 'hidden state';

/** Training met NaN or ±Infinity: what, where and when, for the UI to explain. */
export interface Divergence {
  /** The iteration that went wrong (1 = the first); the last good weights are from before it. */
  iteration: number;
  quantity: DivergedQuantity;
  /** For weights: which tensor and which entry went first. */
  param?: ParamName;
  index?: number;
  /** The value found: NaN, Infinity or −Infinity. */
  value: number;
  /** ‖g‖ before clipping at the update that went wrong (may itself be NaN or Infinity). */
  gradNorm: number;
  /** ‖g‖ before clipping of the update just before (NaN if there was none). */
  gradNormBefore: number;
  /** Iterations done when the kept last good weights were saved (see LAST_GOOD). */
  lastGoodIteration: number;
  /** The settings it happened with. */
  lr: number;
  clip: ClipName;
  clipAt: number;
  /** The optimizer and the truncation length in use. */
  opt?: LabChoices['opt'];
  tbptt?: number;
  /** What most likely caused it, from the ‖g‖ history and the truncation (blowup.ts). */
  cause?: BlowupCause;
  /** Set when nothing went non-finite but the loss blew up (quantity 'loss', value finite):
   * how far, and at how many of the T steps the last loss's gradient is exactly 0. */
  finite?: FiniteBlowup & { zeroGradSteps: number; steps: number };
  /** One plain sentence. */
  message: string;
}

/** What the run looks at after an update. */
export interface AfterUpdate {
  /** The chunk's loss. */
  loss: number;
  /** ‖g‖ before clipping of this update. */
  gradNorm: number;
  /** The weights after it, by name, in the order they are checked. */
  params: Readonly<Record<ParamName, Float64Array>>;
  paramNames: readonly ParamName[];
  /** The carried state after it. */
  hidden: Float64Array;
}

/** What the report says besides the finding: the update before, the last good, the settings. */
export type DivergenceContext = Pick<
  Divergence,
  'gradNormBefore' | 'lastGoodIteration' | 'lr' | 'clip' | 'clipAt' | 'opt' | 'tbptt' | 'cause'
>;

/** What went wrong and its value (for weights: which tensor and entry; for a loss that blew up
 *  while finite, how far). */
export type DivergenceFinding = Pick<
  Divergence,
  'quantity' | 'param' | 'index' | 'value' | 'finite'
>;

/** Index of the first NaN or ±Infinity in x, or −1. */
export function firstNonFinite(x: Float64Array): number {
  // x − x is 0 for a finite x and NaN otherwise: one branch-free pass for the common case.
  let s0 = 0;
  let s1 = 0;
  const n = x.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    s0 += x[i] - x[i];
    s1 += x[i + 1] - x[i + 1];
  }
  if (i < n) s0 += x[i] - x[i];
  if (s0 + s1 === 0) return -1;
  for (let j = 0; j < n; j++) if (!Number.isFinite(x[j])) return j;
  return -1;
}

/**
 * The first non-finite quantity after an update (loss, gradient, weights by name, state), or
 * null. Allocates nothing when all is finite (it runs after every update).
 */
export function findDivergence(u: AfterUpdate): DivergenceFinding | null {
  if (!Number.isFinite(u.loss)) return { quantity: 'loss', value: u.loss };
  if (!Number.isFinite(u.gradNorm)) return { quantity: 'gradient', value: u.gradNorm };
  for (const name of u.paramNames) {
    const i = firstNonFinite(u.params[name]);
    if (i >= 0) return { quantity: 'weights', param: name, index: i, value: u.params[name][i] };
  }
  const i = firstNonFinite(u.hidden);
  if (i >= 0) return { quantity: 'hidden state', value: u.hidden[i] };
  return null;
}

/** The finding dated (1 = the first iteration), with the update's ‖g‖, the context and the
 *  sentence. */
export function divergenceAt(
  iteration: number,
  f: DivergenceFinding,
  gradNorm: number,
  ctx: DivergenceContext,
): Divergence {
  const d = { ...f, gradNorm, ...ctx, iteration };
  return { ...d, message: describeDivergence(d) };
}

/** One plain sentence: when, what, the value, the settings, and the gradient norm before. */
export function describeDivergence(d: Omit<Divergence, 'message'>): string {
  const what =
    d.quantity === 'weights' ? `the weights ${d.param} (entry ${d.index})` : `the ${d.quantity}`;
  const clip =
    d.clip === 'off'
      ? 'no clipping'
      : `clipping ${d.clip === 'value' ? 'by value' : 'by global norm'} at ${d.clipAt}`;
  const before = Number.isFinite(d.gradNormBefore)
    ? `; the gradient norm just before was ${d.gradNormBefore.toPrecision(3)}`
    : '';
  if (d.finite)
    return `At iteration ${d.iteration}, the loss per step reached ${d.value.toPrecision(3)}, ${d.finite.growth.toPrecision(3)} times its yardstick ${d.finite.reference.toPrecision(3)} (learning rate ${d.lr}, ${clip})${before}.`;
  return `At iteration ${d.iteration}, ${what} became ${d.value} (learning rate ${d.lr}, ${clip})${before}.`;
}
