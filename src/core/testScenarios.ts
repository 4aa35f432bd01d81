// Random scenarios for the core's tests (trace, gradient check, training path): the same data
// as a core Scenario (dense, for computeTrace) and as a TrainSequence (one-hot rows given as
// indices when they are one-hot).
import { initParams } from './params';
import { createRng, type Rng } from './rng';
import { CELLS, type CellName } from './model';
import type { ActivationName, LossName, Scenario } from './types';
import type { TrainSequence } from './train/workspace';

export interface RandomCase {
  scenario: Scenario;
  /** The same sequence for the fast path, with indices for one-hot inputs and targets. */
  fast: TrainSequence;
}

function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

export interface CaseOptions {
  /** Fixed sizes; otherwise each is drawn from 1 to its max (defaults 10, 7, 7, 9). */
  H?: number;
  D?: number;
  K?: number;
  T?: number;
  maxH?: number;
  maxD?: number;
  maxK?: number;
  maxT?: number;
  /** The cell (default: the vanilla one); an LSTM also gets a random m_0, leaky units random keep rates. */
  cell?: CellName;
  /** Cross-entropy targets: one-hot or soft (default: one-hot for even seeds, soft otherwise). */
  oneHotTargets?: boolean;
}

/** A random case from a seed, or drawn from an rng that the caller keeps drawing from. */
export function randomCase(
  seedOrRng: number | Rng,
  act: ActivationName,
  loss: LossName,
  oneHotInputs: boolean,
  opts: CaseOptions = {},
): RandomCase {
  const rng = typeof seedOrRng === 'number' ? createRng(seedOrRng) : seedOrRng;
  const H = opts.H ?? int(rng, 1, opts.maxH ?? 10);
  const D = opts.D ?? int(rng, 1, opts.maxD ?? 7);
  const K = opts.K ?? int(rng, 1, opts.maxK ?? 7);
  const T = opts.T ?? int(rng, 1, opts.maxT ?? 9);
  const params = initParams({ H, D, K, cell: opts.cell }, rng, 1.5);
  for (let i = 0; i < params.b.length; i++) params.b[i] = 0.3 * rng.normal();
  for (let k = 0; k < K; k++) params.c[k] = 0.3 * rng.normal();
  // Leaky units: a keep rate per unit anywhere in [0, 0.95), so some keep much and some little.
  if (params.keep) for (let i = 0; i < H; i++) params.keep[i] = 0.95 * rng.next();
  const s0 = new Float64Array(H);
  for (let i = 0; i < H; i++)
    s0[i] = act === 'tanh' ? Math.tanh(rng.normal()) : Math.abs(rng.normal()) * 0.5;

  const inputs = new Float64Array(T * D);
  const inputIndex = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    if (oneHotInputs) {
      // Now and then an all-zero input row (index -1).
      const hot = rng.next() < 0.15 ? -1 : int(rng, 0, D - 1);
      inputIndex[t] = hot;
      if (hot >= 0) inputs[t * D + hot] = 1;
    } else {
      for (let d = 0; d < D; d++) inputs[t * D + d] = rng.normal();
    }
  }

  // Cross-entropy: one-hot targets, given as indices, in half the cases; soft ones otherwise.
  const oneHotTargets =
    loss === 'cross-entropy' &&
    (opts.oneHotTargets ?? (typeof seedOrRng === 'number' && seedOrRng % 2 === 0));
  const targets = new Float64Array(T * K);
  const targetIndex = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    if (oneHotTargets) {
      const hot = int(rng, 0, K - 1);
      targetIndex[t] = hot;
      targets[t * K + hot] = 1;
    } else if (loss === 'cross-entropy') {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += targets[t * K + k] = rng.next();
      for (let k = 0; k < K; k++) targets[t * K + k] /= sum;
    } else {
      for (let k = 0; k < K; k++) targets[t * K + k] = rng.normal();
    }
  }

  const fast: TrainSequence = { T, D, K };
  if (oneHotInputs) fast.inputIndex = inputIndex;
  else fast.inputs = inputs;
  if (oneHotTargets) fast.targetIndex = targetIndex;
  else fast.targets = targets;
  const m0 =
    opts.cell && CELLS[opts.cell].cellState
      ? Float64Array.from({ length: H }, () => rng.normal())
      : null;
  return {
    scenario: {
      activation: act,
      loss,
      params,
      s0,
      ...(m0 ? { m0 } : {}),
      seq: { T, D, K, inputs, targets },
    },
    fast,
  };
}

/** Largest |x_i − y_i| / |y_i| (with |y_i| floored at tiny so exact zeros compare). */
export function maxRelErr(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const e = Math.abs(x[i] - y[i]) / Math.max(Math.abs(y[i]), 1e-300);
    if (Number.isNaN(e)) return Infinity;
    if (e > worst) worst = e;
  }
  return worst;
}
