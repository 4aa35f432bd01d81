import type { StateCreator } from 'zustand';
import {
  defaultLabChoices,
  labChoiceErrors,
  type CompareCell,
  type LabChoices,
} from '../../core/lab/choices';
import type { Divergence, GradientCheckSummary, LiveOptions } from '../../core/lab';
import { isCancelled } from '../../worker/client/client';
import type { LabSession } from '../../worker/client/sessions';
import type { Recovery } from '../../worker/protocol';
import type { Page } from '../appChoices';
import { openLabSession } from '../appWorker';
import { applyReport, clearLive, labLive, pointsKnown } from '../labLive';
import { createPollLoop, type PollEnd } from '../pollLoop';
import {
  choiceDifferences,
  isSavedLabSession,
  LAB_SESSION_KEY,
  SAVE_EVERY_MS,
  savedSession,
  throttle,
  type SavedLabSession,
} from '../labResume';
import type { AppState } from '../store';
import { LAB_WEIGHTS } from './configSlice';

// The training lab: what the student chose, whether it trains, and what went wrong. The run
// itself lives in the worker (worker/host/lab.ts); the numbers it reports go to labLive, the
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

/** A session saved before the reload, offered back until the student answers. */
export interface LabSavedOffer {
  iteration: number;
  /** The saved run's settings where they differ from the page's, in words. */
  differences: string[];
}

/** The storage layer, loaded on demand (it is not needed before the lab saves or opens). */
const persist = () => import('../persist');

export interface LabSlice {
  page: Page;
  labChoices: LabChoices;
  labStatus: LabStatus;
  labGoal: StepsGoal | null;
  labDivergence: Divergence | null;
  labGradCheck: GradientCheckSummary | null;
  /** A failure of the worker or of a request, in words. */
  labError: string | null;
  /** A saved session to offer back ("Resume training from iteration …?"), or null. */
  labSaved: LabSavedOffer | null;
  /** The gated cell of the side-by-side comparison shown (and run) on the lab, or none. */
  labCompare: 'none' | CompareCell;
  setLabCompare: (cell: 'none' | CompareCell) => void;
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
  /** Restore the saved session into the worker (its weights, optimizer state and curves). */
  labResume: () => Promise<void>;
  /** Forget the saved session and keep the fresh run. */
  labStartAfresh: () => Promise<void>;
  /** Save the run now (the page is hidden or left), if it has trained. */
  labSave: () => Promise<void>;
}

export const createLabSlice: StateCreator<AppState, [], [], LabSlice> = (set, get) => {
  let session: LabSession | null = null;
  /** The training loop: a newer loop (or a pause) ends the older one. */
  const poll = createPollLoop();

  /** The session read from storage on opening, until the student answers the offer. */
  let saved: SavedLabSession | null = null;

  const open = () => (session ??= openLabSession(get().labChoices));

  const fail = (e: unknown) => {
    if (isCancelled(e)) return;
    set({ labStatus: 'idle', labError: `The training worker failed: ${(e as Error).message}` });
  };

  const refresh = async (jacobian = true) => {
    applyReport(await open().request('report', { since: pointsKnown(), jacobian }));
  };

  /** Keep the run's state for a restart of the worker and, once it has trained, across a
   *  reload (not while a saved session is still on offer: that would overwrite it). */
  const remember = async () => {
    const s = open();
    const snapshot = await s.request('snapshot', undefined);
    s.remember({ snapshot });
    if (snapshot.iteration > 0 && !get().labSaved)
      await (await persist()).saveState(LAB_SESSION_KEY, savedSession(snapshot, Date.now()));
  };

  /** Looks for a saved session and offers it back. */
  const offerSaved = async () => {
    const value = await (await persist()).loadState(LAB_SESSION_KEY);
    if (!isSavedLabSession(value)) return;
    if ((labLive.getState().report?.progress.iteration ?? 0) > 0) return; // trained meanwhile
    saved = value;
    set({
      labSaved: {
        iteration: value.snapshot.iteration,
        differences: choiceDifferences(value.snapshot.choices, get().labChoices),
      },
    });
  };

  /** Starting to train (or a new run) answers the offer: the fresh run will be saved. */
  const dropOffer = () => {
    saved = null;
    if (get().labSaved) set({ labSaved: null });
  };

  const stopLoop = async () => {
    poll.stop();
    open().cancel('train');
    if (get().labStatus !== 'idle') set({ labStatus: 'idle', labGoal: null });
  };

  const loop = async (maxTotal: number | null) => {
    const s = open();
    dropOffer();
    // While training, the snapshot is taken now and then: for a worker restart and a reload.
    const due = throttle(SAVE_EVERY_MS, performance.now());
    let end: PollEnd;
    try {
      end = await poll.run(
        () => {
          const at = labLive.getState().report?.progress.iteration ?? 0;
          return s.request('train', {
            ms: REPORT_MS,
            maxIterations: maxTotal === null ? 1e9 : Math.max(0, maxTotal - at),
            since: pointsKnown(),
          });
        },
        (r) => {
          applyReport(r);
          if (r.progress.divergence) set({ labDivergence: r.progress.divergence });
          if (r.stopped || r.progress.divergence) return false;
          if (due(performance.now())) void remember().catch(() => {}); // its own lane: no wait
          return true;
        },
      );
    } catch (e) {
      fail(e);
      return;
    }
    if (end === 'superseded') return;
    set({ labStatus: 'idle', labGoal: null });
    try {
      await refresh();
      await remember();
    } catch {
      // The loop has ended: a failure here is left to the next request to show, as before.
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
    labSaved: null,
    labCompare: 'none',
    setPage: (page) => set({ page }),
    setLabCompare: (labCompare) => set({ labCompare }),

    setLabChoices: async (patch) => {
      const prev = get().labChoices;
      const next = { ...prev, ...patch };
      const errors = labChoiceErrors(next);
      if (errors.length) return errors;
      set({ labChoices: next });
      // Only what changed counts: the same choices again (Back to the lab's URL) keep the run.
      const keys = (Object.keys(patch) as (keyof LabChoices)[]).filter((k) => next[k] !== prev[k]);
      if (!session || keys.length === 0) return [];
      try {
        if (keys.every((k) => LIVE.includes(k))) {
          await session.request('setOptions', patch as LiveOptions);
        } else {
          await stopLoop();
          dropOffer();
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

    labOpen: async () => {
      try {
        await refresh();
        if (!saved && !get().labSaved) await offerSaved();
      } catch (e) {
        fail(e);
      }
    },

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
      dropOffer();
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
          source: { kind: 'imported', name: LAB_WEIGHTS, scenario: res.value },
          config: { act, ...(res.value.loss ? { loss: res.value.loss } : {}) },
          step: '0',
        });
        if (out.ok) set({ page: 'explorer' });
        else set({ labError: out.error });
      } catch (e) {
        fail(e);
      }
    },

    labResume: async () => {
      const from = saved;
      if (!from) return;
      await stopLoop();
      saved = null;
      clearLive();
      set({
        labSaved: null,
        labChoices: from.snapshot.choices,
        labDivergence: from.snapshot.divergence,
        labGradCheck: null,
        labError: null,
      });
      try {
        const s = open();
        await s.request('restore', from.snapshot);
        s.remember({ snapshot: from.snapshot });
        await refresh();
      } catch (e) {
        fail(e);
      }
    },

    labStartAfresh: async () => {
      dropOffer();
      await (await persist()).clearState(LAB_SESSION_KEY);
    },

    labSave: async () => {
      if (get().labSaved) return;
      try {
        await remember();
      } catch (e) {
        fail(e);
      }
    },
  };
};
