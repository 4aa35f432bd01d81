import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, cspMeta } from './scripts/csp';

export default defineConfig({
  plugins: [react(), cspMeta()],
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
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  },
});
