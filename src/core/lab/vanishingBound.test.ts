import { describe, expect, it } from 'vitest';
import { spectralReport } from './spectral';
import { vanishingBound } from './vanishingBound';

describe('vanishingBound', () => {
  it('is ‖W‖₂ times the activation’s largest slope', () => {
    expect(vanishingBound(2, 'tanh', 3)).toEqual({
      maxSlope: 1,
      bound: 2,
      shrinks: false,
      afterSteps: 8,
      steps: 3,
    });
    const s = vanishingBound(2, 'sigmoid', 2);
    expect(s.maxSlope).toBe(0.25);
    expect(s.bound).toBe(0.5);
    expect(s.shrinks).toBe(true);
    expect(s.afterSteps).toBe(0.25);
  });

  it('can promise nothing for a W with ρ < 1 but ‖W‖₂ > 1', () => {
    const { spectralRadius, spectralNorm } = spectralReport(Float64Array.from([0.9, 5, 0, 0.9]), 2);
    expect(spectralRadius).toBeCloseTo(0.9, 6);
    expect(spectralNorm).toBeGreaterThan(5);
    expect(vanishingBound(spectralNorm, 'tanh', 25).shrinks).toBe(false);
    // Sigmoid's slope is at most 1/4: the bound is a quarter of ‖W‖₂.
    expect(vanishingBound(spectralNorm, 'sigmoid', 25).bound).toBeCloseTo(spectralNorm / 4, 12);
  });

  it('adds the kept share of leaky units: max κ + ‖W‖₂ · max(1 − κ) · max f′', () => {
    expect(vanishingBound(2, 'tanh', 1, [0.5, 0.9]).bound).toBeCloseTo(0.9 + 2 * 0.5, 12);
    // Keep rates of 0 are the vanilla cell.
    expect(vanishingBound(2, 'sigmoid', 1, [0, 0]).bound).toBe(
      vanishingBound(2, 'sigmoid', 1).bound,
    );
  });
});
