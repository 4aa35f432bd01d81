import type { ExploreRequest, ExploreResponse } from '../core/explore';
import { createWorkerClient, type WorkerClient } from './client';
import { startRnnWorker } from './startWorker';
import rnnWorkerUrl from './rnn.worker.ts?worker&url';

// The explorer's session in the app's worker. `explore(req)` computes a picture without
// touching the store, so a caller can look at the answer before committing it (a bad import is
// refused whole). Each call supersedes the previous one: the older promise rejects with
// `Cancelled` (see isCancelled), never with a stale picture.

export interface ExplorerSession {
  explore(req: ExploreRequest): Promise<ExploreResponse>;
  close(): void;
}

export function openExplorerSession(client: WorkerClient): ExplorerSession {
  const session = client.openSession('explorer', {});
  return {
    async explore(req) {
      const res = await session.request('explore', req);
      // After a crash the session is opened again knowing what it last showed.
      if (res.ok) session.remember({ request: req });
      return res;
    },
    close: () => session.close(),
  };
}

let appClient: WorkerClient | null = null;

/** The app's one worker, started on first use. */
export function appWorker(): WorkerClient {
  appClient ??= createWorkerClient({
    // A worker from the bundled script's URL, or a fallback where a page may not (startWorker.ts).
    createWorker: () => startRnnWorker(new URL(rnnWorkerUrl, import.meta.url)),
    onRestart: (reason) =>
      console.warn(`Unrolled: the worker ${reason}; a new one took over with the same state.`),
  });
  return appClient;
}

let shared: ExplorerSession | null = null;

/** The store's explorer session, on the app's worker (opened on first use). */
export const explorerSession: ExplorerSession = {
  explore: (req) => (shared ??= openExplorerSession(appWorker())).explore(req),
  close: () => {
    shared?.close();
    shared = null;
  },
};
