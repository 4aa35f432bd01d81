import { describe, expect, it } from 'vitest';
import { texHeightEm, texRows } from './texRows';

describe('texRows', () => {
  it('is one line for plain math', () => {
    expect(texRows('a_t = U x_t + W s_{t-1} + b')).toBe(1);
  });

  it('counts a column vector as tall as its rows', () => {
    expect(
      texRows('s_1 = \\begin{bmatrix} 0.1 \\\\ 0.2 \\\\ \\vdots \\\\ 0.3 \\end{bmatrix}'),
    ).toBe(4);
  });

  it('adds the lines of an aligned block, each as tall as its tallest matrix', () => {
    const col2 = '\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}';
    const col3 = '\\begin{bmatrix} 1 \\\\ 2 \\\\ 3 \\end{bmatrix}';
    const tex = `\\begin{aligned} a &= ${col2} + ${col3} \\\\ s &= \\tanh(a) \\\\ o &= ${col2} \\end{aligned}`;
    expect(texRows(tex)).toBe(3 + 1 + 2);
  });

  it('survives unbalanced environments', () => {
    expect(texRows('\\begin{bmatrix} 1 \\\\ 2')).toBe(2);
    expect(texRows('x \\end{bmatrix} \\\\ y')).toBe(2);
  });
});

describe('texHeightEm', () => {
  it('grows with the rows and makes room for fractions', () => {
    const line = texHeightEm('a = b');
    expect(texHeightEm('\\begin{bmatrix} 1 \\\\ 2 \\\\ 3 \\end{bmatrix}')).toBeGreaterThan(
      2.5 * line,
    );
    expect(texHeightEm('\\frac{\\partial L}{\\partial o}')).toBeGreaterThan(line);
  });
});
