import { createLabRun, type LabChoices, type LabRun } from '../core/lab';
import type { CellName } from '../core/model';
import { nextTask } from './nextTask';
import type { CallContext, SessionKind } from './sessions';

// Two cells side by side on one task: the lab's choices with only the cell changed, trained in
// turns so both have done the same number of iterations whenever the page is told. Like the
// lab's session, the page polls `train`, and nothing here is math.

/** Work per slice (both runs) before the worker's event loop gets a turn (ms). */
const SLICE_MS = 40;

export interface CompareInit {
  choices: LabChoices;
  cells: readonly CellName[];
  /** Iterations each run trains. */
  budget: number;
}

export interface CompareState {
  runs: LabRun[];
  budget: number;
  /** Iterations per run per slice, adapted so a slice takes about SLICE_MS. */
  perSlice: number;
}

/** One run of the comparison as the page draws it. */
export interface CompareSide {
  cell: CellName;
  iteration: number;
  accuracy: number | null;
  smoothLoss: number;
  /** Held-out accuracy after each report (iterations and values). */
  accuracyCurve: { iteration: Float64Array; value: Float64Array };
  /** ‖∂L_T/∂s_t‖ for t = 0..T; an LSTM's ‖∂L_T/∂m_t‖ (else null). */
  gradNorm: Float64Array;
  cellGradNorm: Float64Array | null;
  /** What stopped it (NaN or Infinity), in words; null while it trains well. */
  divergence: string | null;
}

export interface CompareReport {
  sides: CompareSide[];
  budget: number;
  /** Both reached the budget (or stopped on NaN). */
  done: boolean;
}

export function openCompare(init: CompareInit): CompareState {
  if (!(Number.isInteger(init.budget) && init.budget >= 1))
    throw new RangeError(`the budget must be a whole number of iterations, got ${init.budget}`);
  const runs = init.cells.map((cell) => createLabRun({ ...init.choices, cell }));
  // Score the untrained runs too: the accuracy curves start at iteration 0.
  for (const run of runs) run.progress({ sample: false });
  return { runs, budget: init.budget, perSlice: 1 };
}

function side(run: LabRun): CompareSide {
  // A run stopped on NaN is not scored: its weights are not worth it.
  const p = run.progress({ evaluate: run.divergence() === null, sample: false });
  const c = run.curves();
  const flow = p.divergence ? null : run.gradientFlow(false);
  const T = run.task.T;
  return {
    cell: run.choices().cell,
    iteration: p.iteration,
    accuracy: p.accuracy,
    smoothLoss: p.smoothLoss,
    accuracyCurve: { iteration: c.accuracyIteration, value: c.accuracy },
    gradNorm: flow ? flow.gradNorm : new Float64Array(T + 1).fill(NaN),
    cellGradNorm: flow?.cellGradNorm ?? null,
    divergence: p.divergence?.message ?? null,
  };
}

const finished = (s: CompareState, run: LabRun) =>
  run.divergence() !== null ||
  run.progress({ evaluate: false, sample: false }).iteration >= s.budget;

function report(s: CompareState): CompareReport {
  return {
    sides: s.runs.map(side),
    budget: s.budget,
    done: s.runs.every((r) => finished(s, r)),
  };
}

export const compareKind = {
  open: openCompare,
  methods: {
    /** Train both runs in turns for about ms, then report (each report scores both). */
    async train(s: CompareState, arg: { ms: number }, ctx: CallContext): Promise<CompareReport> {
      const t0 = performance.now();
      while (!ctx.superseded()) {
        const c0 = performance.now();
        for (const run of s.runs) {
          const done = run.progress({ evaluate: false, sample: false }).iteration;
          const n = Math.min(s.perSlice, s.budget - done);
          if (n > 0 && run.divergence() === null) run.step(n, { evaluate: false, sample: false });
        }
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
} satisfies SessionKind<CompareInit, CompareState>;
