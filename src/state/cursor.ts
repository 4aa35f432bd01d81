// The step cursor of spec/ui-contract.md as an index: 0, f1..fT, bT..b1, update — 2T + 2
// positions. Stepping moves this index over a trace already computed; it never recomputes.

export type Phase = 'init' | 'forward' | 'backward' | 'update';

export interface CursorInfo {
  phase: Phase;
  /** The time step the cursor is at (1..T); 0 for init and update. */
  t: number;
}

export const cursorCount = (T: number) => 2 * T + 2;

export function cursorInfo(index: number, T: number): CursorInfo {
  if (index <= 0) return { phase: 'init', t: 0 };
  if (index <= T) return { phase: 'forward', t: index };
  if (index <= 2 * T) return { phase: 'backward', t: 2 * T + 1 - index };
  return { phase: 'update', t: 0 };
}

/** The cursor as written in the URL and in embed messages: 0, f3, b2, update. */
export function cursorLabel(index: number, T: number): string {
  const { phase, t } = cursorInfo(index, T);
  if (phase === 'init') return '0';
  if (phase === 'update') return 'update';
  return `${phase === 'forward' ? 'f' : 'b'}${t}`;
}

/** Parse a cursor label for a sequence of length T; null when it does not name a position. */
export function parseCursorLabel(label: string, T: number): number | null {
  if (label === '0') return 0;
  if (label === 'update') return 2 * T + 1;
  const m = /^([fb])([1-9]\d{0,3})$/.exec(label);
  if (!m) return null;
  const t = Number(m[2]);
  if (t > T) return null;
  return m[1] === 'f' ? t : 2 * T + 1 - t;
}

/** Is the forward value of step t known at this cursor? (t = 0 is s_0: always.) */
export function forwardKnown(index: number, T: number, t: number): boolean {
  if (t === 0) return true;
  const { phase, t: ct } = cursorInfo(index, T);
  if (phase === 'init') return false;
  if (phase === 'forward') return t <= ct;
  return true;
}

/** Is the gradient at step t known at this cursor? (t = 0: dL/ds_0 arrives with b1.) */
export function gradKnown(index: number, T: number, t: number): boolean {
  const { phase, t: ct } = cursorInfo(index, T);
  if (phase === 'backward') return t === 0 ? ct === 1 : t >= ct;
  return phase === 'update';
}
