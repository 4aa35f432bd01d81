import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { defaultLabChoices } from './choices';
import {
  allocSequence,
  COPY_SYMBOLS,
  evalSequences,
  EVAL_STEPS,
  fillSequence,
  makeTask,
  rngFor,
  SINE_OMEGA,
  stepCorrect,
} from './tasks';

const choices = (over: object) => ({ ...defaultLabChoices(), ...over });

describe('delayed copy', () => {
  it('targets the symbol seen k steps ago and scores nothing before step k+1', () => {
    const task = makeTask(choices({ task: 'copy', delay: 3, seqLen: 12 }));
    expect([task.D, task.K, task.loss, task.T]).toEqual([
      COPY_SYMBOLS,
      COPY_SYMBOLS,
      'cross-entropy',
      12,
    ]);
    const seq = allocSequence(task);
    fillSequence(task, seq, createRng(7));
    const x = Array.from(seq.inputIndex!);
    expect(new Set(x).size).toBeGreaterThan(1);
    for (let t = 0; t < 12; t++) {
      const row = Array.from(seq.targets!.subarray(t * COPY_SYMBOLS, (t + 1) * COPY_SYMBOLS));
      // Independently: one-hot of x_{t-3}, or all zeros (no loss) for the first three steps.
      const want = Array.from({ length: COPY_SYMBOLS }, (_, k) =>
        t >= 3 && x[t - 3] === k ? 1 : 0,
      );
      expect(row).toEqual(want);
      expect(seq.answer[t]).toBe(t >= 3 ? x[t - 3] : -1);
    }
  });

  it('scores a step by the most likely output', () => {
    const task = makeTask(choices({ task: 'copy', delay: 1, seqLen: 3 }));
    const seq = allocSequence(task);
    fillSequence(task, seq, createRng(1));
    const yhat = new Float64Array(3 * COPY_SYMBOLS);
    yhat[1 * COPY_SYMBOLS + seq.inputIndex![0]] = 0.9;
    yhat[2 * COPY_SYMBOLS + ((seq.inputIndex![1] + 1) % COPY_SYMBOLS)] = 0.9;
    expect(stepCorrect(task, seq, 0, yhat, 0)).toBeNull();
    expect(stepCorrect(task, seq, 1, yhat, 1)).toBe(true);
    expect(stepCorrect(task, seq, 2, yhat, 2)).toBe(false);
  });

  it('refuses a delay as long as the sequence', () => {
    expect(() => makeTask(choices({ task: 'copy', delay: 5, seqLen: 5 }))).toThrow(/delay/);
  });
});

describe('running parity', () => {
  it('targets the parity of the bits so far', () => {
    const task = makeTask(choices({ task: 'parity', seqLen: 40 }));
    const seq = allocSequence(task);
    fillSequence(task, seq, createRng(3));
    const x = Array.from(seq.inputIndex!);
    expect(x.every((b) => b === 0 || b === 1)).toBe(true);
    expect(x.filter((b) => b === 1).length).toBeGreaterThan(5);
    for (let t = 0; t < 40; t++) {
      const ones = x.slice(0, t + 1).reduce((a, b) => a + b, 0);
      expect(seq.targetIndex![t]).toBe(ones % 2);
    }
  });
});

describe('sine wave', () => {
  it('targets the next value of one sine, real-valued, with squared error', () => {
    const task = makeTask(choices({ task: 'sine', seqLen: 30 }));
    expect([task.D, task.K, task.loss]).toEqual([1, 1, 'squared-error']);
    const seq = allocSequence(task);
    fillSequence(task, seq, createRng(5));
    const x = seq.inputs!;
    const y = seq.targets!;
    for (let t = 0; t < 29; t++) expect(y[t]).toBeCloseTo(x[t + 1], 12);
    // A sine of frequency ω obeys x_{t+1} + x_{t-1} = 2 cos(ω) x_t: recover ω from the data.
    let num = 0;
    let den = 0;
    for (let t = 1; t < 29; t++) {
      num += (x[t + 1] + x[t - 1]) * x[t];
      den += 2 * x[t] * x[t];
    }
    const omega = Math.acos(num / den);
    expect(omega).toBeGreaterThanOrEqual(SINE_OMEGA.min - 1e-9);
    expect(omega).toBeLessThanOrEqual(SINE_OMEGA.max + 1e-9);
    for (let t = 1; t < 29; t++)
      expect(x[t + 1] + x[t - 1]).toBeCloseTo(2 * Math.cos(omega) * x[t], 9);
    // The last target is the next value past the inputs.
    expect(y[29]).toBeCloseTo(2 * Math.cos(omega) * x[29] - x[28], 9);
    expect(x.every((v) => Math.abs(v) <= 1)).toBe(true);
  });
});

describe('text', () => {
  it('is next-character prediction over the text’s vocabulary', () => {
    const task = makeTask(choices({ task: 'text', text: 'abcab', seqLen: 25 }));
    expect(task.vocab!.chars).toEqual(['a', 'b', 'c']);
    expect(task.T).toBe(4); // the whole text is shorter than a window
    expect(Array.from(task.textSeq!.inputIndex!)).toEqual([0, 1, 2, 0]);
    expect(Array.from(task.textSeq!.targetIndex!)).toEqual([1, 2, 0, 1]);
    const other = allocSequence(makeTask(choices({ task: 'parity' })));
    expect(() => fillSequence(task, other, createRng(1))).toThrow(/walks through the text/);
  });
});

describe('seeded draws', () => {
  it('rngFor is a pure function of seed, stream and iteration', () => {
    const a = rngFor(9, 2, 41).next();
    expect(rngFor(9, 2, 41).next()).toBe(a);
    expect(rngFor(9, 2, 42).next()).not.toBe(a);
    expect(rngFor(9, 3, 41).next()).not.toBe(a);
    expect(rngFor(10, 2, 41).next()).not.toBe(a);
  });

  it('evalSequences are fixed per seed and hold EVAL_STEPS scored steps', () => {
    const task = makeTask(choices({ task: 'copy', delay: 20, seqLen: 25 }));
    const a = evalSequences(task, 4);
    expect(a.length * (25 - 20)).toBeGreaterThanOrEqual(EVAL_STEPS);
    expect(Array.from(evalSequences(task, 4)[3].inputIndex!)).toEqual(Array.from(a[3].inputIndex!));
    expect(Array.from(evalSequences(task, 5)[3].inputIndex!)).not.toEqual(
      Array.from(a[3].inputIndex!),
    );
  });
});
