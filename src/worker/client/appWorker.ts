import { createWorkerClient, type WorkerClient } from './client';
import { startRnnWorker } from './startWorker';
// The host's entry, by URL only (Vite bundles it as the worker's own script): no host code
// comes into the page's bundle from here.
// eslint-disable-next-line no-restricted-imports -- the worker's entry point, as a URL
import rnnWorkerUrl from '../host/rnn.worker.ts?worker&url';

/** A client of a new app worker (the bundled script, or a fallback where a page may not start
 *  one: startWorker.ts). The store holds the app's one (state/appWorker.ts). */
export function createAppWorkerClient(): WorkerClient {
  return createWorkerClient({
    createWorker: () => startRnnWorker(new URL(rnnWorkerUrl, import.meta.url)),
    onRestart: (reason) =>
      console.warn(`Unrolled: the worker ${reason}; a new one took over with the same state.`),
  });
}
