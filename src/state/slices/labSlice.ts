import type { StateCreator } from 'zustand';
import { defaultLabChoices, labChoiceErrors, type LabChoices } from '../../core/lab/choices';
import type { Divergence, GradientCheckSummary, LiveOptions } from '../../core/lab';
import { isCancelled } from '../../worker/client';
import type { Recovery } from '../../worker/lab';
import { openLabSession, type LabSession } from '../../worker/labSession';
import type { Page } from '../appChoices';
import { applyReport, clearLive, labLive, pointsKnown } from '../labLive';
import type { AppState } from '../store';

// The training lab: what the student chose, whether it trains, and what went wrong. The run
// itself lives in the worker (worker/lab.ts); the numbers it reports go to labLive, the
// transient store, not here, so a report does not re-render the app.

/** The choices a running session takes without a restart (core/lab/run.ts LIVE_OPTIONS). */
const LIVE: readonly (keyof LabChoices)[] = ['lr', 'clip', 'clipAt', 'tbptt', 'temperature', 'opt'];
/** Each `train` call trains this long (ms) before it reports: at most ten reports a second. */
export const REPORT_MS = 100;

export type LabStatus = 'idle' | 'running' | 'steps' | 'busy';

export interface StepsGoal {
  /** Iteration at the start, and the one to reach. */
  start: number;
  target: number;
}

export interface LabSlice {
  page: Page;
  labChoices: LabChoices;
  labStatus: LabStatus;
  labGoal: StepsGoal | null;
  labDivergence: Divergence | null;
  labGradCheck: GradientCheckSummary | null;
  /** A failure of the worker or of a request, in words. */
  labError: string | null;
  setPage: (page: Page) => void;
  /** Change choices: learning rate, clipping, truncation, temperature and optimizer apply to
   *  the running session; the others start a new run. Invalid combinations are refused. */
  setLabChoices: (patch: Partial<LabChoices>) => Promise<string[]>;
  /** Open the session (if need be) and report its state. */
  labOpen: () => Promise<void>;
  labTrain: () => void;
  labPause: () => Promise<void>;
  labStepOnce: () => Promise<void>;
  labTrainSteps: (n: number) => void;
  labReset: () => Promise<void>;
  labRecover: (how: Recovery) => Promise<void>;
  labCheckGradients: () => Promise<void>;
  labSetSpectralRadius: (r: number) => Promise<void>;
  /** Open the explorer on the first training sequence with the trained weights. */
  labExplore: () => Promise<void>;
}

export const createLabSlice: StateCreator<AppState, [], [], LabSlice> = (set, get) => {
  let session: LabSession | null = null;
  /** Each training loop's ticket: a newer loop (or a pause) ends the older one. */
  let loopId = 0;

  const open = () => (session ??= openLabSession(get().labChoices));

  const fail = (e: unknown) => {
    if (isCancelled(e)) return;
    set({ labStatus: 'idle', labError: `The training worker failed: ${(e as Error).message}` });
  };

  const refresh = async (jacobian = true) => {
    applyReport(await open().request('report', { since: pointsKnown(), jacobian }));
  };

  /** Keep the run's state for a restart of the worker (and the persistence to come). */
  const remember = async () => {
    const s = open();
    s.remember({ snapshot: await s.request('snapshot', undefined) });
  };

  const stopLoop = async () => {
    loopId++;
    open().cancel('train');
    if (get().labStatus !== 'idle') set({ labStatus: 'idle', labGoal: null });
  };

  const loop = async (maxTotal: number | null) => {
    const id = ++loopId;
    const s = open();
    try {
      while (id === loopId) {
        const at = labLive.getState().report?.progress.iteration ?? 0;
        const r = await s.request('train', {
          ms: REPORT_MS,
          maxIterations: maxTotal === null ? 1e9 : Math.max(0, maxTotal - at),
          since: pointsKnown(),
        });
        if (id !== loopId) return;
        applyReport(r);
        if (r.progress.divergence) set({ labDivergence: r.progress.divergence });
        if (r.stopped || r.progress.divergence) break;
      }
      if (id !== loopId) return;
      loopId++;
      set({ labStatus: 'idle', labGoal: null });
      await refresh();
      await remember();
    } catch (e) {
      if (id === loopId) fail(e);
    }
  };

  return {
    page: 'explorer',
    labChoices: defaultLabChoices(),
    labStatus: 'idle',
    labGoal: null,
    labDivergence: null,
    labGradCheck: null,
    labError: null,
    setPage: (page) => set({ page }),

    setLabChoices: async (patch) => {
      const next = { ...get().labChoices, ...patch };
      const errors = labChoiceErrors(next);
      if (errors.length) return errors;
      set({ labChoices: next });
      if (!session) return [];
      const keys = Object.keys(patch) as (keyof LabChoices)[];
      try {
        if (keys.every((k) => LIVE.includes(k))) {
          await session.request('setOptions', patch as LiveOptions);
        } else {
          await stopLoop();
          clearLive();
          set({ labDivergence: null, labGradCheck: null });
          await session.request('reset', next);
          session.remember({ choices: next });
          await refresh();
        }
      } catch (e) {
        fail(e);
      }
      return [];
    },

    labOpen: () => refresh().catch(fail),

    labTrain: () => {
      if (get().labDivergence) return;
      set({ labStatus: 'running', labGoal: null, labError: null });
      void loop(null);
    },

    labPause: async () => {
      await stopLoop();
      try {
        await refresh();
        await remember();
      } catch (e) {
        fail(e);
      }
    },

    labStepOnce: async () => {
      await stopLoop();
      const at = labLive.getState().report?.progress.iteration ?? 0;
      set({ labStatus: 'steps', labGoal: { start: at, target: at + 1 } });
      await loop(at + 1);
    },

    labTrainSteps: (n) => {
      const at = labLive.getState().report?.progress.iteration ?? 0;
      void stopLoop().then(() => {
        set({ labStatus: 'steps', labGoal: { start: at, target: at + n }, labError: null });
        void loop(at + n);
      });
    },

    labReset: async () => {
      await stopLoop();
      clearLive();
      set({ labDivergence: null, labGradCheck: null, labError: null });
      try {
        await open().request('reset', get().labChoices);
        open().remember({ choices: get().labChoices });
        await refresh();
      } catch (e) {
        fail(e);
      }
    },

    labRecover: async (how) => {
      try {
        const choices = await open().request('recover', how);
        set({ labChoices: choices, labDivergence: null });
        await refresh();
      } catch (e) {
        fail(e);
      }
    },

    labCheckGradients: async () => {
      try {
        set({ labGradCheck: await open().request('checkGradients', undefined) });
      } catch (e) {
        fail(e);
      }
    },

    labSetSpectralRadius: async (r) => {
      try {
        await open().request('setSpectralRadius', r);
        await refresh();
      } catch (e) {
        fail(e);
      }
    },

    labExplore: async () => {
      await stopLoop();
      try {
        const res = await open().request('explorerScenario', undefined);
        if (!res.ok) {
          set({ labError: res.error });
          return;
        }
        const { act } = get().labChoices;
        const out = await get().goTo({
          source: { kind: 'imported', name: 'weights from the training lab', scenario: res.value },
          config: { act, ...(res.value.loss ? { loss: res.value.loss } : {}) },
          step: '0',
        });
        if (out.ok) set({ page: 'explorer' });
        else set({ labError: out.error });
      } catch (e) {
        fail(e);
      }
    },
  };
};
