import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './scripts/serviceWorkerPlugin.ts';

// The Content-Security-Policy of the built app: no inline script and no eval.
//
// - script-src 'self': the entry, its chunks and the worker are same-origin module files; Vite's
//   build has no inline script (e2e/csp.spec.ts checks that the page runs under it).
//   'wasm-unsafe-eval' lets the worker compile the WebAssembly it assembles at run time
//   (src/core/train/wasmKernels.ts); it allows WebAssembly.Module(), not eval or new Function.
// - worker-src blob: a page with an opaque origin (a sandboxed iframe) may not start a worker
//   from the server's URL; it fetches the worker's script and starts it from a blob: URL of its
//   own (src/worker/client/startWorker.ts). Only the page's own script can make such a URL.
// - style-src 'unsafe-inline': KaTeX's HTML sets heights and offsets in style attributes
//   (style="height:1.2em;vertical-align:-0.25em"), which a policy without it refuses. (React's
//   style props go through the CSSOM, which no policy blocks.) Inline style cannot run script.
// - font-src data: Vite inlines KaTeX's smallest fonts into the CSS as data: URLs.
// - img-src data: blob: the favicon is `data:,`, and PNG export draws the graph through an image.
// - frame-ancestors is left out: a <meta> policy cannot carry it, and course pages on any origin
//   may embed the explorer (?embed=1).
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy in the BUILT index.html as a <meta http-equiv>, first in <head> so that it
 * governs every script and stylesheet after it. Not in `vite dev`, whose hot reload injects
 * inline script.
 */
function cspMeta(): Plugin {
  return {
    name: 'unrolled:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), cspMeta(), serviceWorker()],
  base: './',
  worker: { format: 'es' },
  // manifest: which chunk imports which, statically or with import(); the load budget
  // (scripts/check-budget.ts) reads it to count only what loads before the first paint.
  build: { target: 'es2022', sourcemap: true, manifest: true },
  // The same policy as a header too, as a server would send it: it covers the worker's script,
  // which a <meta> in the page does not.
  preview: {
    port: 4173,
    strictPort: true,
    headers: {
      'Content-Security-Policy': contentSecurityPolicy,
      // A page framed with sandbox="allow-scripts" has the opaque origin `null`: it fetches its
      // module script, stylesheet, fonts and worker in CORS mode (docs/hosting.md).
      'Access-Control-Allow-Origin': '*',
    },
  },
});
