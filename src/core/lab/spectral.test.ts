import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { rescaleToSpectralRadius, spectralNorm, spectralReport } from './spectral';

/** P A Pᵀ for a permutation P: same eigenvalues and singular values, no visible structure. */
function permute(A: number[][], perm: number[]): Float64Array {
  const n = A.length;
  const M = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) M[perm[i] * n + perm[j]] = A[i][j];
  return M;
}

const rotation = (theta: number, r: number) => [
  [r * Math.cos(theta), -r * Math.sin(theta)],
  [r * Math.sin(theta), r * Math.cos(theta)],
];

describe('spectralReport', () => {
  it('finds the largest |λ| of a diagonal matrix, and ‖W‖₂ = ρ for it', () => {
    const W = permute(
      [
        [0.5, 0, 0],
        [0, -3, 0],
        [0, 0, 1],
      ],
      [2, 0, 1],
    );
    const r = spectralReport(W, 3);
    expect(r.spectralRadius).toBeCloseTo(3, 8);
    expect(r.dominant.re).toBeCloseTo(-3, 8);
    expect(r.spectralNorm).toBeCloseTo(3, 8);
    expect(r.converged).toBe(true);
  });

  it('handles a rotation: a complex pair r e^{±iθ}, where plain power iteration never settles', () => {
    const W = Float64Array.from(rotation(0.7, 0.9).flat());
    const r = spectralReport(W, 2);
    expect(r.spectralRadius).toBeCloseTo(0.9, 10);
    expect(r.dominant.re).toBeCloseTo(0.9 * Math.cos(0.7), 10);
    expect(r.dominant.im).toBeCloseTo(0.9 * Math.sin(0.7), 10);
    expect(r.spectralNorm).toBeCloseTo(0.9, 10);
    expect(r.converged).toBe(true);
  });

  it('handles a rotation block beside smaller eigenvalues, in a non-normal matrix', () => {
    // Upper block-triangular: eigenvalues 1.2 e^{±0.3i}, 0.5, -0.4, whatever is above the blocks.
    const [[a, b], [c, d]] = rotation(0.3, 1.2);
    const A = [
      [a, b, 0.7, -0.2],
      [c, d, 0.1, 0.9],
      [0, 0, 0.5, 2],
      [0, 0, 0, -0.4],
    ];
    const r = spectralReport(permute(A, [1, 3, 0, 2]), 4);
    expect(r.spectralRadius).toBeCloseTo(1.2, 8);
    expect(Math.abs(r.dominant.im)).toBeCloseTo(1.2 * Math.sin(0.3), 8);
    // Not normal: ‖W‖₂ > ρ(W).
    expect(r.spectralNorm).toBeGreaterThan(1.3);
  });

  it('handles a ± pair of equal modulus', () => {
    const W = permute(
      [
        [2, 0, 0],
        [0, -2, 0],
        [0, 0, 1],
      ],
      [1, 2, 0],
    );
    expect(spectralReport(W, 3).spectralRadius).toBeCloseTo(2, 8);
  });

  it('tells ρ from ‖·‖₂ for a non-normal matrix with known values', () => {
    // [[0.5, 10], [0, 0.4]]: eigenvalues 0.5 and 0.4; σ_max from the 2 x 2 formula.
    const W = Float64Array.from([0.5, 10, 0, 0.4]);
    const r = spectralReport(W, 2);
    expect(r.spectralRadius).toBeCloseTo(0.5, 8);
    const fro2 = 0.25 + 100 + 0.16;
    const det = 0.2;
    const sigma = Math.sqrt((fro2 + Math.sqrt(fro2 * fro2 - 4 * det * det)) / 2);
    expect(r.spectralNorm).toBeCloseTo(sigma, 8);
    expect(spectralNorm(W, 2)).toBe(r.spectralNorm);
  });
});

describe('rescaleToSpectralRadius', () => {
  it('rescales a random W to the chosen radius, leaving W itself alone', () => {
    const rng = createRng(2);
    const n = 12;
    const W = Float64Array.from({ length: n * n }, () => rng.normal() / Math.sqrt(n));
    const copy = W.slice();
    const scaled = rescaleToSpectralRadius(W, n, 1.5);
    expect(W).toEqual(copy);
    expect(spectralReport(scaled, n).spectralRadius).toBeCloseTo(1.5, 6);
  });

  it('refuses a nilpotent W (ρ = 0)', () => {
    expect(() => rescaleToSpectralRadius(Float64Array.from([0, 1, 0, 0]), 2, 1)).toThrow(
      /radius 0/,
    );
  });
});
