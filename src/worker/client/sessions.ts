import type { ExploreRequest, ExploreResponse } from '../../core/explore';
import type { LabChoices } from '../../core/lab/choices';
import type { CompareInit } from '../protocol';
import type { Session, WorkerClient } from './client';

// The page's sessions on a worker client, one opener per kind of the protocol.

// The explorer's session. `explore(req)` computes a picture without touching the store, so a
// caller can look at the answer before committing it (a bad import is refused whole). Each
// call supersedes the previous one: the older promise rejects with `Cancelled` (see
// isCancelled), never with a stale picture.

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

/** The training lab's session (host/lab.ts holds the run). The client opens it again after a
 *  crash from its record: the choices, or the latest snapshot (Session.remember). */
export type LabSession = Session<'lab'>;

export const openLabSession = (client: WorkerClient, choices: LabChoices): LabSession =>
  client.openSession('lab', { choices });

/** The side-by-side comparison's session (host/compare.ts). */
export type CompareSession = Session<'compare'>;

export const openCompareSession = (client: WorkerClient, init: CompareInit): CompareSession =>
  client.openSession('compare', init);
