import { wrap, releaseProxy, type Remote } from 'comlink';
import type { RnnApi } from './api';

// One worker for the app's math. If it dies (an uncaught error, out of memory), every call in
// flight is rejected with a clear error and the next call starts a fresh worker, so one bad
// computation never leaves the page waiting forever or without a worker.

let worker: Worker | null = null;
let remote: Remote<RnnApi> | null = null;
const inFlight = new Set<(e: Error) => void>();

function start(): Remote<RnnApi> {
  worker = new Worker(new URL('./rnn.worker.ts', import.meta.url), { type: 'module' });
  const fail = (what: string) => () => {
    const err = new Error(`the worker ${what}; it has been restarted`);
    for (const reject of inFlight) reject(err);
    inFlight.clear();
    restart();
  };
  worker.addEventListener('error', fail('stopped with an error'));
  worker.addEventListener('messageerror', fail('sent a message that could not be read'));
  remote = wrap<RnnApi>(worker);
  return remote;
}

/** Stop the worker (and drop its queue); the next call starts a new one. */
export function restart(): void {
  remote?.[releaseProxy]();
  worker?.terminate();
  worker = null;
  remote = null;
}

/** Run one call on the worker; rejects if the worker dies before it answers. */
export function callWorker<R>(fn: (api: Remote<RnnApi>) => Promise<R>): Promise<R> {
  const api = remote ?? start();
  return new Promise<R>((resolve, reject) => {
    inFlight.add(reject);
    fn(api)
      .then(resolve, reject)
      .finally(() => inFlight.delete(reject));
  });
}
