// The step cursor lives in the core (core/cursor.ts); this re-export keeps older imports working.
export * from '../core/cursor';
