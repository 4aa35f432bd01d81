import { buildVocab, encodeText, type Vocab } from '../encoding';
import type { LossName } from '../model';
import { createRng, type Rng } from '../rng';
import { argmax } from '../symbols';
import { indexSequence, type TrainSequence } from '../train';
import type { LabChoices, TaskName } from './choices';

// The lab's four tasks: what goes in, what should come out, which loss, and how success is
// measured. Text walks through the user's text (the hidden state carried from one window to
// the next); copy, parity and sine draw a fresh sequence for every iteration and start it
// from s_0 = 0.

/** Symbols of the delayed-copy task (chance level 1 / COPY_SYMBOLS). */
export const COPY_SYMBOLS = 4;
/** Angular frequencies of the sine task, in radians per step (periods of 14 to 42 steps). */
export const SINE_OMEGA = { min: 0.15, max: 0.45 } as const;
/** A sine prediction counts as right when it is within this of the next value. */
export const SINE_TOLERANCE = 0.1;
/** Steps in the held-out set that accuracy is measured on (at least one sequence). */
export const EVAL_STEPS = 400;

export interface LabTask {
  name: TaskName;
  /** Inputs and outputs of the network. */
  D: number;
  K: number;
  loss: LossName;
  /** The steps of one training sequence. */
  T: number;
  /** The text task's vocabulary and the text as indices; absent for the others. */
  vocab?: Vocab;
  /** The whole text as a next-character sequence (T = characters − 1). */
  textSeq?: TrainSequence;
  /** The delayed-copy task's k. */
  delay: number;
  /** Words for the success measure, e.g. "next characters right". */
  successWords: string;
  /** The accuracy of guessing, where there is one class to guess among K; null otherwise. */
  chance: number | null;
}

/**
 * A sequence of a drawn task, with what each step must output: for copy and parity the class
 * (−1: not scored, the first k steps of copy, which have nothing to copy yet).
 */
export interface TaskSequence extends TrainSequence {
  answer: Int32Array;
}

export function makeTask(c: Pick<LabChoices, 'task' | 'text' | 'seqLen' | 'delay'>): LabTask {
  const base = { name: c.task, T: c.seqLen, delay: c.delay };
  switch (c.task) {
    case 'text': {
      const vocab = buildVocab(c.text);
      const V = vocab.chars.length;
      const textSeq = indexSequence(encodeText(c.text, vocab), V);
      return {
        ...base,
        D: V,
        K: V,
        loss: 'cross-entropy',
        T: Math.min(c.seqLen, textSeq.T),
        vocab,
        textSeq,
        successWords: 'next characters predicted right (most likely character)',
        chance: null, // the characters are far from equally likely
      };
    }
    case 'copy':
      if (c.delay >= c.seqLen) throw new RangeError('the delay must be less than the length');
      return {
        ...base,
        D: COPY_SYMBOLS,
        K: COPY_SYMBOLS,
        loss: 'cross-entropy',
        successWords: `symbols from ${c.delay} steps back recalled right`,
        chance: 1 / COPY_SYMBOLS,
      };
    case 'parity':
      return {
        ...base,
        D: 2,
        K: 2,
        loss: 'cross-entropy',
        successWords: 'running parities right',
        chance: 1 / 2,
      };
    case 'sine':
      return {
        ...base,
        D: 1,
        K: 1,
        loss: 'squared-error',
        successWords: `next values within ${SINE_TOLERANCE}`,
        chance: null,
      };
  }
}

/** Buffers for one sequence of a drawn task (copy, parity, sine), filled by fillSequence. */
export function allocSequence(task: LabTask, T = task.T): TaskSequence {
  const { D, K } = task;
  const seq: TaskSequence = { T, D, K, answer: new Int32Array(T) };
  if (task.name === 'sine') {
    seq.inputs = new Float64Array(T * D);
    seq.targets = new Float64Array(T * K);
  } else {
    seq.inputIndex = new Int32Array(T);
    // Copy's first k steps have no target: a row of zeros, whose cross-entropy and gradient are 0.
    if (task.name === 'copy') seq.targets = new Float64Array(T * K);
    else seq.targetIndex = new Int32Array(T);
  }
  return seq;
}

/** Draw a fresh sequence of a drawn task into seq, with rng. */
export function fillSequence(task: LabTask, seq: TaskSequence, rng: Rng): void {
  const { T, K } = seq;
  switch (task.name) {
    case 'copy': {
      const x = seq.inputIndex!;
      const y = seq.targets!;
      y.fill(0);
      for (let t = 0; t < T; t++) {
        x[t] = Math.floor(rng.next() * COPY_SYMBOLS);
        const back = t - task.delay;
        seq.answer[t] = back >= 0 ? x[back] : -1;
        if (back >= 0) y[t * K + x[back]] = 1;
      }
      return;
    }
    case 'parity': {
      const x = seq.inputIndex!;
      let parity = 0;
      for (let t = 0; t < T; t++) {
        x[t] = rng.next() < 0.5 ? 0 : 1;
        parity ^= x[t];
        seq.targetIndex![t] = parity;
        seq.answer[t] = parity;
      }
      return;
    }
    case 'sine': {
      const omega = SINE_OMEGA.min + (SINE_OMEGA.max - SINE_OMEGA.min) * rng.next();
      const phase = 2 * Math.PI * rng.next();
      for (let t = 0; t < T; t++) {
        seq.inputs![t] = Math.sin(omega * t + phase);
        seq.targets![t] = Math.sin(omega * (t + 1) + phase);
        seq.answer[t] = 0;
      }
      return;
    }
    case 'text':
      throw new Error('the text task walks through the text; it draws no sequences');
  }
}

/**
 * Is the output of step t right? yhat holds the outputs (row t at t·K). null when the step is
 * not scored. Classes: the most likely output is the answer; sine: within SINE_TOLERANCE.
 */
export function stepCorrect(
  task: LabTask,
  seq: TrainSequence & { answer?: Int32Array },
  t: number,
  yhat: Float64Array,
  row: number,
): boolean | null {
  const K = task.K;
  if (task.name === 'sine') return Math.abs(yhat[row * K] - seq.targets![t]) < SINE_TOLERANCE;
  const answer = seq.answer ? seq.answer[t] : seq.targetIndex![t];
  if (answer < 0) return null;
  return argmax(yhat, row * K, K) === answer;
}

/**
 * A seeded rng for one purpose (stream) at one iteration: every random draw of a run comes
 * from such an rng, so a run restored at iteration i draws what it would have drawn.
 */
export function rngFor(seed: number, stream: number, i: number): Rng {
  const h =
    Math.imul(seed >>> 0, 0x9e3779b1) ^
    Math.imul((i + 1) >>> 0, 0x85ebca6b) ^
    Math.imul(stream + 1, 0xc2b2ae35);
  return createRng(h >>> 0);
}

/** The streams of rngFor. */
export const STREAM = { init: 1, data: 2, eval: 3, sample: 4, check: 5 } as const;

/** The held-out sequences of a drawn task: fixed per seed, EVAL_STEPS scored steps in all. */
export function evalSequences(task: LabTask, seed: number): TaskSequence[] {
  const scored = task.name === 'copy' ? task.T - task.delay : task.T;
  const n = Math.max(1, Math.ceil(EVAL_STEPS / scored));
  const rng = rngFor(seed, STREAM.eval, 0);
  return Array.from({ length: n }, () => {
    const s = allocSequence(task);
    fillSequence(task, s, rng);
    return s;
  });
}
