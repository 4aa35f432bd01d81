import { createWasmKernels, type WasmKernels } from './wasmKernels';

// Which kernels a training workspace runs its matrix products on: handed to the workspace when
// it is made (createWorkspace, createGatedWorkspace, createSession, createLabRun), never a
// module-level switch. The WebAssembly SIMD kernels fall back to the plain JavaScript loops by
// themselves where WebAssembly SIMD is missing; the plain ones always run the loops (the tests
// check both paths, the bench times both).

export interface Kernels {
  readonly name: 'simd' | 'plain';
  /** The WebAssembly SIMD kernels over a fresh memory of `doubles` doubles, or null: the
   *  plain loops then do the work. */
  wasm(doubles: number): WasmKernels | null;
}

/** The WebAssembly SIMD kernels where they can run (Node, current browsers), else the loops. */
export const SIMD_KERNELS: Kernels = { name: 'simd', wasm: createWasmKernels };

/** The plain JavaScript loops only. */
export const PLAIN_KERNELS: Kernels = { name: 'plain', wasm: () => null };

/** What a workspace runs on unless told otherwise: the fastest that runs here. */
export const DEFAULT_KERNELS = SIMD_KERNELS;
