import type { Kernels } from '../train/kernelChoice';
import type { WasmKernels } from '../train/wasmKernels';

// The gated path's three products with W (forward W s, backward Wᵀ ∂L/∂a, and Σ ∂L/∂a sᵀ) on the
// WebAssembly SIMD kernels of the vanilla path (train/wasmKernels.ts). The arrays these read and
// write (s, r ⊙ s, a, ∂L/∂a, the vectors flowing back, ∂L/∂W) are views of the module's memory,
// so the rest of fast.ts runs on them unchanged. The kernels pair columns, so H must be even;
// otherwise, with the plain kernels, or where WebAssembly SIMD is missing, fast.ts keeps its
// plain loops.

/** Offsets (in doubles) of the blocks in the module's memory, and the kernels. */
export interface GatedSimd {
  k: WasmKernels;
  f: Float64Array;
  H: number;
  G: number;
  W: number; // G x H, params.W copied in for each pass
  WT: number; // H x G, its transpose
  s: number; // (maxT + 1) x H
  aux: number; // maxT x H (r ⊙ s for a GRU)
  a: number; // maxT x G
  da: number; // maxT x G
  next: number; // H
  tmp: number; // H
  zero: number; // G zeros
  dW: number; // G x H
}

/** The memory and views for a workspace, or null when the plain loops must do. */
export function createGatedSimd(
  H: number,
  G: number,
  maxT: number,
  kernels: Kernels,
): { simd: GatedSimd; view: (at: number, n: number) => Float64Array } | null {
  if (H % 2 !== 0) return null;
  const sizes = {
    W: G * H,
    WT: H * G,
    s: (maxT + 1) * H,
    aux: maxT * H,
    a: maxT * G,
    da: maxT * G,
    next: H,
    tmp: H,
    zero: G,
    dW: G * H,
  };
  const at: Record<string, number> = {};
  let size = 0;
  for (const [name, n] of Object.entries(sizes)) {
    at[name] = size;
    size += n;
  }
  const k = kernels.wasm(size);
  if (!k) return null;
  const f = new Float64Array(k.memory.buffer, 0, size);
  const simd = { k, f, H, G, ...at } as GatedSimd;
  return { simd, view: (off, n) => f.subarray(off, off + n) };
}

/** Copy W into the memory, and its transpose beside it, for this pass. */
export function loadW(e: GatedSimd, W: Float64Array): void {
  e.f.set(W, e.W);
  e.k.transpose(e.W, e.G, e.H, e.H, e.WT, e.G);
}

/** Row t of a, rows from..to: a += W[from..to] v, with v = row t of s (or of aux). */
export function addWv(e: GatedSimd, t: number, from: number, to: number, v: 's' | 'aux'): void {
  const c = e.a + t * e.G + from;
  // As a row: aᵀ += vᵀ Wᵀ, the columns from..to of WT in pairs.
  e.k.gemm(1, (to - from) / 2, e.H, e[v] + t * e.H, 0, 1, e.WT + from, e.G, c, e.G, c, e.G);
}

/**
 * into = W[from..to]ᵀ ∂L/∂a_t[from..to] (row t of da), or added to `into` when add is true.
 * `into` is next or tmp.
 */
export function wTransposeDa(
  e: GatedSimd,
  t: number,
  from: number,
  to: number,
  into: 'next' | 'tmp',
  add: boolean,
): void {
  const init = add ? e[into] : e.zero;
  const ldi = add ? e.H : 0;
  e.k.gemm(
    1,
    e.H / 2,
    to - from,
    e.da + t * e.G + from,
    0,
    1,
    e.W + from * e.H,
    e.H,
    e[into],
    e.H,
    init,
    ldi,
  );
}

/** ∂L/∂W rows from..to = Σ_t ∂L/∂a_t[from..to] vᵀ over len steps (v: s_{t-1} or r ⊙ s_{t-1}). */
export function gradW(e: GatedSimd, len: number, from: number, to: number, v: 's' | 'aux'): void {
  e.k.gemm(
    to - from,
    e.H / 2,
    len,
    e.da + from,
    1,
    e.G,
    e[v],
    e.H,
    e.dW + from * e.H,
    e.H,
    e.zero,
    0,
  );
}
