import type { LabChoices } from '../core/lab/choices';
import { createAppWorkerClient } from '../worker/client/appWorker';
import type { WorkerClient } from '../worker/client/client';
import {
  openCompareSession as openCompareOn,
  openExplorerSession,
  openLabSession as openLabOn,
  type CompareSession,
  type ExplorerSession,
  type LabSession,
} from '../worker/client/sessions';
import type { CompareInit } from '../worker/protocol';

// The app's one worker, held here by the store's layer (started on first use), and the
// sessions the slices open on it. Views never reach the worker but through the store.

let client: WorkerClient | null = null;

/** The app's worker client, started on first use. */
export function appWorker(): WorkerClient {
  return (client ??= createAppWorkerClient());
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

export const openLabSession = (choices: LabChoices): LabSession => openLabOn(appWorker(), choices);

export const openCompareSession = (init: CompareInit): CompareSession =>
  openCompareOn(appWorker(), init);
