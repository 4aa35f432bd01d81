import { describe, expect, it } from 'vitest';
import { gradStroke, knownLoss, norm, visibleSymbol } from './graphData';

describe('graph data helpers', () => {
  it('computes a vector norm', () => {
    expect(norm([3, 4, 12], 0, 2)).toBe(5);
    expect(norm([0, 3, 4], 1, 2)).toBe(5);
  });

  it('shows whitespace symbols visibly and unit numbers from 1 when there are no labels', () => {
    expect(visibleSymbol(['a', ' ', '\n'], 1)).toBe('␣');
    expect(visibleSymbol(['a', ' ', '\n'], 2)).toBe('↵');
    expect(visibleSymbol(null, 2)).toBe('3');
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

  it('says the loss known at a cursor as the bar and the tooltips both show it', () => {
    const cum = new Float64Array([0, 1, 3, 6]); // L = 1, 2, 3
    expect(knownLoss(cum, 'init', 0, 3)).toEqual({
      value: 0,
      steps: 0,
      range: 'no step computed yet',
    });
    expect(knownLoss(cum, 'forward', 1, 3)).toEqual({ value: 1, steps: 1, range: 't = 1' });
    expect(knownLoss(cum, 'forward', 3, 3)).toEqual({ value: 6, steps: 3, range: 't = 1…3' });
    // At b2 the whole loss is known, whichever L_t the tooltip belongs to.
    expect(knownLoss(cum, 'backward', 2, 3)).toEqual({ value: 6, steps: 3, range: 'all 3 steps' });
    expect(knownLoss(cum, 'update', 0, 3).value).toBe(6);
  });
});
