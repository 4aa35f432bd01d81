import { describe, expect, it } from 'vitest';
import { gradByTimeNote } from './gradByTimeWhy';

describe('gradByTimeNote', () => {
  it('says nothing when every point can be drawn', () => {
    expect(gradByTimeNote([1e-30, 0.5, 1])).toBeNull();
  });

  it('names the exact zeros, why they are missing and what is left', () => {
    const n = gradByTimeNote([0, 0, 0, 1e-3, 0.2, 1])!;
    expect(n).toMatch(/^At t = 0–2 \(3 of the 6 points\) the gradient is exactly 0/);
    expect(n).toMatch(/saturated/);
    expect(n).toMatch(/The line shows t = 3–5\.$/);
  });

  it('says when only the last step is left, and names NaN', () => {
    expect(gradByTimeNote([0, 0, 0, 2])).toMatch(/Only t = 3 is drawn\.$/);
    expect(gradByTimeNote([NaN, 0, 1, 2])).toMatch(/At t = 0 it is NaN or infinite/);
  });
});
