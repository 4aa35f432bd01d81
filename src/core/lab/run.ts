import { CELLS, cellWithArticle } from '../model';
import { cloneOptimizerState, createOptimizerState } from '../optimizers';
import type { TrainSequence } from '../train';
import { DEFAULT_KERNELS, type Kernels } from '../train/kernelChoice';
import type { Params } from '../types';
import { labGradientFlow } from './cellSession';
import { checkGradients, type GradientCheckSummary } from './checkGradients';
import { checkLabChoices, LAB_CHOICES, type LabChoices } from './choices';
import type { Divergence } from './divergence';
import { firstSequence, progressOf, type LabProgress, type StepOptions } from './evaluate';
import type { GradientFlow } from './gradientFlow';
import { train } from './iterate';
import { clipConfigOf, createRunState, optimizerConfigOf, type RunState } from './runState';
import {
  checkSnapshotFits,
  curvesOf,
  loadGood,
  loadSnapshot,
  snapshotChoices,
  takeSnapshot,
  type LabCurves,
  type LabSnapshot,
} from './snapshot';
import { rescaleToSpectralRadius, spectralReport, type SpectralReport } from './spectral';
import { rngFor, STREAM, type LabTask } from './tasks';

// A training run of the lab: pure, no timers. The worker calls step(n) as often as it likes and
// posts the progress; everything it needs to keep or to send is plain numbers and typed arrays.
// The run is plain data (runState.ts) and the modules that act on it: iterate.ts (training),
// evaluate.ts (scores, samples, progress), divergence.ts (NaN and Infinity), snapshot.ts (last
// good weights, snapshots). This file puts them together behind one small interface.

export * from './runState';
export * from './divergence';
export * from './evaluate';
export * from './snapshot';

/** The choices that apply to a running session without a restart. */
export const LIVE_OPTIONS = ['lr', 'clip', 'clipAt', 'tbptt', 'temperature', 'opt'] as const;
export type LiveOptions = Partial<Pick<LabChoices, (typeof LIVE_OPTIONS)[number]>>;

export interface LabRun {
  readonly task: LabTask;
  /** A copy of the current choices. */
  choices(): LabChoices;
  /** Train n iterations (stops early on NaN/Infinity); then evaluate and sample. */
  step(n: number, opts?: StepOptions): LabProgress;
  /** The progress now, without training (evaluates and samples like step). */
  progress(opts?: StepOptions): LabProgress;
  /**
   * Change learning rate, clipping, truncation, temperature or optimizer in the running
   * session. A new optimizer starts with an empty memory; the rest keeps everything.
   */
  setOptions(o: LiveOptions): void;
  /** The live weights (the session's own arrays: read, do not keep). */
  params(): Params;
  divergence(): Divergence | null;
  /** Recovery 1: back to the last good weights, optimizer memory and state; train on. */
  restoreLastGood(): void;
  /**
   * Recovery 2: the learning rate divided by factor (10), from the last good weights when
   * training diverged (else from where it is).
   */
  lowerLearningRate(factor?: number): void;
  /** Recovery 3: clipping by global norm at `at` (its default), as recovery 2. */
  turnClippingOn(at?: number): void;
  snapshot(): LabSnapshot;
  /** Load a snapshot of a run with the same task and sizes. */
  restore(s: LabSnapshot): void;
  curves(): LabCurves;
  /**
   * ‖∂L_T/∂s_t‖ and ‖P_t‖ on the first held-out sequence (text: its first window); without
   * the Jacobian norms (NaN) when withJacobian is false, cheap enough for every progress.
   */
  gradientFlow(withJacobian?: boolean): GradientFlow;
  /** The first held-out sequence (text: its first window), from s_0 = 0. */
  firstSequence(): TrainSequence;
  /** ρ(W) and ‖W‖₂; null for a gated cell, whose W stacks one block per gate. */
  spectral(): SpectralReport | null;
  /** Rescale W to spectral radius r (the optimizer memory is kept); the vanilla cell only. */
  setSpectralRadius(r: number): void;
  /** The central-difference check on the current weights, on the first held-out sequence. */
  checkGradients(samples?: number): GradientCheckSummary;
}

/** Live options into the running session (a new optimizer starts with an empty memory). */
function setOptions(st: RunState, o: LiveOptions): void {
  for (const key of Object.keys(o))
    if (!(LIVE_OPTIONS as readonly string[]).includes(key))
      throw new Error(`${key} cannot change in a running session: make a new run`);
  const { c, session } = st;
  const next = checkLabChoices({ ...c, ...o });
  if (next.opt !== c.opt) {
    session.optState = createOptimizerState(optimizerConfigOf(next), session.tensors);
    st.good.opt = cloneOptimizerState(session.optState);
    st.candidate.opt = cloneOptimizerState(session.optState);
  }
  Object.assign(c, next);
  session.optimizer = optimizerConfigOf(c);
  session.clip = clipConfigOf(c);
}

/** Back to the last good weights, out of a divergence. */
function recover(st: RunState): void {
  loadGood(st);
  st.divergence = null;
  st.clippedGradNorm = NaN;
}

/** A new run; its workspaces compute on `kernels` (default: WebAssembly SIMD where it runs). */
export function createLabRun(choices: LabChoices, kernels: Kernels = DEFAULT_KERNELS): LabRun {
  const st = createRunState(choices, kernels);
  const { c, task, session } = st;
  return {
    task,
    choices: () => ({ ...c }),
    step(n, opts) {
      train(st, n);
      return progressOf(st, opts);
    },
    progress: (opts) => progressOf(st, opts),
    setOptions: (o) => setOptions(st, o),
    params: () => session.model.params,
    divergence: () => st.divergence,
    restoreLastGood: () => recover(st),
    lowerLearningRate(factor = 10) {
      if (!(factor > 1)) throw new RangeError(`factor must be > 1, got ${factor}`);
      if (st.divergence) recover(st);
      setOptions(st, { lr: c.lr / factor });
    },
    turnClippingOn(at = LAB_CHOICES.clipAt.default) {
      if (st.divergence) recover(st);
      setOptions(st, { clip: 'norm', clipAt: at });
    },
    snapshot: () => takeSnapshot(st),
    restore(s) {
      checkSnapshotFits(c, s);
      const { lr, clip, clipAt, tbptt, temperature, opt } = snapshotChoices(s);
      setOptions(st, { lr, clip, clipAt, tbptt, temperature, opt });
      loadSnapshot(st, s);
    },
    curves: () => curvesOf(st),
    gradientFlow: (withJacobian = true) =>
      labGradientFlow(
        session.model.params,
        c.act,
        task.loss,
        firstSequence(st),
        withJacobian,
        kernels,
      ),
    firstSequence: () => firstSequence(st),
    spectral: () =>
      CELLS[c.cell].recurrence === 'W' ? spectralReport(session.model.params.W, c.hidden) : null,
    setSpectralRadius(r) {
      if (CELLS[c.cell].recurrence !== 'W')
        throw new Error(
          `ρ(W) applies where the gradient runs through W (a vanilla cell), not to ${cellWithArticle(c.cell)}`,
        );
      const W = session.model.params.W;
      W.set(rescaleToSpectralRadius(W, c.hidden, r));
    },
    checkGradients: (samples) =>
      checkGradients(
        session.model.params,
        c.act,
        task.loss,
        firstSequence(st),
        rngFor(c.seed, STREAM.check, st.iteration),
        samples,
        kernels,
      ),
  };
}

/** A new run in the state of a snapshot. */
export function restoreLabRun(s: LabSnapshot, kernels: Kernels = DEFAULT_KERNELS): LabRun {
  // Runs saved before the cell (or its keep rates) was a choice: migrated (snapshotChoices).
  const run = createLabRun(snapshotChoices(s), kernels);
  run.restore(s);
  return run;
}
