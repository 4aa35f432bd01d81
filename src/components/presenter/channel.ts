// The speaker-notes window and the presenting window talk over one BroadcastChannel (same
// origin, any window). The presenting window owns the state: it sends where it is on every
// change; the notes window sends commands (the clicker's forward and back, go to a step) and
// shows what it hears, so stepping in either window moves both.

export const CHANNEL_NAME = 'unrolled-presenter';

/** What the presenting window is showing. */
export interface PresenterState {
  type: 'state';
  /** The lesson step, 1-based; 0 when no lesson is open. */
  lesson: number;
  /** The cursor label (0, f3, b2, update). */
  step: string;
  notation: 'uvw' | 'wxh';
}

export type PresenterCommand =
  { type: 'hello' } | { type: 'forward' } | { type: 'back' } | { type: 'lesson'; lesson: number };

export type PresenterMessage = PresenterState | PresenterCommand;

/** A message from the channel, if it has a shape we know (anything else is ignored). */
export function readMessage(data: unknown): PresenterMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'hello':
    case 'forward':
    case 'back':
      return { type: m.type };
    case 'lesson':
      return Number.isInteger(m.lesson) ? { type: 'lesson', lesson: m.lesson as number } : null;
    case 'state':
      return Number.isInteger(m.lesson) &&
        typeof m.step === 'string' &&
        (m.notation === 'uvw' || m.notation === 'wxh')
        ? { type: 'state', lesson: m.lesson as number, step: m.step, notation: m.notation }
        : null;
    default:
      return null;
  }
}

export function openChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
}
