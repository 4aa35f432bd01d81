import type { ClipConfig } from '../clip';
import { CELLS, ratesPerUnit } from '../model';
import { cloneOptimizerState, type OptimizerConfig, type OptimizerState } from '../optimizers';
import { initParams } from '../params';
import { DEFAULT_KERNELS, type Kernels } from '../train/kernelChoice';
import { createLabSession, labStateSize, type Evaluator, type LabSession } from './cellSession';
import { BLOWUP, chanceLoss } from './blowup';
import { checkLabChoices, type LabChoices } from './choices';
import type { Divergence } from './divergence';
import {
  allocSequence,
  evalSequences,
  makeTask,
  rngFor,
  STREAM,
  type LabTask,
  type TaskSequence,
} from './tasks';

// A training run of the lab as plain data: the choices, the task, the session (weights,
// optimizer memory, carried state, buffers), the counters, the curves and the last good
// weights. The modules beside it act on it: iterate.ts trains, evaluate.ts scores and samples,
// divergence.ts finds NaN and Infinity, snapshot.ts saves and loads it; run.ts puts them
// together behind the LabRun interface.

/** Characters of each text sample. */
export const SAMPLE_CHARS = 160;
/** Weight of the newest iteration in the smoothed loss (min-char-rnn uses 0.001 per 25 chars). */
export const SMOOTHING = 0.02;
/** Steps of the text scored for accuracy, from the start, from s_0 = 0. */
export const EVAL_TEXT_STEPS = 1000;

/**
 * The last good weights, which the recoveries go back to, are those at the start of the latest
 * iteration whose loss (computed with them) was finite and at most maxGrowth times the first
 * iteration's: while the loss runs away (1e100, still finite) they stay where they were, so a
 * recovery does not return to weights that are about to overflow.
 */
export const LAST_GOOD = { maxGrowth: BLOWUP.growth } as const;

export function clipConfigOf(c: Pick<LabChoices, 'clip' | 'clipAt'>): ClipConfig {
  switch (c.clip) {
    case 'off':
      return { kind: 'none' };
    case 'value':
      return { kind: 'value', value: c.clipAt };
    case 'norm':
      return { kind: 'norm', maxNorm: c.clipAt };
  }
}

export const optimizerConfigOf = (c: Pick<LabChoices, 'opt' | 'lr'>): OptimizerConfig => ({
  name: c.opt,
  lr: c.lr,
});

/** A growable Float64Array. */
export class Series {
  buf = new Float64Array(256);
  n = 0;
  push(v: number) {
    if (this.n === this.buf.length) {
      const b = new Float64Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.n++] = v;
  }
  view() {
    return this.buf.slice(0, this.n);
  }
  load(a: Float64Array) {
    this.buf = new Float64Array(Math.max(256, a.length));
    this.buf.set(a);
    this.n = a.length;
  }
}

/** Weights, optimizer memory, state and counters at the start of an iteration, in buffers of
 *  their own: the last good ones, or the candidate to become them. */
export interface SavedWeights {
  tensors: Float64Array[];
  opt: OptimizerState;
  hidden: Float64Array;
  textPos: number;
  gradNorm: number;
  iteration: number;
  smoothLoss: number;
  loss: number;
}

/** The run, all of it plain data (everything but the buffers is in its snapshot). */
export interface RunState {
  /** The choices now (setOptions changes the live ones). */
  readonly c: LabChoices;
  readonly task: LabTask;
  readonly kernels: Kernels;
  readonly session: LabSession;
  /** Entries of the carried state: s, and an LSTM's cell state m. */
  readonly stateSize: number;
  /** The training sequence, refilled each iteration (null for the text task). */
  readonly trainSeq: TaskSequence | null;
  /** The held-out set (empty for the text task, which scores its first steps). */
  readonly heldOut: TaskSequence[];
  /** The loss per scored step of a blind guess, a yardstick of a finite blow-up (blowup.ts). */
  readonly chance: number;
  /** Forward passes for evaluation, made on first use. */
  evaluator: Evaluator | null;
  iteration: number;
  /** Where the next iteration starts in the text. */
  textPos: number;
  lastLoss: number;
  smoothLoss: number;
  divergence: Divergence | null;
  /** ‖g‖ of the last update after clipping. */
  clippedGradNorm: number;
  readonly curves: {
    smoothLoss: Series;
    gradNorm: Series;
    accuracyIteration: Series;
    accuracy: Series;
  };
  /** The weights at the start of the current iteration: they become the last good ones once
   *  the loss they give is known to be sane (LAST_GOOD). The two swap; nothing copies. */
  candidate: SavedWeights;
  good: SavedWeights;
  /** The first iteration's loss (the yardstick of LAST_GOOD). */
  firstLoss: number;
  /** ‖g‖ before clipping of the update before the current iteration. */
  gradNormBefore: number;
}

/** The weights, optimizer memory and state of the session now, in new buffers. */
export const saveWeights = (session: LabSession): SavedWeights => ({
  tensors: session.tensors.map((x) => x.slice()),
  opt: cloneOptimizerState(session.optState),
  hidden: session.h.slice(),
  textPos: 0,
  gradNorm: NaN,
  iteration: 0,
  smoothLoss: NaN,
  loss: NaN,
});

/** A new run: weights from the seed, nothing trained. */
export function createRunState(choices: LabChoices, kernels: Kernels = DEFAULT_KERNELS): RunState {
  const c: LabChoices = { ...checkLabChoices(choices) };
  const task = makeTask(c);
  const dims = {
    H: c.hidden,
    D: task.D,
    K: task.K,
    cell: c.cell,
    ...(CELLS[c.cell].keep ? { keep: ratesPerUnit(c.keep, c.hidden) } : {}),
  };
  const session = createLabSession(
    initParams(dims, rngFor(c.seed, STREAM.init, 0)),
    c.act,
    task.loss,
    optimizerConfigOf(c),
    clipConfigOf(c),
    Math.min(c.tbptt, task.T),
    kernels,
  );
  const heldOut = task.textSeq ? [] : evalSequences(task, c.seed);
  return {
    c,
    task,
    kernels,
    session,
    stateSize: labStateSize(session.model.params),
    trainSeq: task.textSeq ? null : allocSequence(task),
    heldOut,
    chance: chanceLoss(
      task.loss,
      task.K,
      heldOut.flatMap((q) => (q.targets ? [q.targets] : [])),
    ),
    evaluator: null,
    iteration: 0,
    textPos: 0,
    lastLoss: NaN,
    smoothLoss: NaN,
    divergence: null,
    clippedGradNorm: NaN,
    curves: {
      smoothLoss: new Series(),
      gradNorm: new Series(),
      accuracyIteration: new Series(),
      accuracy: new Series(),
    },
    candidate: saveWeights(session),
    good: saveWeights(session),
    firstLoss: NaN,
    gradNormBefore: NaN,
  };
}
