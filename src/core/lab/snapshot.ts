import { PARAM_NAMES, type ParamName } from '../model';
import { cloneOptimizerState, type OptimizerState } from '../optimizers';
import { migrateLabChoices, type LabChoices } from './choices';
import type { Divergence } from './divergence';
import type { RunState } from './runState';

// Saving and loading a run: the last good weights (copied into the run's own buffers at the
// start of each iteration, and back for a recovery) and the snapshot of the whole run as plain
// data (structured-clone and IndexedDB friendly), which restores it bit for bit.

/** The optimizer's memory as plain arrays. */
export interface OptimizerSnapshot {
  name: OptimizerState['name'];
  t: number;
  first: Float64Array[];
  second: Float64Array[];
}

/** Weights, optimizer memory and hidden state: what a recovery goes back to. */
export interface WeightsSnapshot {
  params: Record<ParamName, Float64Array>;
  optimizer: OptimizerSnapshot;
  /** The carried state: s, then an LSTM's cell state m. */
  hidden: Float64Array;
}

/** The curves, one entry per iteration (accuracy: one per evaluation). */
export interface LabCurves {
  smoothLoss: Float64Array;
  gradNorm: Float64Array;
  accuracyIteration: Float64Array;
  accuracy: Float64Array;
}

/**
 * The whole run as plain data (structured-clone and IndexedDB friendly). Random draws come
 * from rngFor(seed, stream, iteration), so the iteration is the whole rng state.
 */
export interface LabSnapshot {
  choices: LabChoices;
  iteration: number;
  updates: number;
  loss: number;
  smoothLoss: number;
  gradNorm: number;
  clippedGradNorm: number;
  textPos: number;
  current: WeightsSnapshot;
  lastGood: WeightsSnapshot;
  /** Where the last good weights are from. */
  lastGoodState: {
    iteration: number;
    textPos: number;
    gradNorm: number;
    smoothLoss: number;
    loss: number;
  };
  /** The first iteration's loss (the yardstick of LAST_GOOD) and the last ‖g‖ before the current iteration. */
  firstLoss: number;
  gradNormBefore: number;
  divergence: Divergence | null;
  curves: LabCurves;
}

export function copyOptimizer(from: OptimizerState, to: OptimizerState): void {
  to.t = from.t;
  for (let p = 0; p < from.first.length; p++) to.first[p].set(from.first[p]);
  for (let p = 0; p < from.second.length; p++) to.second[p].set(from.second[p]);
}

/** The session now, into the candidate's buffers (the start of an iteration). */
export function saveCandidate(st: RunState): void {
  const { session } = st;
  const k = st.candidate;
  for (let p = 0; p < k.tensors.length; p++) k.tensors[p].set(session.tensors[p]);
  copyOptimizer(session.optState, k.opt);
  k.hidden.set(session.h);
  k.textPos = st.textPos;
  k.gradNorm = session.lastGradNorm;
  k.iteration = st.iteration;
  k.smoothLoss = st.smoothLoss;
  k.loss = st.lastLoss;
}

/** Back to the last good weights, optimizer memory, state and counters. */
export function loadGood(st: RunState): void {
  const { session, good } = st;
  for (let p = 0; p < good.tensors.length; p++) session.tensors[p].set(good.tensors[p]);
  copyOptimizer(good.opt, session.optState);
  session.h.set(good.hidden);
  st.textPos = good.textPos;
  session.lastGradNorm = good.gradNorm;
  st.smoothLoss = good.smoothLoss;
  st.lastLoss = good.loss;
}

function weightsOf(
  tensors: Float64Array[],
  opt: OptimizerState,
  hidden: Float64Array,
): WeightsSnapshot {
  return {
    params: Object.fromEntries(PARAM_NAMES.map((n, p) => [n, tensors[p].slice()])) as Record<
      ParamName,
      Float64Array
    >,
    optimizer: cloneOptimizerState(opt),
    hidden: hidden.slice(),
  };
}

function loadWeights(
  w: WeightsSnapshot,
  tensors: Float64Array[],
  opt: OptimizerState,
  hidden: Float64Array,
): void {
  PARAM_NAMES.forEach((n, p) => {
    if (w.params[n].length !== tensors[p].length)
      throw new Error(`snapshot: ${n} has another size`);
    tensors[p].set(w.params[n]);
  });
  if (w.optimizer.name !== opt.name) throw new Error('snapshot: another optimizer');
  copyOptimizer(w.optimizer, opt);
  hidden.set(w.hidden);
}

export const curvesOf = (st: RunState): LabCurves => ({
  smoothLoss: st.curves.smoothLoss.view(),
  gradNorm: st.curves.gradNorm.view(),
  accuracyIteration: st.curves.accuracyIteration.view(),
  accuracy: st.curves.accuracy.view(),
});

export function takeSnapshot(st: RunState): LabSnapshot {
  const { session, good } = st;
  return {
    choices: { ...st.c },
    iteration: st.iteration,
    updates: session.steps,
    loss: st.lastLoss,
    smoothLoss: st.smoothLoss,
    gradNorm: session.lastGradNorm,
    clippedGradNorm: st.clippedGradNorm,
    textPos: st.textPos,
    current: weightsOf(session.tensors, session.optState, session.h),
    lastGood: weightsOf(good.tensors, good.opt, good.hidden),
    lastGoodState: {
      iteration: good.iteration,
      textPos: good.textPos,
      gradNorm: good.gradNorm,
      smoothLoss: good.smoothLoss,
      loss: good.loss,
    },
    firstLoss: st.firstLoss,
    gradNormBefore: st.gradNormBefore,
    divergence: st.divergence ? { ...st.divergence } : null,
    curves: curvesOf(st),
  };
}

/** The choices a snapshot was saved with, as today's (older runs: migrateLabChoices). */
export const snapshotChoices = (s: LabSnapshot): LabChoices => migrateLabChoices(s.choices);

/** Refuses a snapshot of another task, size or seed than the run's choices. */
export function checkSnapshotFits(c: LabChoices, s: LabSnapshot): void {
  const sc = snapshotChoices(s);
  if (
    sc.task !== c.task ||
    sc.cell !== c.cell ||
    String(sc.keep) !== String(c.keep) ||
    sc.hidden !== c.hidden ||
    sc.act !== c.act ||
    sc.text !== c.text ||
    sc.seqLen !== c.seqLen ||
    sc.delay !== c.delay ||
    sc.seed !== c.seed
  )
    throw new Error('snapshot of another task, size or seed: make a new run with restoreLabRun');
}

/** The weights, counters and curves of a snapshot into the run (its live options already set). */
export function loadSnapshot(st: RunState, s: LabSnapshot): void {
  const { session, good } = st;
  loadWeights(s.current, session.tensors, session.optState, session.h);
  loadWeights(s.lastGood, good.tensors, good.opt, good.hidden);
  Object.assign(good, s.lastGoodState);
  st.firstLoss = s.firstLoss;
  st.gradNormBefore = s.gradNormBefore;
  st.iteration = s.iteration;
  session.steps = s.updates;
  st.lastLoss = s.loss;
  st.smoothLoss = s.smoothLoss;
  session.lastGradNorm = s.gradNorm;
  st.clippedGradNorm = s.clippedGradNorm;
  st.textPos = s.textPos;
  st.divergence = s.divergence ? { ...s.divergence } : null;
  st.curves.smoothLoss.load(s.curves.smoothLoss);
  st.curves.gradNorm.load(s.curves.gradNorm);
  st.curves.accuracyIteration.load(s.curves.accuracyIteration);
  st.curves.accuracy.load(s.curves.accuracy);
}
