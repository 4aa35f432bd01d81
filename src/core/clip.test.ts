import { describe, expect, it } from 'vitest';
import { applyClip, clipByGlobalNorm, clipElementwise, globalNorm } from './clip';

const f64 = (...xs: number[]) => Float64Array.from(xs);

describe('globalNorm', () => {
  it('is the norm of all tensors as one vector', () => {
    expect(globalNorm([f64(3), f64(0, 4)])).toBe(5);
    expect(globalNorm([f64(1, 2, 3, 4, 5), f64(), f64(-6, 7)])).toBeCloseTo(Math.sqrt(140), 14);
    expect(globalNorm([])).toBe(0);
  });
});

describe('clipElementwise', () => {
  it('clamps every entry to [−c, c] in place, as np.clip, and counts what it clipped', () => {
    const a = f64(-7, -5, 0.5, 5, 6);
    const b = f64(100, -0.1);
    expect(clipElementwise([a, b], 5)).toBe(3);
    expect(Array.from(a)).toEqual([-5, -5, 0.5, 5, 5]);
    expect(Array.from(b)).toEqual([5, -0.1]);
  });

  it('leaves NaN as it is and refuses a negative bound', () => {
    const a = f64(NaN, 9);
    clipElementwise([a], 1);
    expect(a[0]).toBeNaN();
    expect(a[1]).toBe(1);
    expect(() => clipElementwise([a], -1)).toThrow();
  });
});

describe('clipByGlobalNorm', () => {
  it('rescales all tensors together when the norm exceeds the bound, and returns the norm before', () => {
    const a = f64(3, 0);
    const b = f64(0, 4);
    expect(clipByGlobalNorm([a, b], 1)).toBe(5);
    expect(a[0]).toBeCloseTo(0.6, 15);
    expect(a[1]).toBe(0);
    expect(b[1]).toBeCloseTo(0.8, 15);
    expect(globalNorm([a, b])).toBeCloseTo(1, 15);
  });

  it('leaves gradients under the bound untouched', () => {
    const a = f64(0.3, -0.4);
    expect(clipByGlobalNorm([a], 1)).toBeCloseTo(0.5, 15);
    expect(Array.from(a)).toEqual([0.3, -0.4]);
  });
});

describe('applyClip', () => {
  it('dispatches on the kind and always reports the norm before clipping', () => {
    const g = () => [f64(3, -4)];
    const none = g();
    expect(applyClip(none, { kind: 'none' })).toBe(5);
    expect(Array.from(none[0])).toEqual([3, -4]);
    const byValue = g();
    expect(applyClip(byValue, { kind: 'value', value: 1 })).toBe(5);
    expect(Array.from(byValue[0])).toEqual([1, -1]);
    const byNorm = g();
    expect(applyClip(byNorm, { kind: 'norm', maxNorm: 2.5 })).toBe(5);
    expect(Array.from(byNorm[0])).toEqual([1.5, -2]);
  });
});
