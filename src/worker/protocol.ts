import type { ExploreRequest, ExploreResponse } from '../core/explore';
import type {
  GradientCheckSummary,
  LabChoices,
  LabProgress,
  LabScenarioResult,
  LabSnapshot,
  LiveOptions,
  SpectralReport,
} from '../core/lab';
import type { CellName } from '../core/model';

// The worker's protocol: every message and report that crosses between the page's client
// (client/) and the worker's host (host/). Both sides import this module and neither imports
// the other, so a method's argument or answer is written once, here. The host's session kinds
// are checked against SessionProtocol (host/sessions.ts, HostKind), the client's requests are
// typed from it (client/client.ts).

/** The message the worker posts once it is listening (comlink ignores it: it has no id). */
export const WORKER_BOOTED = 'unrolled:worker-booted';

/** What a session call answers: the method's value, or that it was superseded. */
export type CallOutcome<R> = { cancelled: false; value: R } | { cancelled: true };

/** The worker's whole surface (host/api.ts), as the client calls it through comlink. */
export interface RnnApi {
  /** One picture, without a session (nothing kept, nothing superseded). */
  explore(req: ExploreRequest): ExploreResponse;
  /** Answers at once when the worker's event loop is free: the client's liveness check. */
  ping(): true;
  openSession(kind: string, init: unknown): number;
  closeSession(id: number): void;
  /** Cancels calls of `method` up to `seq` that have not answered yet. */
  cancel(id: number, method: string, seq: number): void;
  /** Calls `method` of session `id`; a newer call of the same method supersedes this one. */
  call(id: number, method: string, seq: number, arg: unknown): Promise<CallOutcome<unknown>>;
  sessionCount(): number;
}

// ── the explorer's session ──────────────────────────────────────────────────────────────────

export interface ExplorerInit {
  /** The last request that succeeded, so a restored session knows what it showed. */
  request?: ExploreRequest;
}

// ── the training lab's session ──────────────────────────────────────────────────────────────

export type LabInit = { choices: LabChoices } | { snapshot: LabSnapshot };

/** What the page draws: the progress, the new curve points, the gradient reaching each step. */
export interface LabReport {
  progress: LabProgress;
  /** Curve points from index `from` on (the page keeps the earlier ones). */
  curves: { from: number; smoothLoss: Float64Array; gradNorm: Float64Array };
  /** Accuracy after each evaluation (short: one per evaluation). */
  accuracy: { iteration: Float64Array; value: Float64Array };
  /**
   * ‖∂L_T/∂s_t‖ for t = 0..T, ‖P_t‖₂ when asked for (else NaN; always for a gated cell), and
   * an LSTM's ‖∂L_T/∂m_t‖ (null for the other cells).
   */
  flow: { gradNorm: Float64Array; jacobianNorm: Float64Array; cellGradNorm: Float64Array | null };
  /** ρ(W) and ‖W‖₂ of the vanilla cell; null for a gated one. */
  spectral: SpectralReport | null;
  /** Iterations per second over this call's training (0 when it trained none). */
  rate: number;
  /** Did this call stop because it reached maxIterations or training diverged? */
  stopped: boolean;
  /** Why the explorer cannot show these weights (too big), or null. */
  explorerLimit: string | null;
}

export interface TrainArg {
  /** Train for about this long (ms) before answering. */
  ms: number;
  /** At most this many iterations in this call. */
  maxIterations: number;
  /** The page has curve points up to here. */
  since: number;
}

export interface ReportArg {
  since: number;
  /** Also the Jacobian norms ‖P_t‖₂ (slow for big H and T: when training is idle). */
  jacobian?: boolean;
}

export type Recovery = 'restore' | 'lower' | 'clip';

// ── the side-by-side comparison's session ───────────────────────────────────────────────────

export interface CompareInit {
  choices: LabChoices;
  cells: readonly CellName[];
  /** Iterations each run trains. */
  budget: number;
}

/** One run of the comparison as the page draws it. */
export interface CompareSide {
  cell: CellName;
  iteration: number;
  accuracy: number | null;
  smoothLoss: number;
  /** Held-out accuracy every CompareState.evalEvery iterations (iterations and values). */
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
  /** What the accuracy counts, in words ("symbols from 15 steps back recalled right"). */
  successWords: string;
  /** The accuracy of guessing (1/4 for delayed copy, 1/2 for parity); null for text and sine. */
  chance: number | null;
  /** Both reached the budget (or stopped on NaN). */
  done: boolean;
}

// ── every kind of session: what opens it, and each method's argument and answer ─────────────

/** A method's argument and answer. */
interface Call<A, R> {
  arg: A;
  result: R;
}

export interface SessionProtocol {
  explorer: {
    init: ExplorerInit;
    methods: { explore: Call<ExploreRequest, ExploreResponse> };
  };
  lab: {
    init: LabInit;
    methods: {
      /** Train in slices for about arg.ms (or arg.maxIterations), then report. */
      train: Call<TrainArg, LabReport>;
      /** The state now, evaluated afresh (after a pause, a recovery, a reset). */
      report: Call<ReportArg, LabReport>;
      setOptions: Call<LiveOptions, LabChoices>;
      recover: Call<Recovery, LabChoices>;
      setSpectralRadius: Call<number, void>;
      checkGradients: Call<undefined, GradientCheckSummary>;
      explorerScenario: Call<undefined, LabScenarioResult>;
      /** A new run with these choices (Reset training, or a choice that changes the network). */
      reset: Call<LabChoices, void>;
      snapshot: Call<undefined, LabSnapshot>;
      restore: Call<LabSnapshot, void>;
    };
  };
  compare: {
    init: CompareInit;
    methods: {
      /** Train both runs in turns for about ms, then report. */
      train: Call<{ ms: number }, CompareReport>;
      report: Call<undefined, CompareReport>;
    };
  };
}

export type KindName = keyof SessionProtocol;
export type InitOf<K extends KindName> = SessionProtocol[K]['init'];
export type MethodOf<K extends KindName> = keyof SessionProtocol[K]['methods'] & string;
type CallOf<K extends KindName, M extends MethodOf<K>> = SessionProtocol[K]['methods'][M &
  keyof SessionProtocol[K]['methods']];
export type ArgOf<K extends KindName, M extends MethodOf<K>> =
  CallOf<K, M> extends Call<infer A, unknown> ? A : never;
export type ResultOf<K extends KindName, M extends MethodOf<K>> =
  CallOf<K, M> extends Call<unknown, infer R> ? R : never;
