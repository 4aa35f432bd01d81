import { releaseProxy, wrap, type Endpoint, type Remote } from 'comlink';
import type { ArgOf, CallOutcome, InitOf, KindName, MethodOf, ResultOf, RnnApi } from '../protocol';

// The page's side of the worker: sessions, superseding, and restart after a crash.
//
// - A session (openSession) lives in the worker; the client keeps the record it was opened
//   from (`remember` updates it), so it can open it again on a new worker.
// - A request supersedes the pending request of the same method on the same session: the older
//   promise rejects with `Cancelled` at once, and the worker skips it if it has not started
//   (see host/sessions.ts) or drops its answer if it has.
// - The worker is taken for dead when it fires `error` (an uncaught error: its state can no
//   longer be trusted) or `messageerror`, or when, while a call is in flight, it leaves a ping
//   unanswered for `pingTimeoutMs` (it called close(), hung, or was killed). Then it is
//   terminated, a new one is started, every open session is opened again from its record, and
//   each interrupted request is sent once more. A request interrupted twice fails with
//   `WorkerCrashed`, so one that kills the worker every time cannot loop.
// - The worker must not block its event loop for longer than `pingTimeoutMs`: the explorer's
//   calls take milliseconds, and long work (training) runs in slices that yield.

/** A request superseded by a newer one (or cancelled): not a failure, nothing to show. */
export class Cancelled extends Error {
  constructor(message = 'superseded by a newer request') {
    super(message);
    this.name = 'Cancelled';
  }
}

/** The worker died while this call was in flight (twice, for a session request). */
export class WorkerCrashed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashed';
  }
}

export function isCancelled(e: unknown): e is Cancelled {
  return e instanceof Cancelled;
}

/** What the client needs of a Worker; tests pass a fake that can crash. */
export interface WorkerLike extends Endpoint {
  terminate(): void;
}

export interface WorkerClientOptions {
  createWorker: () => WorkerLike;
  /** While a call is in flight, the worker is pinged this often (ms). */
  pingEveryMs?: number;
  /** A ping unanswered this long (ms) while a call is in flight means the worker is dead. */
  pingTimeoutMs?: number;
  /** Told after each restart, with the reason (a quiet notice; the state is restored). */
  onRestart?: (reason: string) => void;
}

export interface Session<K extends KindName> {
  readonly kind: K;
  /** Calls `method`; a newer call of the same method supersedes this one (`Cancelled`). */
  request<M extends MethodOf<K>>(method: M, arg: ArgOf<K, M>): Promise<ResultOf<K, M>>;
  /** Cancels the pending call of `method`, if there is one (it rejects with `Cancelled`). */
  cancel(method: MethodOf<K>): void;
  /** Replaces the record the session is opened from again after a crash (the explorer: its
   *  last good request; a training lab: its latest snapshot of weights and optimizer state). */
  remember(init: InitOf<K>): void;
  close(): void;
}

export interface WorkerClient {
  openSession<K extends KindName>(kind: K, init: InitOf<K>): Session<K>;
  /** One call on the worker, outside any session; rejects with `WorkerCrashed` if it dies. */
  call<R>(fn: (api: Remote<RnnApi>) => Promise<R>): Promise<R>;
  /** Terminates the worker and starts a new one, as after a crash. */
  restart(reason?: string): void;
  /** How many workers have been started (1 until the first restart). */
  readonly generation: number;
  /** Stops the worker for good; pending calls reject. */
  dispose(): void;
}

interface SessionHandle {
  reopen(): void;
}

interface Lane {
  seq: number;
  /** Rejects the pending request of this lane, if any. */
  settle: ((e: Error) => void) | null;
}

export function createWorkerClient(options: WorkerClientOptions): WorkerClient {
  const { createWorker, pingEveryMs = 1000, pingTimeoutMs = 5000, onRestart } = options;
  let worker: WorkerLike | null = null;
  let remote: Remote<RnnApi> | null = null;
  let generation = 0;
  let disposed = false;
  const inFlight = new Set<(e: Error) => void>();
  const sessions = new Set<SessionHandle>();
  let pingTimer: ReturnType<typeof setTimeout> | null = null;
  let deadline: ReturnType<typeof setTimeout> | null = null;

  function start(): Remote<RnnApi> {
    const w = createWorker();
    const gen = ++generation;
    worker = w;
    w.addEventListener('error', (e) => {
      // Handled here (restart), so not reported again as the page's uncaught error.
      e.preventDefault();
      crash(gen, 'stopped with an error');
    });
    w.addEventListener('messageerror', () => crash(gen, 'sent a message that could not be read'));
    remote = wrap<RnnApi>(w);
    return remote;
  }

  function stop(): void {
    if (pingTimer) clearTimeout(pingTimer);
    if (deadline) clearTimeout(deadline);
    pingTimer = deadline = null;
    remote?.[releaseProxy]();
    worker?.terminate();
    worker = null;
    remote = null;
  }

  function crash(gen: number, reason: string): void {
    if (gen !== generation || !worker || disposed) return; // this worker is already gone
    const err = new WorkerCrashed(`the worker ${reason}; it has been restarted`);
    const interrupted = [...inFlight];
    inFlight.clear();
    stop();
    start();
    for (const s of sessions) s.reopen();
    onRestart?.(reason);
    for (const reject of interrupted) reject(err);
  }

  // Liveness: only while a call is in flight, one ping at a time.
  function watch(): void {
    if (pingTimer || deadline || !remote) return;
    pingTimer = setTimeout(ping, pingEveryMs);
  }

  function ping(): void {
    pingTimer = null;
    if (inFlight.size === 0 || !remote) return;
    const gen = generation;
    deadline = setTimeout(() => {
      deadline = null;
      if (inFlight.size > 0) crash(gen, `stopped answering for ${pingTimeoutMs} ms`);
    }, pingTimeoutMs);
    remote.ping().then(
      () => {
        if (gen !== generation) return;
        if (deadline) clearTimeout(deadline);
        deadline = null;
        watch();
      },
      () => {}, // a dead worker: the deadline or the error event says so
    );
  }

  function call<R>(fn: (api: Remote<RnnApi>) => Promise<R>): Promise<R> {
    if (disposed) return Promise.reject(new Error('the worker client has been disposed'));
    const api = remote ?? start();
    return new Promise<R>((resolve, reject) => {
      inFlight.add(reject);
      watch();
      fn(api)
        .then(resolve, reject)
        .finally(() => inFlight.delete(reject));
    });
  }

  function openSession<K extends KindName>(kind: K, init: InitOf<K>): Session<K> {
    let record = init;
    let opened: { gen: number; id: Promise<number> } | null = null;
    let closed = false;
    const lanes = new Map<string, Lane>();

    /** The session's id on the current worker, opening it there first if need be. */
    function ensureOpen(): Promise<number> {
      if (disposed) return Promise.reject(new Error('the worker client has been disposed'));
      if (!remote) start();
      if (opened?.gen !== generation) {
        const id = call((r) => r.openSession(kind, record));
        const mine = { gen: generation, id };
        opened = mine;
        id.catch(() => {
          if (opened === mine) opened = null; // try again on the next request
        });
      }
      return opened!.id;
    }

    const handle: SessionHandle = {
      reopen() {
        opened = null;
        if (!closed) ensureOpen().catch(() => {}); // a failure shows on the next request
      },
    };
    sessions.add(handle);

    function laneOf(method: string): Lane {
      let lane = lanes.get(method);
      if (!lane) lanes.set(method, (lane = { seq: 0, settle: null }));
      return lane;
    }

    function request<M extends MethodOf<K>>(method: M, arg: ArgOf<K, M>): Promise<ResultOf<K, M>> {
      if (closed) return Promise.reject(new Error(`the ${kind} session is closed`));
      const lane = laneOf(method);
      const seq = ++lane.seq;
      lane.settle?.(new Cancelled());
      return new Promise<ResultOf<K, M>>((resolve, reject) => {
        let done = false;
        const finish = (settle: () => void) => {
          if (done) return;
          done = true;
          if (lane.settle === fail) lane.settle = null;
          settle();
        };
        const fail = (e: Error) => finish(() => reject(e));
        lane.settle = fail;
        void (async () => {
          for (let attempt = 1; !done; attempt++) {
            try {
              const id = await ensureOpen();
              if (done) return; // superseded before it was sent: never computed
              const out = (await call(
                (r) => r.call(id, method, seq, arg) as Promise<CallOutcome<unknown>>,
              )) as CallOutcome<ResultOf<K, M>>;
              if (out.cancelled) fail(new Cancelled());
              else finish(() => resolve(out.value));
            } catch (e) {
              // Redo once on the restarted worker (the session has been opened there again).
              if (e instanceof WorkerCrashed && attempt < 2) continue;
              fail(e instanceof Error ? e : new Error(String(e)));
            }
          }
        })();
      });
    }

    return {
      kind,
      request,
      cancel(method) {
        const lane = lanes.get(method);
        if (!lane?.settle) return;
        lane.settle(new Cancelled('cancelled'));
        const seq = lane.seq;
        const current = opened;
        current?.id.then((id) => call((r) => r.cancel(id, method, seq))).catch(() => {});
      },
      remember(init) {
        record = init;
      },
      close() {
        if (closed) return;
        closed = true;
        sessions.delete(handle);
        for (const lane of lanes.values()) lane.settle?.(new Cancelled('the session was closed'));
        const current = opened;
        if (current?.gen === generation)
          current.id.then((id) => call((r) => r.closeSession(id))).catch(() => {});
      },
    };
  }

  return {
    openSession,
    call,
    restart(reason = 'was restarted') {
      if (!worker) return;
      crash(generation, reason);
    },
    get generation() {
      return generation;
    },
    dispose() {
      disposed = true;
      stop();
      const err = new Error('the worker client has been disposed');
      for (const reject of inFlight) reject(err);
      inFlight.clear();
      sessions.clear();
    },
  };
}
