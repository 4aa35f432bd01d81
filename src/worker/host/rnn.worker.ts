// First: zod must not probe for eval under the app's Content-Security-Policy (see zodNoEval.ts).
import '../../zodNoEval';
import { expose } from 'comlink';
import { createApi } from './api';
import { WORKER_BOOTED } from '../protocol';

expose(createApi());
// Tells a page that started it from a blob: URL that it runs (client/startWorker.ts).
self.postMessage(WORKER_BOOTED);
