import type { Dims, Grads } from '../types';
import { DEFAULT_KERNELS, type Kernels } from './kernelChoice';
import type { SimdEngine } from './simdPath';

/**
 * A training sequence for the fast path. Inputs and targets may be dense rows, as in the core's
 * Sequence (which fits this type), or, for characters, the index of the hot entry of each
 * one-hot row: then x_t never exists as a vector, U x_t is a column pick and dL/dU a column
 * update. When both forms are given the index wins.
 */
export interface TrainSequence {
  T: number;
  D: number;
  K: number;
  inputs?: Float64Array; // T x D, row t-1 is x_t
  inputIndex?: Int32Array; // T, x_t = e_{inputIndex[t-1]}; -1 means x_t = 0
  targets?: Float64Array; // T x K, row t-1 is y_t
  targetIndex?: Int32Array; // T, y_t = e_{targetIndex[t-1]}
}

/**
 * Every buffer forwardBackward needs, allocated once for sequences of up to maxT steps, so the
 * training loop allocates nothing. Rows are steps of the current chunk (row t-1 is step t).
 * After a call, losses, o, yhat, dL_do, grads and hLast hold that chunk's values; a, s, dL_da,
 * dL_ds_out and dL_ds_next are the plain path's working memory (the WebAssembly path, see
 * simdPath.ts, keeps its own in the module's memory, made on first use, one per workspace, when
 * the workspace's kernels are the SIMD ones).
 */
export interface Workspace {
  dims: Dims;
  maxT: number;
  a: Float64Array; // maxT x H, pre-activations a_t
  s: Float64Array; // (maxT + 1) x H, row 0 is s_0 (the carried state), row t is s_t
  o: Float64Array; // maxT x K, logits o_t
  yhat: Float64Array; // maxT x K, softmax(o_t) or o_t
  losses: Float64Array; // maxT, L_t
  dL_do: Float64Array; // maxT x K, ∂L/∂o_t
  dL_da: Float64Array; // maxT x H, ∂L/∂a_t, kept so the weight gradients can be summed after the sweep
  dL_ds_out: Float64Array; // H, V^T ∂L/∂o_t of the current step
  dL_ds_next: Float64Array; // H, W^T ∂L/∂a_{t+1}: what flows from the future into s_t
  /** Leaky units only (empty otherwise): maxT x H, f(a_t), the new share of s_t. */
  fa: Float64Array;
  yOne: Float64Array; // K, zeros; a one-hot target is written in and erased around each loss call
  /** Gradients of the last forwardBackward: U, W, V, b, c and s0 = ∂L/∂s_0. */
  grads: Grads;
  /** The gradient tensors in paramTensors order (U, W, V, b, c), for clipping and optimizers. */
  gradTensors: Float64Array[];
  /** s_T of the last forwardBackward: the state to carry into the next chunk. */
  hLast: Float64Array;
  /** The kernels the products run on, given when the workspace was made. */
  kernels: Kernels;
  /** The WebAssembly path's engine (simdPath.ts), made on first use; null: the plain loops. */
  engine: SimdEngine | null | undefined;
}

export function createWorkspace(
  dims: Dims & { keep?: Float64Array },
  maxT: number,
  kernels: Kernels = DEFAULT_KERNELS,
): Workspace {
  const { H, D, K } = dims;
  if (!(Number.isInteger(maxT) && maxT >= 1))
    throw new Error(`maxT must be a positive integer, got ${maxT}`);
  const grads: Grads = {
    U: new Float64Array(H * D),
    W: new Float64Array(H * H),
    V: new Float64Array(K * H),
    b: new Float64Array(H),
    c: new Float64Array(K),
    s0: new Float64Array(H),
  };
  return {
    dims: { H, D, K },
    maxT,
    a: new Float64Array(maxT * H),
    s: new Float64Array((maxT + 1) * H),
    o: new Float64Array(maxT * K),
    yhat: new Float64Array(maxT * K),
    losses: new Float64Array(maxT),
    dL_do: new Float64Array(maxT * K),
    dL_da: new Float64Array(maxT * H),
    dL_ds_out: new Float64Array(H),
    dL_ds_next: new Float64Array(H),
    fa: new Float64Array(dims.keep ? maxT * H : 0),
    yOne: new Float64Array(K),
    grads,
    gradTensors: [grads.U, grads.W, grads.V, grads.b, grads.c],
    hLast: new Float64Array(H),
    kernels,
    engine: undefined,
  };
}
