// Small dense kernels for the training path. Matrices are row-major and walked along rows.
// Each kernel works on several rows (or time steps) at once, so several independent sums are
// in flight instead of one long chain of dependent additions and each value loaded serves more
// than one of them; yet every single sum still adds its terms in the same order as the plain
// loops of trace.ts, so the results are bit for bit the same, only faster. Offsets let them read
// rows of the workspace's buffers without making subarrays.
//
// They are the fallback where WebAssembly SIMD is missing (see simdPath.ts). Products batched
// over time with register tiles (4 x 2 sums held in locals, one store each), and a column-tiled
// Wᵀ g, measured no faster than these on V8 11 (Node 20): there the cost is the map and bounds
// checks V8 repeats for every typed-array access on each loop trip, which tiling does not remove.

/**
 * out[o + r] += Σ_j M[r, j] x[xo + j] for r < rows, j ascending (y ← y + M x).
 * M is rows x cols.
 */
export function gemvAdd(
  M: Float64Array,
  rows: number,
  cols: number,
  x: Float64Array,
  xo: number,
  out: Float64Array,
  o: number,
): void {
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const m0 = r * cols;
    const m1 = m0 + cols;
    const m2 = m1 + cols;
    const m3 = m2 + cols;
    let acc0 = out[o + r];
    let acc1 = out[o + r + 1];
    let acc2 = out[o + r + 2];
    let acc3 = out[o + r + 3];
    for (let j = 0; j < cols; j++) {
      const xj = x[xo + j];
      acc0 += M[m0 + j] * xj;
      acc1 += M[m1 + j] * xj;
      acc2 += M[m2 + j] * xj;
      acc3 += M[m3 + j] * xj;
    }
    out[o + r] = acc0;
    out[o + r + 1] = acc1;
    out[o + r + 2] = acc2;
    out[o + r + 3] = acc3;
  }
  for (; r < rows; r++) {
    const m0 = r * cols;
    let acc = out[o + r];
    for (let j = 0; j < cols; j++) acc += M[m0 + j] * x[xo + j];
    out[o + r] = acc;
  }
}

/**
 * out[i] += Σ_r M[r, i] g[go + r] for i < cols, r ascending (y ← y + Mᵀ g), reading M by rows
 * rather than by columns.
 */
export function gemvTAdd(
  M: Float64Array,
  rows: number,
  cols: number,
  g: Float64Array,
  go: number,
  out: Float64Array,
): void {
  let r = 0;
  for (; r + 3 < rows; r += 4) {
    const m0 = r * cols;
    const m1 = m0 + cols;
    const m2 = m1 + cols;
    const m3 = m2 + cols;
    const g0 = g[go + r];
    const g1 = g[go + r + 1];
    const g2 = g[go + r + 2];
    const g3 = g[go + r + 3];
    for (let i = 0; i < cols; i++) {
      let acc = out[i];
      acc += M[m0 + i] * g0;
      acc += M[m1 + i] * g1;
      acc += M[m2 + i] * g2;
      acc += M[m3 + i] * g3;
      out[i] = acc;
    }
  }
  for (; r < rows; r++) {
    const m0 = r * cols;
    const g0 = g[go + r];
    for (let i = 0; i < cols; i++) out[i] += M[m0 + i] * g0;
  }
}

/**
 * dM[r, j] += Σ_t g[t·rows + r] x[xo + t·cols + j] for t < T ascending: the sum over time of
 * the outer products g_t x_tᵀ (dL/dW = Σ_t dL/da_t s_{t-1}ᵀ and the like). Two rows of dM at a
 * time stay in cache while four steps at a time are added to them, so each x_t entry loaded
 * serves two rows.
 */
export function outerAccum(
  dM: Float64Array,
  rows: number,
  cols: number,
  g: Float64Array,
  T: number,
  x: Float64Array,
  xo: number,
): void {
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const d0 = r * cols;
    const d1 = d0 + cols;
    let t = 0;
    for (; t + 3 < T; t += 4) {
      const g0 = g[t * rows + r];
      const g1 = g[(t + 1) * rows + r];
      const g2 = g[(t + 2) * rows + r];
      const g3 = g[(t + 3) * rows + r];
      const h0 = g[t * rows + r + 1];
      const h1 = g[(t + 1) * rows + r + 1];
      const h2 = g[(t + 2) * rows + r + 1];
      const h3 = g[(t + 3) * rows + r + 1];
      const x0 = xo + t * cols;
      const x1 = x0 + cols;
      const x2 = x1 + cols;
      const x3 = x2 + cols;
      for (let j = 0; j < cols; j++) {
        const y0 = x[x0 + j];
        const y1 = x[x1 + j];
        const y2 = x[x2 + j];
        const y3 = x[x3 + j];
        let acc = dM[d0 + j];
        acc += g0 * y0;
        acc += g1 * y1;
        acc += g2 * y2;
        acc += g3 * y3;
        dM[d0 + j] = acc;
        let acc1 = dM[d1 + j];
        acc1 += h0 * y0;
        acc1 += h1 * y1;
        acc1 += h2 * y2;
        acc1 += h3 * y3;
        dM[d1 + j] = acc1;
      }
    }
    for (; t < T; t++) {
      const g0 = g[t * rows + r];
      const h0 = g[t * rows + r + 1];
      const x0 = xo + t * cols;
      for (let j = 0; j < cols; j++) {
        const y = x[x0 + j];
        dM[d0 + j] += g0 * y;
        dM[d1 + j] += h0 * y;
      }
    }
  }
  for (; r < rows; r++) {
    const d0 = r * cols;
    for (let t = 0; t < T; t++) {
      const g0 = g[t * rows + r];
      const x0 = xo + t * cols;
      for (let j = 0; j < cols; j++) dM[d0 + j] += g0 * x[x0 + j];
    }
  }
}

/** out[j] += Σ_t g[t·n + j] for t < T ascending: a bias gradient, the sum over time. */
export function sumRowsAdd(g: Float64Array, T: number, n: number, out: Float64Array): void {
  for (let t = 0; t < T; t++) {
    const g0 = t * n;
    for (let j = 0; j < n; j++) out[j] += g[g0 + j];
  }
}
