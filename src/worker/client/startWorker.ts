import { expose } from 'comlink';
import { WORKER_BOOTED } from '../protocol';
import type { WorkerLike } from './client';

// How the app's worker is started, in the first way this page allows:
//
// 1. `new Worker(url)`: the normal case.
// 2. From a blob: URL: a page with an opaque origin (an iframe with sandbox="allow-scripts")
//    may not start a worker from the server's URL (SecurityError), but it may fetch the script
//    in CORS mode and start it from a blob: of its own (the CSP allows `worker-src blob:`).
// 3. In the page: the same api behind a MessageChannel, loaded with import(); every call the
//    explorer makes takes milliseconds, so the page stays responsive.
// Each fallback is remembered, so a restart after a crash does not try the failed ways again.

type Mode = 'direct' | 'blob' | 'page';
let mode: Mode = 'direct';
let blobUrl: Promise<string> | null = null;

/** How the current worker runs (for tests and the notice). */
export const workerMode = (): Mode => mode;

/** A WorkerLike for a worker that is not there yet: messages and listeners wait for it, and if
 *  it never comes (rejected), the listeners hear an `error` event, as from a dead worker. */
export function deferredWorker(ready: Promise<WorkerLike>, onFail?: () => void): WorkerLike {
  type Listener = Parameters<WorkerLike['addEventListener']>;
  const listeners: Listener[] = [];
  const queue: [unknown, Transferable[] | undefined][] = [];
  let target: WorkerLike | null = null;
  let terminated = false;
  ready.then(
    (w) => {
      if (terminated) return w.terminate();
      target = w;
      for (const l of listeners) w.addEventListener(...l);
      for (const [msg, transfer] of queue.splice(0)) w.postMessage(msg, transfer);
    },
    () => {
      onFail?.();
      if (terminated) return;
      const event = new Event('error', { cancelable: true });
      for (const [type, l] of listeners)
        if (type !== 'error') continue;
        else if (typeof l === 'function') l(event);
        else l.handleEvent(event);
    },
  );
  return {
    postMessage(msg: unknown, transfer?: Transferable[]) {
      if (target) target.postMessage(msg, transfer);
      else queue.push([msg, transfer]);
    },
    addEventListener(...l: Listener) {
      listeners.push(l);
      target?.addEventListener(...l);
    },
    removeEventListener(...l: Listener) {
      const i = listeners.findIndex(([t, f]) => t === l[0] && f === l[1]);
      if (i >= 0) listeners.splice(i, 1);
      target?.removeEventListener(...l);
    },
    terminate() {
      terminated = true;
      target?.terminate();
    },
  };
}

/** Resolves with the worker once it has posted WORKER_BOOTED; rejects if it fails first. */
function booted(w: Worker): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent) => {
      if (e.data !== WORKER_BOOTED) return;
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
      resolve(w);
    };
    const onError = (e: Event) => {
      e.preventDefault();
      w.terminate();
      reject(new Error('the worker could not start'));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
  });
}

function startFromBlob(url: URL): Promise<WorkerLike> {
  blobUrl ??= fetch(url)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.text();
    })
    .then((source) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  // Classic, not module: Chrome refuses a module worker from a blob: of an opaque origin. The
  // bundled worker is one file without import or export, so it runs as a classic script too.
  return blobUrl.then((u) => booted(new Worker(u, { name: 'rnn' })));
}

/** The api in the page, behind a MessageChannel: what a worker would answer, on this thread. */
function startInPage(): WorkerLike {
  const { port1, port2 } = new MessageChannel();
  let closed = false;
  void import('../host/api').then(({ createApi }) => {
    if (!closed) expose(createApi(), port2);
  });
  return {
    postMessage: (msg: unknown, transfer?: Transferable[]) =>
      port1.postMessage(msg, transfer ?? []),
    addEventListener: port1.addEventListener.bind(port1) as WorkerLike['addEventListener'],
    removeEventListener: port1.removeEventListener.bind(port1) as WorkerLike['removeEventListener'],
    start: () => port1.start(),
    terminate() {
      closed = true;
      port1.close();
      port2.close();
    },
  };
}

/** Starts the rnn worker (its bundled URL) in the first way that works here. */
export function startRnnWorker(url: URL): WorkerLike {
  if (mode === 'direct') {
    try {
      return new Worker(url, { type: 'module', name: 'rnn' });
    } catch {
      mode = 'blob'; // SecurityError: an opaque origin, or a worker from another origin
    }
  }
  if (mode === 'blob' && typeof Worker === 'function') {
    // If it cannot start, the client sees an error and restarts it: in the page from then on.
    return deferredWorker(startFromBlob(url), () => {
      mode = 'page';
    });
  }
  mode = 'page';
  return startInPage();
}
