// First: zod must not probe for eval under the app's Content-Security-Policy (see zodNoEval.ts).
import '../zodNoEval';
import { expose } from 'comlink';
import { createApi } from './api';

expose(createApi());
