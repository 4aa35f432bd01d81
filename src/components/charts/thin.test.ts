import { describe, expect, it } from 'vitest';
import { thin, thinKeepingStart } from './thin';

describe('thin', () => {
  it('keeps short curves point for point', () => {
    expect(thin([3, 2, 1], 3, 10, { x0: 1 })).toEqual([
      { x: 1, y: 3 },
      { x: 2, y: 2 },
      { x: 3, y: 1 },
    ]);
  });

  it('draws at most max points, each the mean of its bucket', () => {
    const v = Float64Array.from({ length: 1000 }, (_, i) => i);
    const p = thin(v, 1000, 100);
    expect(p.length).toBe(100);
    expect(p[0]).toEqual({ x: 4.5, y: 4.5 });
  });

  it('drops what a log scale cannot show, and looks only at the first n', () => {
    expect(thin([1, 0, NaN, Infinity, 2, 5], 5, 10, { positive: true })).toEqual([
      { x: 0, y: 1 },
      { x: 4, y: 2 },
    ]);
  });
});

describe('thinKeepingStart', () => {
  it('starts at the first value itself, then the buckets', () => {
    const v = Float64Array.from({ length: 1000 }, (_, i) => 1000 - i);
    const p = thinKeepingStart(v, 1000, 100, { x0: 1 });
    expect(p[0]).toEqual({ x: 1, y: 1000 });
    expect(p[1]).toEqual(thin(v, 1000, 100, { x0: 1 })[0]);
    expect(p.length).toBe(101);
    expect(Math.max(...p.map((q) => q.y))).toBe(1000);
  });
  it('adds nothing when the curve is short, and skips what a log scale cannot show', () => {
    expect(thinKeepingStart([3, 2, 1], 3, 10)).toEqual(thin([3, 2, 1], 3, 10));
    const v = [NaN, 0, ...Array.from({ length: 40 }, (_, i) => 40 - i)];
    expect(thinKeepingStart(v, v.length, 10, { positive: true })[0]).toEqual({ x: 2, y: 40 });
    expect(thinKeepingStart([], 0, 10)).toEqual([]);
  });
});
