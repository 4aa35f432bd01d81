// The step cursor of spec/ui-contract.md as an index: 0, f1..fT, bT..b1, update — 2T + 2
// positions. Stepping moves this index over a trace already computed; it never recomputes.
// Everything that parses, writes, interprets or words the cursor is here.

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

const LABEL = /^(0|update|[fb][1-9]\d{0,3})$/;

/** Is this a cursor label at all (0, f3, b2, update), whatever T is? */
export const isCursorLabel = (label: string): boolean => LABEL.test(label);

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

/** The cursor position as a short title, e.g. "Forward, t = 3" (the transport's timeline). */
export function cursorTitle(index: number, T: number): string {
  const { phase, t } = cursorInfo(index, T);
  if (phase === 'init') return 'Start';
  if (phase === 'update') return 'Update';
  return `${phase === 'forward' ? 'Forward' : 'Backward'}, t = ${t}`;
}

/** The cursor position as a heading, e.g. "Backward pass, t = 2 (from t = 4 down to 1)". */
export function cursorHeading(index: number, T: number, lr: number): string {
  const { phase, t } = cursorInfo(index, T);
  switch (phase) {
    case 'init':
      return 'Before the forward pass: the model and its parameters';
    case 'forward':
      return `Forward pass, t = ${t} of ${T}`;
    case 'backward':
      return `Backward pass, t = ${t} (from t = ${T} down to 1)`;
    case 'update':
      return `Gradient step, learning rate α = ${lr}`;
  }
}

/**
 * Where a cursor label lands in a sequence of length T: the same position where it exists
 * (b3 stays the backward step at t = 3), else the nearest one of the same phase (f9 with T = 4
 * is f4), with `clamped` set so the app can say so. null when the label names no position.
 */
export function placeCursorLabel(
  label: string,
  T: number,
): { index: number; clamped: boolean } | null {
  const exact = parseCursorLabel(label, T);
  if (exact !== null) return { index: exact, clamped: false };
  const m = /^([fb])([1-9]\d{0,3})$/.exec(label);
  if (!m) return null;
  return { index: m[1] === 'f' ? T : T + 1, clamped: true };
}

/**
 * What the next press of Step forward does from this position, in words: "Next press: forward
 * pass, t = 2", "Next press: backward pass, t = 2 (the gradient goes back in time)". The
 * backward pass walks back through time with the same forward press, which is what the words
 * are for. null at the end.
 */
export function nextPressWords(index: number, T: number): string | null {
  if (index >= cursorCount(T) - 1) return null;
  const { phase, t } = cursorInfo(index + 1, T);
  if (phase === 'forward') return `forward pass, t = ${t}`;
  if (phase === 'backward')
    return t === T ? `backward pass starts at t = ${t}` : `backward pass, back to t = ${t}`;
  return 'the gradient step (update)';
}

/** The lesson's own step button, named for what it does: "Run t = 2", "Send the gradient back to t = 2". */
export function walkButtonWords(index: number, T: number): string | null {
  if (index >= cursorCount(T) - 1) return null;
  const { phase, t } = cursorInfo(index + 1, T);
  if (phase === 'forward') return `Run t = ${t}`;
  if (phase === 'backward')
    return t === T ? `Start the backward pass at t = ${t}` : `Send the gradient back to t = ${t}`;
  return 'Apply the update';
}
