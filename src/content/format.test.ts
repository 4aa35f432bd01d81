import { describe, expect, it } from 'vitest';
import { fmt, plainLoss } from './format';

describe('fmt', () => {
  it('gives 3 significant digits, powers for the tiny and huge', () => {
    expect(fmt(0.123456)).toBe('0.123');
    expect(fmt(12345)).toBe('1.23e+4');
  });
});

describe('plainLoss', () => {
  it('keeps 4 decimals where they say something', () => {
    expect(plainLoss(3.4712)).toBe('3.4712');
    expect(plainLoss(0.01234)).toBe('0.0123');
    expect(plainLoss(0.001)).toBe('0.0010');
    expect(plainLoss(0)).toBe('0.0000');
  });
  it('never reads 0.0000 for a loss that is not zero, and has no exponent', () => {
    expect(plainLoss(0.00004567)).toBe('0.000046');
    expect(plainLoss(0.0009)).toBe('0.0009');
    expect(plainLoss(0.00099)).toBe('0.00099');
    expect(plainLoss(1.2e-7)).toBe('0.00000012');
    expect(plainLoss(3e-12)).toBe('0.000000000003');
    for (const v of [1e-5, 4.4e-9, 9.99e-4, 1e-19]) {
      expect(plainLoss(v)).not.toMatch(/e|^0\.0000$/);
      expect(Number(plainLoss(v))).toBeGreaterThan(0);
      expect(Math.abs(Number(plainLoss(v)) - v) / v).toBeLessThan(0.06);
    }
  });
  it('says what is past float64 resolution, and passes non-finite values through', () => {
    expect(plainLoss(1e-25)).toBe('< 0.00000000000000000001');
    expect(plainLoss(NaN)).toBe('NaN');
    expect(plainLoss(Infinity)).toBe('Infinity');
  });
});
