// The one polling loop of the worker's training sessions (the lab's, labSlice.ts, and the
// comparison's, compare.ts): ask the session for a report (each `train` call trains for a
// while, then answers), hand it to the caller, ask again, until the caller says enough or a
// newer run (or stop()) takes over. Framework-free: no React, no store; the caller applies
// each report where it keeps it.

/** How a run ended: the caller said enough ('finished'), or it was ended ('superseded'). */
export type PollEnd = 'finished' | 'superseded';

export interface PollLoop {
  /**
   * Calls `request` again and again, each answer to `onReport` (which returns false to stop
   * after it). Starting a run ends the one running: that one resolves 'superseded' and any
   * answer or failure still on its way is dropped. Rejects with the request's error when it
   * fails in the current run.
   */
  run<R>(request: () => Promise<R>, onReport: (report: R) => boolean): Promise<PollEnd>;
  /** Ends the current run; its pending answer, when it comes, is dropped. */
  stop(): void;
}

export function createPollLoop(): PollLoop {
  /** Each run's ticket: a newer run (or a stop) ends the older one. */
  let ticket = 0;
  return {
    async run(request, onReport) {
      const id = ++ticket;
      try {
        while (id === ticket) {
          const r = await request();
          if (id !== ticket) break;
          if (!onReport(r)) {
            ticket++;
            return 'finished';
          }
        }
        return 'superseded';
      } catch (e) {
        if (id !== ticket) return 'superseded';
        ticket++;
        throw e;
      }
    },
    stop() {
      ticket++;
    },
  };
}
