import { createStore, type StoreApi } from 'zustand/vanilla';
import { isCancelled } from '../worker/client/client';
import type { CompareSession } from '../worker/client/sessions';
import type { CompareInit, CompareReport } from '../worker/protocol';
import { openCompareSession } from './appWorker';
import { createPollLoop } from './pollLoop';

// The side-by-side comparison's run on the app's worker (worker/host/compare.ts), polled like
// the lab's with the same loop (pollLoop.ts): each `train` call trains both runs for about
// REPORT_MS and answers with a report. A controller per view that shows it (plain object,
// framework-free; useCompare wraps it), holding what the view draws in a small store.

export type { CompareReport, CompareSide } from '../worker/protocol';

const REPORT_MS = 200;

export type CompareStatus = 'idle' | 'running' | 'paused' | 'done';

/** What the comparison runs: the lab's choices, the cells, and the iterations each trains. */
export type CompareSetup = CompareInit;

export interface CompareView {
  report: CompareReport | null;
  status: CompareStatus;
  error: string | null;
  setup: CompareSetup | null;
}

export interface CompareController {
  readonly store: StoreApi<CompareView>;
  /** A new comparison (the one before is closed). */
  start(setup: CompareSetup): void;
  /** Stops after the report on its way. */
  pause(): void;
  resume(): void;
  /** Closes the session (and stops its training); start() opens a new one. */
  close(): void;
}

export function createCompareController(
  open: (setup: CompareSetup) => CompareSession = openCompareSession,
): CompareController {
  const store = createStore<CompareView>()(() => ({
    report: null,
    status: 'idle',
    error: null,
    setup: null,
  }));
  const poll = createPollLoop();
  let session: CompareSession | null = null;
  let running = false;

  const loop = (s: CompareSession) => {
    running = true;
    store.setState({ status: 'running' });
    poll
      .run(
        () => s.request('train', { ms: REPORT_MS }),
        (r) => {
          store.setState({ report: r });
          if (r.done) {
            running = false;
            store.setState({ status: 'done' });
            return false;
          }
          return running;
        },
      )
      .catch((e: unknown) => {
        if (isCancelled(e) || session !== s) return;
        running = false;
        store.setState({
          status: 'paused',
          error: `The comparison stopped: ${e instanceof Error ? e.message : String(e)}`,
        });
      });
  };

  return {
    store,
    start(setup) {
      session?.close();
      const s = open(setup);
      session = s;
      store.setState({ setup, report: null, error: null });
      loop(s);
    },
    pause() {
      running = false;
      store.setState({ status: 'paused' });
    },
    resume() {
      if (session) loop(session);
    },
    close() {
      running = false;
      poll.stop();
      session?.close();
      session = null;
    },
  };
}
