import { describe, expect, it } from 'vitest';
import { argmax, spokenSymbol, visibleSymbol, whitespaceWord } from './symbols';

describe('symbols', () => {
  it('finds the argmax of a row (the first on ties; -1 when nothing is > -∞)', () => {
    const v = new Float64Array([0.1, 0.7, 0.2, 0.9, 0.05, 0.05]);
    expect(argmax(v, 0, 3)).toBe(1);
    expect(argmax(v, 3, 3)).toBe(0);
    expect(argmax([2, 2, 1])).toBe(0);
    expect(argmax([NaN, NaN])).toBe(-1);
  });

  it('makes whitespace visible and speakable, from one table', () => {
    expect([' ', '\n', '\t', 'a'].map(visibleSymbol)).toEqual(['␣', '↵', '⇥', 'a']);
    expect([' ', 'a'].map(spokenSymbol)).toEqual(['“space”', '“a”']);
    expect(whitespaceWord('x')).toBeNull();
  });
});
