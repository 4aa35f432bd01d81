import { describe, expect, it } from 'vitest';
import { plainNumber, updateLossAdvice } from './lossAdvice';

describe('updateLossAdvice', () => {
  it('says nothing when the step lowered the loss or kept it', () => {
    expect(updateLossAdvice(5, 4.2, 0.1)).toBeNull();
    expect(updateLossAdvice(5, 5, 0.1)).toBeNull();
  });

  it('says the step overshot and suggests α / 10 when the loss went up', () => {
    const a = updateLossAdvice(2, 2.5, 0.1)!; // 1.25 times: below MUCH_WORSE_RATIO
    expect(a.severity).toBe('worse');
    expect(a.suggestedLr).toBe(0.01);
    expect(a.text).toContain('2 → 2.5');
    expect(a.text).toContain('overshot');
    expect(a.text).toContain('try α = 0.01');
  });

  it('speaks more strongly when the loss grew many times over, with the numbers computed', () => {
    const a = updateLossAdvice(75.8, 7040, 0.1)!;
    expect(a.severity).toBe('much-worse');
    expect(a.text).toContain('The loss is now 92.9 times what it was');
    expect(a.text).toContain('75.8 → 7,040');
    expect(a.text).toContain('α = 0.1 is far too large');
    expect(updateLossAdvice(1, 3, 0.5)!.suggestedLr).toBe(0.05);
  });

  it('treats an overflow as much worse', () => {
    expect(updateLossAdvice(3, Infinity, 1)!.severity).toBe('much-worse');
    expect(updateLossAdvice(3, NaN, 1)!.severity).toBe('much-worse');
  });

  it('writes numbers as a student reads them', () => {
    expect(plainNumber(7040.2)).toBe('7,040');
    expect(plainNumber(0.012345)).toBe('0.0123');
  });
});
