import { transfer } from 'comlink';
import { explore, type ExploreRequest, type ExploreResponse } from '../../core/explore';
import type { CallOutcome, RnnApi } from '../protocol';
import { createSessions, sessionKinds } from './sessions';

// The worker's whole surface: core calls and the sessions that hold state between them, nothing
// else. Typed arrays go back transferred. One api per worker: a fresh worker (after a crash) has
// no sessions until the client opens them again.

function buffersOf(value: unknown, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) buffersOf(v, out);
  }
  return out;
}

export function createApi(kinds = sessionKinds): RnnApi {
  const sessions = createSessions(kinds);
  return {
    /** One picture, without a session (nothing kept, nothing superseded). */
    explore(req: ExploreRequest): ExploreResponse {
      const res = explore(req);
      return res.ok ? transfer(res, buffersOf(res.value)) : res;
    },

    /** Answers at once when the worker's event loop is free: the client's liveness check. */
    ping(): true {
      return true;
    },

    openSession(kind: string, init: unknown): number {
      return sessions.open(kind, init);
    },

    closeSession(id: number): void {
      sessions.close(id);
    },

    /** Cancels calls of `method` up to `seq` that have not answered yet (see sessions.ts). */
    cancel(id: number, method: string, seq: number): void {
      sessions.cancel(id, method, seq);
    },

    /** Calls `method` of session `id`; a newer call of the same method supersedes this one. */
    async call(
      id: number,
      method: string,
      seq: number,
      arg: unknown,
    ): Promise<CallOutcome<unknown>> {
      const out = await sessions.call(id, method, seq, arg);
      if (out.cancelled) return out;
      return transfer(out, buffersOf(out.value));
    },

    sessionCount(): number {
      return sessions.count();
    },
  };
}
