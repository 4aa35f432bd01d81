import { cloneParams, paramShape } from './params';
import type { Rng } from './rng';
import { createRng } from './rng';
import { computeTrace } from './trace';
import type { Grads, ParamName, Scenario } from './types';
import { PARAM_NAMES } from './types';

/**
 * Numerical gradient check: compare the analytic gradients of BPTT with central differences
 *
 *     numeric = (L(θ + ε e_i) - L(θ - ε e_i)) / 2ε
 *
 * for every entry θ_i of U, W, V, b, c and s_0 (or a seeded sample of them). The error of one
 * entry is
 *
 *     relError = |analytic - numeric| / max(|analytic|, |numeric|, floor)
 *
 * a relative error for gradients of ordinary size that turns into an absolute error (scaled by
 * 1/floor) for gradients near 0, so that two tiny numbers that agree to the last bits of the
 * loss do not count as a mismatch. With ε = 1e-5 the difference quotient itself is only good
 * to roughly 1e-10 absolute (truncation ε²·L''' / 6 plus rounding 1e-16·L / ε), which is why
 * floor defaults to 1e-4: rounding noise in a gradient of 1e-9 should not look like a bug.
 * Errors well below 1e-6 mean the backward pass is right; a wrong sign or a missing term gives
 * errors of order 1.
 *
 * ReLU is not differentiable at 0: if some |a_t,i| is within about ε of 0, the difference
 * quotient straddles the kink and disagrees with the one-sided analytic value. The result
 * reports minAbsPreactivation so a caller can tell that case from a real mismatch.
 */

/** The tensors a gradient check walks: the five parameters and the initial state. */
export type GradCheckTarget = ParamName | 's0';
export const GRAD_CHECK_TARGETS: readonly GradCheckTarget[] = [...PARAM_NAMES, 's0'];

export interface GradCheckOptions {
  /** Step of the central difference; default 1e-5 with order 2, 1e-3 with order 4. */
  eps?: number;
  /**
   * Accuracy order of the difference quotient. 2 (default): the textbook
   * (L(θ+ε) - L(θ-ε)) / 2ε, error O(ε²). 4: the five-point stencil
   * (8 (L(θ+ε) - L(θ-ε)) - (L(θ+2ε) - L(θ-2ε))) / 12ε, error O(ε⁴), twice the forward passes
   * and a far more accurate reference (errors near 1e-12 rather than 1e-10).
   */
  order?: 2 | 4;
  /** Denominator floor of the relative error; default 1e-4 (see above). */
  floor?: number;
  /**
   * Check only this many entries, drawn without replacement with rng. Default: every entry.
   * A value at or above the number of entries checks them all.
   */
  samples?: number;
  /** Draws the sample; default createRng(0). Only used with samples. */
  rng?: Rng;
  /** The analytic gradients under test; default computeTrace(sc).grads. */
  gradsFn?: (sc: Scenario) => Grads;
  /** The loss L(θ) that the differences are taken of; default computeTrace(sc).loss. */
  lossFn?: (sc: Scenario) => number;
}

/** One checked entry: θ_i is entry (row, col) of `param`, index = row * cols + col. */
export interface GradCheckEntry {
  param: GradCheckTarget;
  index: number;
  row: number;
  col: number;
  analytic: number;
  numeric: number;
  relError: number;
}

export interface GradCheckResult {
  /** The largest relError over the checked entries. */
  maxRelError: number;
  /** The largest |analytic - numeric|. */
  maxAbsError: number;
  /** The entry with the largest relError (the first such, in GRAD_CHECK_TARGETS order). */
  worst: GradCheckEntry;
  /** How many entries were checked. */
  checked: number;
  /** The worst relError and the count per tensor (count 0 and error 0 if none was sampled). */
  byParam: Record<GradCheckTarget, { maxRelError: number; checked: number }>;
  /** The smallest |a_t,i| of the unperturbed forward pass: near 0, ReLU's kink spoils the check. */
  minAbsPreactivation: number;
  eps: number;
  order: 2 | 4;
  floor: number;
}

const defaultGrads = (sc: Scenario): Grads => computeTrace(sc).grads;
const defaultLoss = (sc: Scenario): number => computeTrace(sc).loss;

/** [rows, cols] of a checked tensor; s_0 is a column of H entries like b. */
function targetShape(name: GradCheckTarget, sc: Scenario): [number, number] {
  return name === 's0' ? [sc.params.H, 1] : paramShape(name, sc.params);
}

/** Compare the analytic gradients of a scenario with central differences of its loss. */
export function gradientCheck(sc: Scenario, opts: GradCheckOptions = {}): GradCheckResult {
  const order = opts.order ?? 2;
  if (order !== 2 && order !== 4) throw new RangeError(`order must be 2 or 4, got ${order}`);
  const eps = opts.eps ?? (order === 2 ? 1e-5 : 1e-3);
  const floor = opts.floor ?? 1e-4;
  if (!(eps > 0) || !Number.isFinite(eps)) throw new RangeError(`eps must be > 0, got ${eps}`);
  if (!(floor > 0) || !Number.isFinite(floor))
    throw new RangeError(`floor must be > 0, got ${floor}`);
  const gradsFn = opts.gradsFn ?? defaultGrads;
  const lossFn = opts.lossFn ?? defaultLoss;

  // Work on a copy so that the caller's arrays are never touched, even transiently.
  const work: Scenario = { ...sc, params: cloneParams(sc.params), s0: sc.s0.slice() };
  const tensor = (name: GradCheckTarget): Float64Array =>
    name === 's0' ? work.s0 : work.params[name];

  // Every entry as (tensor, flat index), in GRAD_CHECK_TARGETS order.
  const all: { param: GradCheckTarget; index: number }[] = [];
  for (const param of GRAD_CHECK_TARGETS) {
    const n = tensor(param).length;
    for (let index = 0; index < n; index++) all.push({ param, index });
  }
  let chosen = all;
  if (opts.samples !== undefined) {
    const m = opts.samples;
    if (!Number.isInteger(m) || m < 1)
      throw new RangeError(`samples must be a positive integer, got ${m}`);
    if (m < all.length) {
      // Partial Fisher–Yates: the first m slots become a uniform sample without replacement,
      // then sorted back into tensor order so the report reads naturally.
      const rng = opts.rng ?? createRng(0);
      const order = all.map((_, i) => i);
      for (let i = 0; i < m; i++) {
        const j = i + Math.floor(rng.next() * (order.length - i));
        [order[i], order[j]] = [order[j], order[i]];
      }
      chosen = order
        .slice(0, m)
        .sort((x, y) => x - y)
        .map((i) => all[i]);
    }
  }

  const analytic = gradsFn(work);
  const byParam = Object.fromEntries(
    GRAD_CHECK_TARGETS.map((name) => [name, { maxRelError: 0, checked: 0 }]),
  ) as GradCheckResult['byParam'];
  let worst: GradCheckEntry | null = null;
  let maxAbsError = 0;

  for (const { param, index } of chosen) {
    const t = tensor(param);
    const saved = t[index];
    const lossAt = (h: number) => {
      t[index] = saved + h;
      return lossFn(work);
    };
    const diff1 = lossAt(eps) - lossAt(-eps);
    const numeric =
      order === 2
        ? diff1 / (2 * eps)
        : (8 * diff1 - (lossAt(2 * eps) - lossAt(-2 * eps))) / (12 * eps);
    t[index] = saved; // restore exactly (saved + eps - eps need not round back to saved)
    const a = analytic[param][index];
    const absError = Math.abs(a - numeric);
    const relError = absError / Math.max(Math.abs(a), Math.abs(numeric), floor);
    const cols = targetShape(param, work)[1];
    const entry: GradCheckEntry = {
      param,
      index,
      row: Math.floor(index / cols),
      col: index % cols,
      analytic: a,
      numeric,
      // A NaN anywhere is a failure, never a pass.
      relError: Number.isNaN(relError) ? Infinity : relError,
    };
    if (worst === null || entry.relError > worst.relError) worst = entry;
    if (!(absError <= maxAbsError)) maxAbsError = Number.isNaN(absError) ? Infinity : absError;
    const bp = byParam[param];
    bp.checked++;
    if (entry.relError > bp.maxRelError) bp.maxRelError = entry.relError;
  }
  if (worst === null) throw new Error('gradientCheck: the scenario has no parameters');

  const tr = computeTrace(work);
  let minAbsPreactivation = Infinity;
  for (let i = 0; i < tr.a.length; i++)
    minAbsPreactivation = Math.min(minAbsPreactivation, Math.abs(tr.a[i]));

  return {
    maxRelError: worst.relError,
    maxAbsError,
    worst,
    checked: chosen.length,
    byParam,
    minAbsPreactivation,
    eps,
    order,
    floor,
  };
}
