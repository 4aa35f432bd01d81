import { describe, expect, it } from 'vitest';
import { seededOrder, seededShuffle } from './shuffle';

describe('seeded order', () => {
  it('is a permutation, the same for the same seed and key', () => {
    for (const seed of [0, 1, 2, 12345, 2 ** 31]) {
      const o = seededOrder(7, seed, 'slip');
      expect([...o].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(seededOrder(7, seed, 'slip')).toEqual(o);
    }
  });

  it('differs across seeds and across keys', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, s) => seededOrder(5, s, 'a').join()));
    expect(orders.size).toBeGreaterThan(10);
    expect(seededOrder(6, 1, 'a')).not.toEqual(seededOrder(6, 1, 'b'));
  });

  it('puts each position first about equally often', () => {
    const first = [0, 0, 0];
    for (let s = 0; s < 3000; s++) first[seededOrder(3, s, 'k')[0]]++;
    for (const c of first) expect(c).toBeGreaterThan(850);
  });

  it('shuffles items without touching the input', () => {
    const items = ['x', 'y', 'z'] as const;
    const out = seededShuffle(items, 3, 'k');
    expect([...out].sort()).toEqual(['x', 'y', 'z']);
    expect(items).toEqual(['x', 'y', 'z']);
    expect(seededShuffle([], 1, 'k')).toEqual([]);
  });
});
