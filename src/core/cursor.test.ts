import { describe, expect, it } from 'vitest';
import {
  cursorCount,
  cursorInfo,
  cursorLabel,
  forwardKnown,
  gradKnown,
  parseCursorLabel,
  placeCursorLabel,
  cursorTitle,
  cursorHeading,
  nextPressWords,
  walkButtonWords,
} from './cursor';

describe('step cursor', () => {
  const T = 3;
  const labels = ['0', 'f1', 'f2', 'f3', 'b3', 'b2', 'b1', 'update'];

  it('walks 0, f1..fT, bT..b1, update: 2T + 2 positions', () => {
    expect(cursorCount(T)).toBe(8);
    expect(labels.map((_, i) => cursorLabel(i, T))).toEqual(labels);
  });

  it('parses every label back to its index and refuses the rest', () => {
    labels.forEach((l, i) => expect(parseCursorLabel(l, T)).toBe(i));
    for (const bad of ['f0', 'f4', 'b4', 'x1', '', 'f1 ', 'F1', 'b01', '-1', 'updates'])
      expect(parseCursorLabel(bad, T)).toBeNull();
  });

  it('knows which forward values and gradients exist at each position', () => {
    // After f2: steps 1 and 2 computed, 3 not; no gradients.
    expect([1, 2, 3].map((t) => forwardKnown(2, T, t))).toEqual([true, true, false]);
    expect([0, 1, 2, 3].map((t) => gradKnown(2, T, t))).toEqual([false, false, false, false]);
    // After b2 (index 5): gradients for t >= 2.
    expect(cursorInfo(5, T)).toEqual({ phase: 'backward', t: 2 });
    expect([1, 2, 3].map((t) => gradKnown(5, T, t))).toEqual([false, true, true]);
    expect(gradKnown(5, T, 0)).toBe(false);
    expect(gradKnown(6, T, 0)).toBe(true); // dL/ds_0 arrives with b1
    expect(forwardKnown(0, T, 1)).toBe(false);
    expect(forwardKnown(0, T, 0)).toBe(true); // s_0 is given
    expect(gradKnown(7, T, 2)).toBe(true);
  });
});

describe('cursor words and placement', () => {
  it('titles and headings name the phase and the step', () => {
    expect([0, 1, 4, 5, 8, 9].map((i) => cursorTitle(i, 4))).toEqual([
      'Start',
      'Forward, t = 1',
      'Forward, t = 4',
      'Backward, t = 4',
      'Backward, t = 1',
      'Update',
    ]);
    expect(cursorHeading(6, 4, 0.1)).toBe('Backward pass, t = 3 (from t = 4 down to 1)');
    expect(cursorHeading(9, 4, 0.1)).toBe('Gradient step, learning rate α = 0.1');
  });

  it('a label keeps its meaning when T changes, and clamps where it cannot', () => {
    // b3 is index 6 when T = 4 and index 10 when T = 6: still the backward step at t = 3.
    expect(placeCursorLabel('b3', 4)).toEqual({ index: 6, clamped: false });
    expect(placeCursorLabel('b3', 6)).toEqual({ index: 10, clamped: false });
    expect(cursorLabel(placeCursorLabel('b3', 6)!.index, 6)).toBe('b3');
    expect(placeCursorLabel('f9', 4)).toEqual({ index: 4, clamped: true });
    expect(placeCursorLabel('b9', 4)).toEqual({ index: 5, clamped: true });
    expect(cursorLabel(placeCursorLabel('b9', 4)!.index, 4)).toBe('b4');
    expect(placeCursorLabel('update', 2)).toEqual({ index: 5, clamped: false });
    expect(placeCursorLabel('x1', 4)).toBeNull();
  });
});

describe('what the next press does', () => {
  const T = 3;
  it('names the pass of the next position, the backward pass walking back in time', () => {
    const words = Array.from({ length: cursorCount(T) }, (_, i) => nextPressWords(i, T));
    expect(words).toEqual([
      'forward pass, t = 1',
      'forward pass, t = 2',
      'forward pass, t = 3',
      'backward pass starts at t = 3',
      'backward pass, back to t = 2',
      'backward pass, back to t = 1',
      'the gradient step (update)',
      null,
    ]);
  });
  it("names the lesson's step button for what it does", () => {
    expect(walkButtonWords(0, T)).toBe('Run t = 1');
    expect(walkButtonWords(3, T)).toBe('Start the backward pass at t = 3');
    expect(walkButtonWords(4, T)).toBe('Send the gradient back to t = 2');
    expect(walkButtonWords(6, T)).toBe('Apply the update');
    expect(walkButtonWords(7, T)).toBeNull();
  });
});
