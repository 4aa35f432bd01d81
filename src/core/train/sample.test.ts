import { describe, expect, it } from 'vitest';
import { initParams } from '../params';
import { createRng } from '../rng';
import { sampleChars } from './sample';

const V = 5;
const H = 6;
const params = initParams({ H, D: V, K: V }, createRng(9), 2);

describe('sampleChars', () => {
  it('replays the same characters from the same seed, and leaves h alone', () => {
    const h = Float64Array.from({ length: H }, (_, i) => 0.1 * i);
    const a = sampleChars(params, 'tanh', 2, h, 50, createRng(4));
    const b = sampleChars(params, 'tanh', 2, h, 50, createRng(4));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.every((i) => i >= 0 && i < V)).toBe(true);
    expect(Array.from(h)).toEqual(Array.from({ length: H }, (_, i) => 0.1 * i));
    expect(Array.from(sampleChars(params, 'tanh', 2, h, 50, createRng(5)))).not.toEqual(
      Array.from(a),
    );
  });

  it('temperature 0 takes the most likely character, and so does a very low temperature', () => {
    const h = new Float64Array(H);
    const greedy = sampleChars(params, 'relu', 1, h, 30, createRng(1), 0);
    const cold = sampleChars(params, 'relu', 1, h, 30, createRng(2), 1e-6);
    expect(Array.from(cold)).toEqual(Array.from(greedy));
  });

  it('draws each character about as often as softmax says', () => {
    // With U, W, V = 0 every step has the same logits c: the draws follow softmax(c / temperature).
    const flat = initParams({ H, D: V, K: V }, createRng(1), 0);
    flat.c.set([0, 1, 2, 0, -1]);
    const n = 20000;
    for (const temperature of [1, 2]) {
      const counts = new Array(V).fill(0);
      for (const i of sampleChars(
        flat,
        'tanh',
        0,
        new Float64Array(H),
        n,
        createRng(7),
        temperature,
      ))
        counts[i]++;
      const e = Array.from(flat.c, (c) => Math.exp(c / temperature));
      const Z = e.reduce((s, x) => s + x, 0);
      for (let k = 0; k < V; k++) expect(Math.abs(counts[k] / n - e[k] / Z)).toBeLessThan(0.015);
    }
  });

  it('refuses what it cannot do', () => {
    const h = new Float64Array(H);
    expect(() => sampleChars(params, 'tanh', V, h, 1, createRng(1))).toThrow(/seedIndex/);
    expect(() => sampleChars(params, 'tanh', 0, new Float64Array(2), 1, createRng(1))).toThrow(
      /h:/,
    );
    expect(() => sampleChars(params, 'tanh', 0, h, 1, createRng(1), -1)).toThrow(/temperature/);
    const rect = initParams({ H, D: 3, K: 4 }, createRng(1));
    expect(() => sampleChars(rect, 'tanh', 0, h, 1, createRng(1))).toThrow(/D = K/);
  });
});
