import { describe, expect, it } from 'vitest';
import {
  buildVocab,
  charSequence,
  codePoints,
  decodeIndices,
  encodeText,
  makeCharScenario,
  oneHot,
  vocabFromChars,
} from './encoding';
import { gradientCheck } from './gradcheck';
import { initParams } from './params';
import { createRng } from './rng';
import { computeTrace } from './trace';

describe('buildVocab', () => {
  it('sorts the distinct characters by code point and indexes them', () => {
    const v = buildVocab('hello');
    expect(v.chars).toEqual(['e', 'h', 'l', 'o']);
    expect([...v.index]).toEqual([
      ['e', 0],
      ['h', 1],
      ['l', 2],
      ['o', 3],
    ]);
  });

  it('orders by code point, not by locale (upper case, space and digits first)', () => {
    expect(buildVocab('ba B1 a').chars).toEqual([' ', '1', 'B', 'a', 'b']);
  });

  it('takes Unicode by code points: an astral character is one entry, not two halves', () => {
    const text = 'a😀b😀é';
    expect(text.length).toBe(7); // UTF-16 units
    const v = buildVocab(text);
    expect(v.chars).toEqual(['a', 'b', 'é', '😀']);
    // Code-point order puts U+FF21 before U+1F600; UTF-16 order (the default sort) would not,
    // since U+1F600 starts with the surrogate 0xD83D < 0xFF21.
    expect(buildVocab('😀Ａ').chars).toEqual(['Ａ', '😀']);
  });

  it('is the same whatever the order the characters appear in', () => {
    expect(buildVocab('cab').chars).toEqual(buildVocab('abc').chars);
    expect(vocabFromChars(['z', 'a', 'z']).chars).toEqual(['a', 'z']);
  });

  it('of empty text is empty', () => {
    const v = buildVocab('');
    expect(v.chars).toEqual([]);
    expect(v.index.size).toBe(0);
  });
});

describe('encodeText and oneHot', () => {
  it('maps characters to their vocabulary index and back', () => {
    const v = buildVocab('abcab');
    const idx = encodeText('abcab', v);
    expect(idx).toBeInstanceOf(Int32Array);
    expect(Array.from(idx)).toEqual([0, 1, 2, 0, 1]);
    expect(decodeIndices(idx, v)).toBe('abcab');
  });

  it('encodes astral characters as one index each', () => {
    const v = buildVocab('x😀');
    expect(Array.from(encodeText('😀x😀', v))).toEqual([1, 0, 1]);
    expect(codePoints('😀x😀')).toHaveLength(3);
  });

  it('throws on a character outside the vocabulary', () => {
    expect(() => encodeText('abz', buildVocab('ab'))).toThrow(/"z" \(U\+007A\)/);
  });

  it('one-hot: T x V row-major with a single 1 per row', () => {
    const m = oneHot(Int32Array.of(2, 0, 1), 3);
    expect(m).toBeInstanceOf(Float64Array);
    expect(Array.from(m)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(oneHot([], 4)).toHaveLength(0);
  });

  it('one-hot refuses an index out of range', () => {
    expect(() => oneHot([0, 3], 3)).toThrow(RangeError);
    expect(() => oneHot([-1], 3)).toThrow(RangeError);
    expect(() => oneHot([0.5], 3)).toThrow(RangeError);
  });
});

describe('charSequence', () => {
  it('inputs are characters 0..n-2 and targets the next characters 1..n-1', () => {
    const r = charSequence('hello');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { vocab, seq, inputIndex, targetIndex } = r.value;
    expect(vocab.chars).toEqual(['e', 'h', 'l', 'o']);
    expect(seq.T).toBe(4);
    expect(seq.D).toBe(4);
    expect(seq.K).toBe(4);
    expect(decodeIndices(inputIndex, vocab)).toBe('hell');
    expect(decodeIndices(targetIndex, vocab)).toBe('ello');
    expect(seq.inputs).toEqual(oneHot(inputIndex, 4));
    expect(seq.targets).toEqual(oneHot(targetIndex, 4));
    // x_2 = 'e', y_2 = 'l'
    expect(Array.from(seq.inputs.subarray(4, 8))).toEqual([1, 0, 0, 0]);
    expect(Array.from(seq.targets.subarray(4, 8))).toEqual([0, 0, 1, 0]);
  });

  it('counts T in code points', () => {
    const r = charSequence('😀😃😀');
    expect(r.ok && r.value.seq.T).toBe(2);
    expect(r.ok && r.value.vocab.chars).toEqual(['😀', '😃']);
  });

  it('works with two characters (T = 1), even a single repeated one (V = 1)', () => {
    const r = charSequence('aa');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.seq.T).toBe(1);
    expect(Array.from(r.value.seq.inputs)).toEqual([1]);
    expect(Array.from(r.value.seq.targets)).toEqual([1]);
  });

  it('refuses text shorter than 2 characters with a clear error', () => {
    for (const text of ['', 'a', '😀']) {
      const r = charSequence(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^text: expected at least 2 characters/);
    }
  });

  it('uses a given vocabulary, and reports a character missing from it', () => {
    const vocab = buildVocab('abcd');
    const r = charSequence('ba', vocab);
    expect(r.ok && r.value.seq.D).toBe(4);
    expect(r.ok && Array.from(r.value.inputIndex)).toEqual([1]);
    const bad = charSequence('bax', vocab);
    expect(bad).toEqual({
      ok: false,
      error: 'text: character "x" (U+0078) is not in the vocabulary',
    });
  });
});

describe('makeCharScenario', () => {
  it('builds the vocabulary, the one-hot sequence and seeded initial weights', () => {
    const r = makeCharScenario({
      text: 'hello',
      hidden: 3,
      activation: 'sigmoid',
      loss: 'squared-error',
      seed: 42,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { scenario, vocab } = r.value;
    expect(vocab.chars).toEqual(['e', 'h', 'l', 'o']);
    expect(scenario.activation).toBe('sigmoid');
    expect(scenario.loss).toBe('squared-error');
    expect(scenario.params).toMatchObject({ H: 3, D: 4, K: 4 });
    expect(scenario.params).toEqual(initParams({ H: 3, D: 4, K: 4 }, createRng(42)));
    expect(Array.from(scenario.s0)).toEqual([0, 0, 0]);
    expect(scenario.seq.T).toBe(4);
  });

  it('defaults to tanh and cross-entropy', () => {
    const r = makeCharScenario({ text: 'abab', hidden: 2, seed: 1 });
    expect(r.ok && r.value.scenario.activation).toBe('tanh');
    expect(r.ok && r.value.scenario.loss).toBe('cross-entropy');
  });

  it('the same seed gives the same weights, another seed others', () => {
    const make = (seed: number) => makeCharScenario({ text: 'abcabc', hidden: 4, seed });
    const a = make(7);
    const b = make(7);
    const c = make(8);
    if (!a.ok || !b.ok || !c.ok) throw new Error('expected ok');
    expect(a.value.scenario.params).toEqual(b.value.scenario.params);
    expect(a.value.scenario.params.U).not.toEqual(c.value.scenario.params.U);
  });

  it('gives a scenario whose trace and gradients are sound', () => {
    const r = makeCharScenario({ text: 'to be or not', hidden: 4, seed: 3 });
    if (!r.ok) throw new Error(r.error);
    const tr = computeTrace(r.value.scenario);
    expect(tr.T).toBe(11);
    expect(Number.isFinite(tr.loss)).toBe(true);
    // Roughly uniform at the start: each L_t near log V.
    expect(tr.loss / tr.T).toBeGreaterThan(0.5 * Math.log(r.value.vocab.chars.length));
    expect(gradientCheck(r.value.scenario).maxRelError).toBeLessThan(1e-5);
  });

  it('refuses bad text, hidden size or seed', () => {
    expect(makeCharScenario({ text: 'a', hidden: 2, seed: 1 })).toMatchObject({ ok: false });
    expect(makeCharScenario({ text: 'ab', hidden: 0, seed: 1 })).toEqual({
      ok: false,
      error: 'hidden: expected a positive integer, got 0',
    });
    expect(makeCharScenario({ text: 'ab', hidden: 2.5, seed: 1 })).toMatchObject({ ok: false });
    expect(makeCharScenario({ text: 'ab', hidden: 2, seed: NaN })).toMatchObject({ ok: false });
  });
});
