import { describe, expect, it } from 'vitest';
import { argmax, gradStroke, norm, visibleSymbol } from './graphData';

describe('graph data helpers', () => {
  it('finds the argmax of a row', () => {
    const v = new Float64Array([0.1, 0.7, 0.2, 0.9, 0.05, 0.05]);
    expect(argmax(v, 0, 3)).toBe(1);
    expect(argmax(v, 3, 3)).toBe(0);
  });

  it('computes a vector norm', () => {
    expect(norm([3, 4, 12], 0, 2)).toBe(5);
    expect(norm([0, 3, 4], 1, 2)).toBe(5);
  });

  it('shows whitespace symbols visibly and indices when there are no labels', () => {
    expect(visibleSymbol(['a', ' ', '\n'], 1)).toBe('␣');
    expect(visibleSymbol(['a', ' ', '\n'], 2)).toBe('↵');
    expect(visibleSymbol(null, 2)).toBe('2');
    expect(visibleSymbol(['a'], -1)).toBe('');
  });

  it('scales arrow width and opacity with the size of the gradient', () => {
    const small = gradStroke(0.01, 1);
    const big = gradStroke(1, 1);
    expect(big.width).toBeGreaterThan(small.width);
    expect(big.opacity).toBe(1);
    expect(gradStroke(5, 1).width).toBe(big.width);
    expect(gradStroke(1, 0).width).toBeGreaterThan(0);
  });
});
