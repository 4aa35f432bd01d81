import {
  createLabRun,
  explorerLimitError,
  explorerScenario,
  restoreLabRun,
  type GradientCheckSummary,
  type LabChoices,
  type LabProgress,
  type LabRun,
  type LabScenarioResult,
  type LabSnapshot,
  type LiveOptions,
  type SpectralReport,
} from '../../core/lab';
import { CELLS } from '../../core/model';
import type { LabInit, LabReport, Recovery, ReportArg, TrainArg } from '../protocol';
import { nextTask } from './nextTask';
import type { CallContext, HostKind } from './sessions';

// The training lab's session in the worker: it holds a LabRun (src/core/lab) and trains it in
// slices of about CHUNK_MS, yielding between them so setOptions, a cancel or a newer call get
// in. The page polls: each `train` call runs for about `ms` and answers with a report, so
// progress reaches the page at most 1000/ms times a second and a call survives a worker
// restart like any other request. Nothing here is math; it only paces the core.

/** Work per slice before the worker's event loop gets a turn (ms). */
export const CHUNK_MS = 40;
/** The held-out evaluation, the text sample and ρ(W) are redone at most this often (ms). */
export const EVAL_EVERY_MS = 1000;

/** The Jacobian norms ‖P_t‖₂ cost about T·H³ (plus power iterations): skipped beyond this. */
export const JACOBIAN_MAX_WORK = 3e7;

export interface LabState {
  run: LabRun;
  /** Iterations per slice, adapted so a slice takes about CHUNK_MS. */
  perChunk: number;
  lastEval: number;
  progress: LabProgress | null;
  spectral: SpectralReport | null;
}

function fresh(run: LabRun): LabState {
  return { run, perChunk: 1, lastEval: -Infinity, progress: null, spectral: null };
}

function report(
  s: LabState,
  { since, jacobian = false }: ReportArg,
  rate = 0,
  stopped = false,
  evaluate = true,
): LabReport {
  const { run } = s;
  const now = performance.now();
  if (evaluate || !s.progress || now - s.lastEval >= EVAL_EVERY_MS) {
    s.progress = run.progress({ evaluate: true, sample: true });
    s.spectral = run.spectral();
    s.lastEval = now;
  } else {
    // Between evaluations: the fresh numbers, with the last accuracy and sample.
    const p = run.progress({ evaluate: false, sample: false });
    s.progress = {
      ...p,
      accuracy: s.progress.accuracy,
      evalLoss: s.progress.evalLoss,
      sample: s.progress.sample,
    };
  }
  const c = run.curves();
  const from = Math.min(Math.max(0, since), c.smoothLoss.length);
  const T = run.task.T;
  const ch = run.choices();
  const withJacobian =
    jacobian && CELLS[ch.cell].recurrence === 'W' && T * ch.hidden ** 3 <= JACOBIAN_MAX_WORK;
  // A finite blow-up still has a gradient flow to show (its zeros are the point).
  const d = s.progress.divergence;
  const flow = d && !d.finite ? null : run.gradientFlow(withJacobian);
  return {
    progress: s.progress,
    curves: { from, smoothLoss: c.smoothLoss.slice(from), gradNorm: c.gradNorm.slice(from) },
    accuracy: { iteration: c.accuracyIteration, value: c.accuracy },
    flow: flow
      ? {
          gradNorm: flow.gradNorm,
          jacobianNorm: flow.jacobianNorm,
          cellGradNorm: flow.cellGradNorm ?? null,
        }
      : {
          gradNorm: new Float64Array(T + 1).fill(NaN),
          jacobianNorm: new Float64Array(T + 1).fill(NaN),
          cellGradNorm: null,
        },
    spectral: s.spectral ?? run.spectral(),
    rate,
    stopped,
    explorerLimit: explorerLimitError(run),
  };
}

export const labKind = {
  open: (init: LabInit): LabState =>
    fresh('snapshot' in init ? restoreLabRun(init.snapshot) : createLabRun(init.choices)),
  methods: {
    /** Train in slices for about arg.ms (or arg.maxIterations), then report. */
    async train(s: LabState, arg: TrainArg, ctx: CallContext): Promise<LabReport> {
      const t0 = performance.now();
      const start = s.run.progress({ evaluate: false, sample: false }).iteration;
      let done = 0;
      let stopped = false;
      while (!ctx.superseded()) {
        const n = Math.min(s.perChunk, arg.maxIterations - done);
        const c0 = performance.now();
        const p = s.run.step(n, { evaluate: false, sample: false });
        const dt = performance.now() - c0;
        done = p.iteration - start;
        // Aim the next slice at CHUNK_MS, changing by at most 2× (a busy machine jitters).
        s.perChunk = Math.max(
          1,
          Math.round(s.perChunk * Math.min(2, Math.max(0.5, CHUNK_MS / Math.max(dt, 0.1)))),
        );
        if (p.divergence || done >= arg.maxIterations) {
          stopped = true;
          break;
        }
        // Answer before the budget runs out rather than one slice after it (reports stay ~10/s).
        if (performance.now() - t0 + dt >= arg.ms) break;
        await nextTask();
      }
      const rate = done > 0 ? (done * 1000) / (performance.now() - t0) : 0;
      return report(s, { since: arg.since }, rate, stopped, stopped);
    },
    /** The state now, evaluated afresh (after a pause, a recovery, a reset). */
    report: (s: LabState, arg: ReportArg): LabReport => report(s, arg),
    setOptions(s: LabState, o: LiveOptions): LabChoices {
      s.run.setOptions(o);
      return s.run.choices();
    },
    recover(s: LabState, how: Recovery): LabChoices {
      if (how === 'restore') s.run.restoreLastGood();
      else if (how === 'lower') s.run.lowerLearningRate();
      else s.run.turnClippingOn();
      return s.run.choices();
    },
    setSpectralRadius(s: LabState, r: number): void {
      s.run.setSpectralRadius(r);
    },
    checkGradients: (s: LabState): GradientCheckSummary => s.run.checkGradients(),
    explorerScenario: (s: LabState): LabScenarioResult => explorerScenario(s.run),
    /** A new run with these choices (Reset training, or a choice that changes the network). */
    reset(s: LabState, choices: LabChoices): void {
      Object.assign(s, fresh(createLabRun(choices)));
    },
    snapshot: (s: LabState): LabSnapshot => s.run.snapshot(),
    restore(s: LabState, snap: LabSnapshot): void {
      Object.assign(s, fresh(restoreLabRun(snap)));
    },
  },
} satisfies HostKind<'lab', LabState>;
