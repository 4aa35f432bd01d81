import type katexModule from 'katex';

// KaTeX is a third of the app's JS, and the first screen does not need it: it loads with
// import() just after the first paint (main.tsx) or when the first equation mounts, once, and
// tells every waiting <Tex> when it has arrived.

export type Katex = typeof katexModule;

let katex: Katex | null = null;
let pending: Promise<Katex> | null = null;
const listeners = new Set<() => void>();

/** KaTeX if it has arrived, else null. */
export function getKatex(): Katex | null {
  return katex;
}

/** Starts loading KaTeX (once; again only after a failure) and resolves with it. */
export function loadKatex(): Promise<Katex> {
  pending ??= import('katex').then(
    (m) => {
      katex = m.default;
      for (const listener of listeners) listener();
      return katex;
    },
    (error: unknown) => {
      pending = null; // the next equation to mount tries again
      throw error;
    },
  );
  return pending;
}

/** Calls listener once KaTeX has arrived (for useSyncExternalStore); starts loading it. */
export function subscribeKatex(listener: () => void): () => void {
  listeners.add(listener);
  if (!katex) loadKatex().catch((e: unknown) => console.error('KaTeX did not load:', e));
  return () => listeners.delete(listener);
}
