import { createRng } from '../rng';

// How strongly W stretches the hidden state, two ways (W is H x H, row-major, not symmetric):
//  - the spectral radius ρ(W) = max |λ_i(W)|, which decides whether Wⁿ grows or shrinks for
//    large n (the long-run fate of gradients flowing back through many steps);
//  - the spectral norm ‖W‖₂ = σ_max(W) = √λ_max(WᵀW), the most one multiplication can stretch
//    a vector (ρ ≤ ‖W‖₂, with equality for normal matrices, e.g. symmetric or rotations).
// Both by power iteration. Plain power iteration on W fails when the dominant eigenvalues are
// a complex pair (a rotation-like W: the iterate turns forever) or a ± pair, so each step fits
// the two-term recurrence W²x ≈ p·Wx + q·x by least squares: once x lives in the dominant
// invariant plane, the roots of z² − p z − q are its two eigenvalues, real or complex.

export interface SpectralReport {
  /** ρ(W) = max |λ|, from power iteration on W with the two-term fit. */
  spectralRadius: number;
  /** A dominant eigenvalue λ (re, im); for a complex pair, the one with im ≥ 0. */
  dominant: { re: number; im: number };
  /** ‖W‖₂ = σ_max(W), from power iteration on WᵀW. */
  spectralNorm: number;
  /** Did the radius settle to the tolerance within the iteration budget? */
  converged: boolean;
  iterations: number;
}

export interface SpectralOptions {
  maxIter?: number;
  /** Relative change of the estimate between steps that counts as settled; default 1e-10. */
  tol?: number;
  /** Seed of the start vector; default 1. */
  seed?: number;
}

/** y = M x for an n x n row-major M. */
function matVec(M: Float64Array, n: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += M[i * n + j] * x[j];
    y[i] = acc;
  }
}

/** y = Mᵀ x for an n x n row-major M. */
function matTVec(M: Float64Array, n: number, x: Float64Array, y: Float64Array): void {
  y.fill(0);
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    for (let j = 0; j < n; j++) y[j] += M[i * n + j] * xi;
  }
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

function startVector(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = rng.normal();
  const norm = Math.sqrt(dot(x, x));
  for (let i = 0; i < n; i++) x[i] /= norm;
  return x;
}

/** The larger in modulus of the roots of z² − p z − q = 0. */
function dominantRoot(p: number, q: number): { re: number; im: number } {
  const disc = p * p + 4 * q;
  if (disc >= 0) {
    const r = Math.sqrt(disc);
    const a = (p + r) / 2;
    const b = (p - r) / 2;
    return { re: Math.abs(a) >= Math.abs(b) ? a : b, im: 0 };
  }
  return { re: p / 2, im: Math.sqrt(-disc) / 2 };
}

/** ρ(W) and ‖W‖₂ of an n x n row-major matrix. */
export function spectralReport(
  W: Float64Array,
  n: number,
  opts: SpectralOptions = {},
): SpectralReport {
  if (W.length !== n * n) throw new Error(`W: expected ${n * n} entries, got ${W.length}`);
  const maxIter = opts.maxIter ?? 2000;
  const tol = opts.tol ?? 1e-10;
  const seed = opts.seed ?? 1;
  const x = startVector(n, seed);
  let y = new Float64Array(n);
  let z = new Float64Array(n);
  let estimate = NaN;
  let dominant = { re: 0, im: 0 };
  let converged = false;
  let iterations = 0;
  for (let k = 1; k <= maxIter; k++) {
    iterations = k;
    matVec(W, n, x, y);
    matVec(W, n, y, z);
    // Least squares z ≈ p y + q x: the 2 x 2 normal equations.
    const yy = dot(y, y);
    const xx = dot(x, x);
    const xy = dot(x, y);
    const zy = dot(z, y);
    const zx = dot(z, x);
    const det = yy * xx - xy * xy;
    let next: number;
    if (yy === 0) {
      // W x = 0: x is in the null space; ρ may still be > 0, but this start cannot see it.
      next = 0;
      dominant = { re: 0, im: 0 };
    } else if (det <= 1e-12 * yy * xx) {
      // y ∥ x: a real dominant eigenvalue, y = λ x.
      const lambda = xy / xx;
      dominant = { re: lambda, im: 0 };
      next = Math.abs(lambda);
    } else {
      const p = (zy * xx - zx * xy) / det;
      const q = (zx * yy - zy * xy) / det;
      dominant = dominantRoot(p, q);
      next = Math.hypot(dominant.re, dominant.im);
    }
    if (Math.abs(next - estimate) <= tol * Math.max(next, 1e-300)) {
      estimate = next;
      converged = true;
      break;
    }
    estimate = next;
    if (yy === 0) break;
    // Advance one step (x ← W x), normalised; z becomes scratch.
    const norm = Math.sqrt(yy);
    for (let i = 0; i < n; i++) x[i] = y[i] / norm;
    [y, z] = [z, y];
  }
  return {
    spectralRadius: estimate,
    dominant,
    spectralNorm: spectralNorm(W, n, opts),
    converged,
    iterations,
  };
}

/** ‖W‖₂ = σ_max(W): power iteration on WᵀW (symmetric, so it converges without the fit). */
export function spectralNorm(W: Float64Array, n: number, opts: SpectralOptions = {}): number {
  const maxIter = opts.maxIter ?? 2000;
  const tol = opts.tol ?? 1e-10;
  const x = startVector(n, opts.seed ?? 1);
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  let sigma = 0;
  for (let k = 0; k < maxIter; k++) {
    matVec(W, n, x, y);
    matTVec(W, n, y, z);
    const lambda = Math.sqrt(dot(z, z)); // ‖WᵀW x‖ with ‖x‖ = 1 → λ_max(WᵀW)
    const next = Math.sqrt(lambda);
    if (lambda === 0) return 0;
    for (let i = 0; i < n; i++) x[i] = z[i] / lambda;
    if (Math.abs(next - sigma) <= tol * next) return next;
    sigma = next;
  }
  return sigma;
}

/**
 * W scaled to spectral radius `target` (a new array): W · target / ρ(W), since ρ(cW) = |c| ρ(W).
 * Throws when ρ(W) is 0 (nothing to scale).
 */
export function rescaleToSpectralRadius(
  W: Float64Array,
  n: number,
  target: number,
  opts: SpectralOptions = {},
): Float64Array {
  if (!(target >= 0) || !Number.isFinite(target))
    throw new RangeError(`target spectral radius must be ≥ 0, got ${target}`);
  const rho = spectralReport(W, n, opts).spectralRadius;
  if (!(rho > 0)) throw new RangeError('W has spectral radius 0: there is nothing to rescale');
  const c = target / rho;
  return W.map((w) => w * c);
}
