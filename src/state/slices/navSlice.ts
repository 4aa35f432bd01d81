import type { StateCreator } from 'zustand';
import type { ExploreRequest, ExploreResponse } from '../../core/explore';
import { CELLS, cellField, cellOf } from '../../core/model';
import { cursorLabel, isCursorLabel, placeCursorLabel } from '../../core/cursor';
import { presetById } from '../../core/presets';
import { isCancelled } from '../../worker/client/client';
import type { View } from '../appChoices';
import { explorerSession } from '../appWorker';
import type { AppState } from '../store';
import type { ExplorerConfig, Source } from './configSlice';

// The one way to move the app to a (scenario, cursor, view): the URL, the embed bridge, the
// settings, presets and imports all call goTo. A change that needs a new trace is computed
// first and committed whole when it succeeds, so a scenario that cannot be computed changes
// nothing; the cursor keeps its meaning in the new trace where it can (b3 stays b3).

export interface GoToTarget {
  config?: Partial<ExplorerConfig>;
  source?: Source;
  /** A cursor label (0, f3, b2, update); without one, or with one that names no position, the
   * current position is kept. */
  step?: string;
  view?: View;
}

export type GoToOutcome =
  | { ok: true }
  | { ok: false; error: string }
  /** A newer goTo superseded this one before it finished. */
  | { ok: false; cancelled: true; error: string };

export interface GoToOptions {
  /** Return a failure to the caller only (an import's own message), not as the app's error. */
  refuseWhole?: boolean;
}

export interface NavSlice {
  /** The request behind `result`, so a change that does not alter it needs no computation. */
  request: ExploreRequest | null;
  /** The choices and source of the goTo in flight; a newer goTo builds on them. */
  pending: { config: ExplorerConfig; source: Source; request: ExploreRequest } | null;
  goTo: (target: GoToTarget, options?: GoToOptions) => Promise<GoToOutcome>;
}

/** What the worker must compute for these choices and this source. */
export function exploreRequest(config: ExplorerConfig, source: Source): ExploreRequest {
  const { text, hidden, seed, lr, act: activation, loss, cell, keep } = config;
  if (source.kind === 'text')
    return {
      kind: 'text',
      text,
      hidden,
      seed,
      lr,
      activation,
      loss,
      // Absent for the vanilla cell, so its requests stay as they were.
      ...cellField(cell),
      ...(CELLS[cell].keep ? { keep } : {}),
    };
  const scenario = source.kind === 'preset' ? presetById(source.id)!.scenario : source.scenario;
  return { kind: 'scenario', scenario, activation, loss, lr };
}

/** Same computation? Every field is a primitive or the same scenario object. */
function sameRequest(a: ExploreRequest | null, b: ExploreRequest): boolean {
  if (!a) return false;
  const ka = Object.keys(a) as (keyof ExploreRequest)[];
  // Keep rates are an array, compared by value: the URL makes a new one on every read.
  const same = (x: unknown, y: unknown) =>
    x === y || (Array.isArray(x) && Array.isArray(y) && String(x) === String(y));
  return ka.length === Object.keys(b).length && ka.every((k) => same(a[k], b[k]));
}

/** Where a label lands in a trace of length T, with a notice when it had to be clamped. */
function place(label: string, T: number): { cursor: number; notice: string | null } {
  const placed = placeCursorLabel(label, T) ?? { index: 0, clamped: false };
  return {
    cursor: placed.index,
    notice: placed.clamped
      ? `Step “${label}” is beyond this sequence’s ${T} steps; showing ${cursorLabel(placed.index, T)}.`
      : null,
  };
}

/** The worker's answer; null when a newer request superseded this one in the worker. */
async function compute(req: ExploreRequest): Promise<ExploreResponse | null> {
  try {
    // A crashed worker is restarted and the request redone by the client (worker/client/client.ts).
    return await explorerSession.explore(req);
  } catch (e) {
    if (isCancelled(e)) return null;
    return { ok: false, error: `The computation failed: ${(e as Error).message}` };
  }
}

export const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set, get) => {
  // The change being computed: a goTo that joins it resolves when it does (not before the
  // trace it waits for is there: the lesson reads the result as soon as its goTo resolves).
  let inFlight: Promise<GoToOutcome> | null = null;
  return {
    request: null,
    pending: null,
    goTo: async (target, options = {}) => {
      const s = get();
      const base = s.pending ?? s;
      const config = { ...base.config, ...target.config };
      const source = target.source ?? base.source;
      const req = exploreRequest(config, source);
      const step =
        target.step !== undefined && isCursorLabel(target.step) ? target.step : undefined;
      const labelNow = (st: AppState) =>
        st.result ? cursorLabel(st.cursor, st.result.trace.T) : null;

      if (s.result && !s.pending && sameRequest(s.request, req)) {
        // Nothing to compute (a step, a view, the notation): commit at once.
        const label = step ?? labelNow(s) ?? '0';
        const { cursor, notice } = place(label, s.result.trace.T);
        set({
          config,
          source,
          view: target.view ?? s.view,
          cursor,
          notices: notice ? [...s.notices, notice] : s.notices,
        });
        return { ok: true };
      }
      if (s.pending && sameRequest(s.pending.request, req)) {
        // The change in flight computes this already: the step and view wait for its answer.
        set({
          pending: { config, source, request: s.pending.request },
          ...(step ? { pendingStep: step } : {}),
          ...(target.view ? { view: target.view } : {}),
        });
        return inFlight ?? { ok: true };
      }

      const id = s.requestId + 1;
      set({
        requestId: id,
        status: 'computing',
        pending: { config, source, request: req },
        pendingStep: step ?? s.pendingStep,
      });
      const finish = async (): Promise<GoToOutcome> => {
        const res = await compute(req);
        const now = get();
        if (res === null || now.requestId !== id)
          return { ok: false, cancelled: true, error: 'superseded by a newer change' };
        if (!res.ok) {
          set(
            options.refuseWhole
              ? { status: now.result ? 'ready' : 'error', pending: null, pendingStep: null }
              : {
                  status: now.result ? 'ready' : 'error',
                  error: res.error,
                  pending: null,
                  pendingStep: null,
                },
          );
          return res;
        }
        const T = res.value.trace.T;
        const label = now.pendingStep ?? labelNow(now) ?? '0';
        const { cursor, notice } = place(label, T);
        // Choices that did not change the request (the notation) may have moved on meanwhile.
        const committed = now.pending ?? { config, source };
        // A preset or a file brings its own cell (and keep rates): the choices show the ones in use.
        const cell = cellOf(res.value.trace);
        // Typed text keeps the rates as typed (one for all stays one); a file's are the file's.
        const fileKeep = committed.source.kind !== 'text' ? res.value.trace.leaky?.keep : undefined;
        const keep = fileKeep
          ? fileKeep.every((k) => k === fileKeep[0])
            ? [fileKeep[0]]
            : Array.from(fileKeep)
          : null;
        const inUse =
          committed.config.cell === cell &&
          (!keep || String(keep) === String(committed.config.keep))
            ? committed.config
            : { ...committed.config, cell, ...(keep ? { keep } : {}) };
        set({
          config: inUse,
          source: committed.source,
          // A view asked for with this change; otherwise whatever the user has chosen meanwhile.
          view: target.view ?? now.view,
          request: req,
          result: res.value,
          status: 'ready',
          error: null,
          pending: null,
          pendingStep: null,
          cursor,
          notices: notice ? [...now.notices, notice] : now.notices,
        });
        return { ok: true };
      };
      const run = finish();
      inFlight = run;
      void run.finally(() => {
        if (inFlight === run) inFlight = null;
      });
      return run;
    },
  };
};
