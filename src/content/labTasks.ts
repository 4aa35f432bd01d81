import type { LabChoices } from '../core/lab/choices';
import { COPY_SYMBOLS, SINE_OMEGA, SINE_TOLERANCE, makeTask } from '../core/lab/tasks';

// The lab's tasks in words: what goes in, what should come out, how success is measured and
// what guessing would score, from the task's own declaration (core/lab/tasks.ts), so the
// words and the numbers cannot drift apart.

export interface TaskWords {
  /** What the network reads and what it must output, at each step. */
  io: string;
  /** The name of the accuracy readout. */
  accuracyLabel: string;
  /** What the accuracy counts, and its yardstick. */
  measure: string;
}

const pct = (v: number) => `${+(100 * v).toPrecision(2)}%`;

export function taskWords(c: Pick<LabChoices, 'task' | 'text' | 'seqLen' | 'delay'>): TaskWords {
  let guess: number | null = null;
  try {
    guess = makeTask(c).chance;
  } catch {
    // choices that make no task (a delay as long as the sequence) are refused elsewhere
  }
  const chance = guess !== null ? `; guessing scores ${pct(guess)}` : '';
  switch (c.task) {
    case 'text':
      return {
        io: 'Input: one character of your text per step (one-hot). Target: the character that follows it; the loss is the cross-entropy of that prediction. Training walks through the text in windows, the hidden state carried from one window to the next.',
        accuracyLabel: 'Accuracy (on the text)',
        measure: `The share of the text's first characters (up to 1,000) whose next character is the network's most likely one, read from s₀ = 0 with the true characters as input. It is measured on the training text itself: there is no held-out text.`,
      };
    case 'copy':
      return {
        io: `Input: a random symbol out of ${COPY_SYMBOLS} per step. Target: the symbol seen ${c.delay} step${c.delay === 1 ? '' : 's'} earlier (the first ${c.delay} steps have none and are not scored), so the state must hold what it saw for ${c.delay} step${c.delay === 1 ? '' : 's'}. Loss: cross-entropy.`,
        accuracyLabel: 'Accuracy (held out)',
        measure: `The share of scored steps of fresh held-out sequences where the most likely output is the symbol from ${c.delay} back${chance}.`,
      };
    case 'parity':
      return {
        io: 'Input: a random bit (0 or 1) per step. Target: the parity of all bits so far (1 when an odd number of them were 1), so every step depends on the whole past. Loss: cross-entropy over the two answers.',
        accuracyLabel: 'Accuracy (held out)',
        measure: `The share of steps of held-out sequences whose parity is the most likely output${chance}.`,
      };
    case 'sine': {
      // Always answering 0 lands within the tolerance when |sin| < tolerance.
      const zero = (2 / Math.PI) * Math.asin(SINE_TOLERANCE);
      return {
        io: `Input: the value of a sine wave at this step (a fresh frequency of ${SINE_OMEGA.min} to ${SINE_OMEGA.max} radians per step and a fresh phase for each sequence). Target: its value at the next step, a number, not a class. Loss: squared error.`,
        accuracyLabel: 'Accuracy (held out)',
        measure: `The share of steps of held-out waves whose predicted next value is within ${SINE_TOLERANCE} of the true one. There is no chance level for a number; always answering 0 would score about ${pct(zero)}.`,
      };
    }
  }
}

/** Why a near-zero loss and a sample that loops can both be true (the text task). */
export const TEACHER_FORCED =
  'The loss is teacher-forced: at every step the network reads the true previous character and is scored only on the next one. A sample runs free: it reads its own previous choices, so one unlikely choice takes it where training never went, and it can loop a line or mix two lines even when the loss is near zero.';
