import { describe, expect, it } from 'vitest';
import { initParams } from '../params';
import { createRng } from '../rng';
import {
  checkGradients,
  denseSequence,
  roundingRelError,
  ROUNDING_SLACK,
  UNIT_ROUNDOFF,
} from './checkGradients';

describe('denseSequence', () => {
  it('turns indices into one-hot rows', () => {
    const d = denseSequence({
      T: 2,
      D: 3,
      K: 2,
      inputIndex: Int32Array.from([2, 0]),
      targetIndex: Int32Array.from([1, 0]),
    });
    expect(Array.from(d.inputs)).toEqual([0, 0, 1, 1, 0, 0]);
    expect(Array.from(d.targets)).toEqual([0, 1, 1, 0]);
  });
});

describe('checkGradients', () => {
  it('finds BPTT right to the size rounding predicts and says where the worst entry is and why', () => {
    const params = initParams({ H: 8, D: 4, K: 4 }, createRng(3));
    const seq = {
      T: 12,
      D: 4,
      K: 4,
      inputIndex: Int32Array.from({ length: 12 }, (_, t) => (t * 7) % 4),
      targetIndex: Int32Array.from({ length: 12 }, (_, t) => (t * 3 + 1) % 4),
    };
    const r = checkGradients(params, 'tanh', 'cross-entropy', seq, createRng(1), 80);
    expect(r.checked).toBe(80);
    expect(r.worstRelError).toBeLessThan(1e-6);
    expect(['U', 'W', 'V', 'b', 'c', 's0']).toContain(r.where.param);
    expect(r.where.row).toBeGreaterThanOrEqual(0);
    // The reason gives rounding's expected size (it used to say "about 1e-7 or less").
    expect(r.worstRelError).toBeLessThan(ROUNDING_SLACK * r.expectedRelError);
    expect(r.reason).toContain(r.expectedRelError.toExponential(1));
    expect(r.reason).toMatch(/u·\|L\|\/ε/);
    expect(r.reason).toMatch(/right/);
    expect(r.reason.split('\n')).toHaveLength(1);
  });

  it('works on real-valued inputs and squared error', () => {
    const params = initParams({ H: 6, D: 1, K: 1 }, createRng(5));
    const inputs = Float64Array.from({ length: 10 }, (_, t) => Math.sin(0.3 * t));
    const targets = Float64Array.from({ length: 10 }, (_, t) => Math.sin(0.3 * (t + 1)));
    const r = checkGradients(
      params,
      'sigmoid',
      'squared-error',
      { T: 10, D: 1, K: 1, inputs, targets },
      createRng(2),
    );
    expect(r.worstRelError).toBeLessThan(1e-6);
  });
});

describe('roundingRelError', () => {
  it('is u·|L|/ε against max(|g|, floor)', () => {
    expect(roundingRelError(2, 1e-5, 0.01, 1e-4)).toBeCloseTo(
      (UNIT_ROUNDOFF * 2) / 1e-5 / 0.01,
      30,
    );
    // A tiny gradient is measured against the floor.
    expect(roundingRelError(-2, 1e-5, 1e-9, 1e-4)).toBe(roundingRelError(2, 1e-5, 1e-4, 1e-4));
    // Halving ε doubles it.
    expect(roundingRelError(1, 5e-6, 1, 1e-4)).toBeCloseTo(
      2 * roundingRelError(1, 1e-5, 1, 1e-4),
      30,
    );
  });
});
