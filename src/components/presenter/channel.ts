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
  /** The step's prediction, with this trace's numbers (lesson text: `$…$` maths, `@W`). */
  question?: string;
  /** Its answer: the right choice and why, for the presenter's eyes only. */
  answer?: string;
  /** Whether the presenting window has revealed it. */
  revealed?: boolean;
  /** Whether the projector is blank. */
  blank?: boolean;
}

export type PresenterCommand =
  | { type: 'hello' }
  | { type: 'forward' }
  | { type: 'back' }
  | { type: 'blank' }
  | { type: 'lesson'; lesson: number };

export type PresenterMessage = PresenterState | PresenterCommand;

/** A message from the channel, if it has a shape we know (anything else is ignored). */
export function readMessage(data: unknown): PresenterMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  switch (m.type) {
    case 'hello':
    case 'forward':
    case 'back':
    case 'blank':
      return { type: m.type };
    case 'lesson':
      return Number.isInteger(m.lesson) ? { type: 'lesson', lesson: m.lesson as number } : null;
    case 'state':
      return Number.isInteger(m.lesson) &&
        typeof m.step === 'string' &&
        (m.notation === 'uvw' || m.notation === 'wxh')
        ? {
            type: 'state',
            lesson: m.lesson as number,
            step: m.step,
            notation: m.notation,
            ...(typeof m.question === 'string' ? { question: m.question.slice(0, 2000) } : {}),
            ...(typeof m.answer === 'string' ? { answer: m.answer.slice(0, 2000) } : {}),
            ...(typeof m.revealed === 'boolean' ? { revealed: m.revealed } : {}),
            ...(typeof m.blank === 'boolean' ? { blank: m.blank } : {}),
          }
        : null;
    default:
      return null;
  }
}

export function openChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL_NAME);
}
