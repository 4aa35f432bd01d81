import { config } from 'zod/v4/core';

// zod compiles a fast parser for each object schema with new Function, and probes for eval
// when the schema is built. The app's Content-Security-Policy forbids eval (vite.config.ts),
// so the probe would be refused and reported as a violation. Told `jitless` before any schema
// exists, zod never probes. Import this module first, before anything that builds a schema.
config({ jitless: true });
