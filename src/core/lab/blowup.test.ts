import { describe, expect, it } from 'vitest';
import { BLOWUP, blowupCause, chanceLoss, finiteBlowup, zeroGradientSteps } from './blowup';

describe('chanceLoss', () => {
  it('is log K for cross-entropy and the mean Σ y² for squared error', () => {
    expect(chanceLoss('cross-entropy', 4, [])).toBeCloseTo(Math.log(4), 15);
    // Two steps of K = 2: (1 + 0) and (0.25 + 0.25) → mean 0.75.
    expect(chanceLoss('squared-error', 2, [Float64Array.from([1, 0, 0.5, 0.5])])).toBeCloseTo(
      0.75,
      15,
    );
  });
});

describe('finiteBlowup', () => {
  it('fires only far above both the start and a blind guess', () => {
    const chance = Math.log(40);
    expect(finiteBlowup(3.5, 3.47, chance)).toBeNull();
    expect(finiteBlowup(300, 3.47, chance)).toBeNull();
    const b = finiteBlowup(420, 3.47, chance)!;
    expect(b.reference).toBe(Math.max(3.47, chance));
    expect(b.growth).toBeCloseTo(420 / b.reference, 12);
    expect(b.growth).toBeGreaterThan(BLOWUP.growth);
  });

  it('takes the blind guess as the yardstick when the first loss was already blown up', () => {
    const b = finiteBlowup(6.4e48, 6.4e48, 0.51)!;
    expect(b.reference).toBe(0.51);
  });

  it('leaves NaN and Infinity to the NaN check', () => {
    expect(finiteBlowup(Infinity, 1, 1)).toBeNull();
    expect(finiteBlowup(NaN, 1, 1)).toBeNull();
  });
});

describe('zeroGradientSteps', () => {
  it('counts exact zeros before T (entry T is the last loss itself)', () => {
    expect(zeroGradientSteps([0, 0, 1e-300, 2, 0])).toBe(2);
  });
});

describe('blowupCause', () => {
  it('says no step back through time with truncation 1', () => {
    expect(blowupCause([1, 1e9], 1e20, 1)).toEqual({ kind: 'no-time-steps' });
  });

  it('calls a gradient norm that grew tenfold or more exploding, from its smallest', () => {
    const c = blowupCause([30, 26, 40], 4890, 25);
    expect(c).toEqual({ kind: 'exploding', from: 26, to: 4890, over: 2, growth: 4890 / 26 });
  });

  it('calls a norm that went to Infinity exploding', () => {
    expect(blowupCause([2, 3], Infinity, 25)).toMatchObject({ kind: 'exploding', to: Infinity });
  });

  it('calls a steady norm a step-size problem', () => {
    expect(blowupCause([5, 6, 4], 7, 25)).toMatchObject({ kind: 'step-size', from: 4, to: 7 });
  });

  it('looks only at the last BLOWUP.history iterations', () => {
    const old = [1e-3, ...Array.from({ length: BLOWUP.history }, () => 5)];
    expect(blowupCause(old, 6, 25).kind).toBe('step-size');
  });
});
