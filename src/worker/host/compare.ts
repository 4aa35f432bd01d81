import { createLabRun, type LabRun } from '../../core/lab';
import type { CompareInit, CompareReport, CompareSide } from '../protocol';
import { nextTask } from './nextTask';
import type { CallContext, HostKind } from './sessions';

// Two cells side by side on one task: the lab's choices with only the cell changed, trained in
// turns so both have done the same number of iterations whenever the page is told. Like the
// lab's session, the page polls `train`, and nothing here is math.

/** Work per slice (both runs) before the worker's event loop gets a turn (ms). */
const SLICE_MS = 40;
/** Held-out evaluations per run over the budget: at the same iterations for both cells. */
const EVALUATIONS = 40;

export interface CompareState {
  runs: LabRun[];
  budget: number;
  /** Each run is scored on the held-out set every this many iterations (and at the end). */
  evalEvery: number;
  /** Iterations per run per slice, adapted so a slice takes about SLICE_MS. */
  perSlice: number;
}

export function openCompare(init: CompareInit): CompareState {
  if (!(Number.isInteger(init.budget) && init.budget >= 1))
    throw new RangeError(`the budget must be a whole number of iterations, got ${init.budget}`);
  const runs = init.cells.map((cell) => createLabRun({ ...init.choices, cell }));
  // Score the untrained runs too: the accuracy curves start at iteration 0.
  for (const run of runs) run.progress({ sample: false });
  return {
    runs,
    budget: init.budget,
    evalEvery: Math.ceil(init.budget / EVALUATIONS),
    perSlice: 1,
  };
}

const iterationOf = (run: LabRun) => run.progress({ evaluate: false, sample: false }).iteration;

function side(run: LabRun): CompareSide {
  const p = run.progress({ evaluate: false, sample: false });
  const c = run.curves();
  // The latest score (runs are scored at fixed iterations, not at each report).
  const scored = c.accuracy.length ? c.accuracy[c.accuracy.length - 1] : null;
  const flow = p.divergence ? null : run.gradientFlow(false);
  const T = run.task.T;
  return {
    cell: run.choices().cell,
    iteration: p.iteration,
    accuracy: scored,
    smoothLoss: p.smoothLoss,
    accuracyCurve: { iteration: c.accuracyIteration, value: c.accuracy },
    gradNorm: flow ? flow.gradNorm : new Float64Array(T + 1).fill(NaN),
    cellGradNorm: flow?.cellGradNorm ?? null,
    divergence: p.divergence?.message ?? null,
  };
}

const finished = (s: CompareState, run: LabRun) =>
  run.divergence() !== null || iterationOf(run) >= s.budget;

/** Train a run up to n iterations, stopping at its next scoring point and scoring it there. */
function advance(s: CompareState, run: LabRun, n: number): void {
  const it = iterationOf(run);
  const next = Math.min(s.budget, (Math.floor(it / s.evalEvery) + 1) * s.evalEvery);
  const k = Math.min(n, next - it);
  if (k <= 0 || run.divergence() !== null) return;
  run.step(k, { evaluate: false, sample: false });
  // A run stopped on NaN is not scored: its weights are not worth it.
  if (iterationOf(run) === next && run.divergence() === null) run.progress({ sample: false });
}

function report(s: CompareState): CompareReport {
  return {
    sides: s.runs.map(side),
    budget: s.budget,
    successWords: s.runs[0].task.successWords,
    chance: s.runs[0].task.chance,
    done: s.runs.every((r) => finished(s, r)),
  };
}

export const compareKind = {
  open: openCompare,
  methods: {
    /** Train both runs in turns for about ms, then report. */
    async train(s: CompareState, arg: { ms: number }, ctx: CallContext): Promise<CompareReport> {
      const t0 = performance.now();
      while (!ctx.superseded()) {
        const c0 = performance.now();
        for (const run of s.runs) advance(s, run, s.perSlice);
        const dt = performance.now() - c0;
        s.perSlice = Math.max(
          1,
          Math.round(s.perSlice * Math.min(2, Math.max(0.5, SLICE_MS / Math.max(dt, 0.1)))),
        );
        if (s.runs.every((r) => finished(s, r))) break;
        if (performance.now() - t0 + dt >= arg.ms) break;
        await nextTask();
      }
      return report(s);
    },
    report: (s: CompareState): CompareReport => report(s),
  },
} satisfies HostKind<'compare', CompareState>;
