import { wrap, releaseProxy, type Remote } from 'comlink';
import type { RnnApi } from './api';

// One worker for the app's math. If it dies (an uncaught error, out of memory) the next call
// starts a fresh one, so one bad computation never leaves the page without a worker.

let worker: Worker | null = null;
let remote: Remote<RnnApi> | null = null;

function start(): Remote<RnnApi> {
  worker = new Worker(new URL('./rnn.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('error', () => restart());
  remote = wrap<RnnApi>(worker);
  return remote;
}

export function restart(): void {
  remote?.[releaseProxy]();
  worker?.terminate();
  worker = null;
  remote = null;
}

export function rnn(): Remote<RnnApi> {
  return remote ?? start();
}
