import { explore, type ExploreRequest, type ExploreResponse } from '../../core/explore';
import type { ExploreResult } from '../../core/explore';
import type {
  ArgOf,
  CallOutcome,
  ExplorerInit,
  InitOf,
  KindName,
  MethodOf,
  ResultOf,
} from '../protocol';
import { compareKind } from './compare';
import { labKind } from './lab';
import { nextTask } from './nextTask';

// Sessions held in the worker. A session is some state that lives in the worker between calls
// (the explorer's last picture; later the training lab's weights, optimizer state and data) and
// a few methods that act on it. The math stays in src/core: a method only calls it and keeps
// what it returns.
//
// Superseding, per session and per method (a "lane"): each call carries a sequence number from
// the client, and a call with a higher number for the same session and method supersedes every
// earlier one. A superseded call
//   - that has not started is never computed: every call waits one macrotask before it runs,
//     so a newer call (or a cancel) already queued behind it is received first;
//   - that is running is told so through `ctx.superseded()`: a long method (a training loop run
//     in slices, each followed by `await nextTask()`) checks it between slices and stops;
//   - that finishes anyway has its answer replaced by `{ cancelled: true }`.
// Calls of different methods do not supersede each other, so a training lab's `pause` or
// `setParams` does not cancel its `train`; they change the session's state, which the loop reads
// between slices.

/** What a running method can ask: has a newer call (or a cancel) taken its place? */
export interface CallContext {
  superseded(): boolean;
}

/** A kind of session: its state is built from the client's record (`init`), so that after a
 *  crash the client can open it again on a new worker; its methods act on that state. */
export interface SessionKind<Init, State> {
  open(init: Init): State;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each method has its own argument type
  methods: Record<string, (state: State, arg: any, ctx: CallContext) => unknown>;
}

/** A kind of session as the protocol declares it (../protocol.ts): every method it names, with
 *  its argument and answer, so the host cannot drift from what the client sends. */
export type HostKind<K extends KindName, State> = {
  open(init: InitOf<K>): State;
  methods: {
    [M in MethodOf<K>]: (
      state: State,
      arg: ArgOf<K, M>,
      ctx: CallContext,
    ) => ResultOf<K, M> | Promise<ResultOf<K, M>>;
  };
};

export { nextTask } from './nextTask';

// ── the explorer: one picture (forward pass, BPTT, one update) at a time ──────────────────────

export interface ExplorerState {
  request: ExploreRequest | null;
  result: ExploreResult | null;
}

export const explorerKind = {
  open: (init: ExplorerInit): ExplorerState => ({ request: init.request ?? null, result: null }),
  methods: {
    explore(state: ExplorerState, req: ExploreRequest): ExploreResponse {
      const res = explore(req);
      if (!res.ok) return res;
      state.request = req;
      state.result = res.value;
      // The session keeps its own copy: the answer's buffers are transferred (detached here).
      return { ok: true, value: structuredClone(res.value) };
    },
  },
} satisfies HostKind<'explorer', ExplorerState>;

/** Every kind the protocol declares, each with its host (a missing one does not compile). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind has its own state
export const sessionKinds: { [K in KindName]: HostKind<K, any> } = {
  explorer: explorerKind,
  lab: labKind,
  compare: compareKind,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyKinds = Record<string, SessionKind<any, any>>;

// ── the worker's table of open sessions ──────────────────────────────────────────────────────

interface OpenSession {
  kind: string;
  state: unknown;
  /** Per method: the highest sequence number received (a call or a cancel). */
  latest: Map<string, number>;
}

export function createSessions(kinds: AnyKinds = sessionKinds) {
  const open = new Map<number, OpenSession>();
  let nextId = 1;

  function get(id: number): OpenSession {
    const s = open.get(id);
    if (!s) throw new Error(`no open session ${id}`);
    return s;
  }

  /** Records that calls of `method` up to `seq` are superseded by `seq`. */
  function bump(s: OpenSession, method: string, seq: number) {
    s.latest.set(method, Math.max(s.latest.get(method) ?? 0, seq));
  }

  return {
    open(kind: string, init: unknown): number {
      const k = kinds[kind];
      if (!k) throw new Error(`unknown session kind ${kind}`);
      const id = nextId++;
      open.set(id, { kind, state: k.open(init), latest: new Map() });
      return id;
    },

    close(id: number): void {
      open.delete(id);
    },

    /** Supersedes every call of `method` numbered `seq` or lower (without a newer call). */
    cancel(id: number, method: string, seq: number): void {
      const s = open.get(id);
      if (s) bump(s, method, seq + 1);
    },

    async call(
      id: number,
      method: string,
      seq: number,
      arg: unknown,
    ): Promise<CallOutcome<unknown>> {
      const s = get(id);
      const fn = kinds[s.kind].methods[method];
      if (!fn) throw new Error(`a ${s.kind} session has no method ${method}`);
      bump(s, method, seq);
      const ctx: CallContext = {
        superseded: () => open.get(id) !== s || (s.latest.get(method) ?? 0) > seq,
      };
      await nextTask();
      if (ctx.superseded()) return { cancelled: true };
      const value = await fn(s.state, arg, ctx);
      if (ctx.superseded()) return { cancelled: true };
      return { cancelled: false, value };
    },

    /** How many sessions are open (for tests and diagnostics). */
    count(): number {
      return open.size;
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
