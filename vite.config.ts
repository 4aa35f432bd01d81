import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  worker: { format: 'es' },
  // manifest: which chunk imports which, statically or with import(); the load budget
  // (scripts/check-budget.ts) reads it to count only what loads before the first paint.
  build: { target: 'es2022', sourcemap: true, manifest: true },
  preview: { port: 4173, strictPort: true },
});
