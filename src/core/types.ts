// Shared shapes of the RNN core. Vectors and matrices are Float64Array, matrices row-major:
// element (i, j) of an R x C matrix M sits at M[i * C + j].

import type { ActivationName, Dims, LossName, ParamName } from './model';

export type { ActivationName, Dims, LossName, ParamName };
export { PARAM_NAMES } from './model';

/** The shared parameters of model.ts (U, W, V, b, c), each row-major, with the dimensions. */
export type Params = Dims & Record<ParamName, Float64Array>;

/** One training sequence: T rows of D inputs and T rows of K targets. */
export interface Sequence {
  T: number;
  D: number;
  K: number;
  inputs: Float64Array; // T x D, row t-1 is x_t
  targets: Float64Array; // T x K, row t-1 is y_t
}

/** Everything the core needs to compute one trace. */
export interface Scenario {
  activation: ActivationName;
  loss: LossName;
  params: Params;
  s0: Float64Array; // H entries, the state before the first step
  seq: Sequence;
  /** Names of the one-hot positions (D = K), for labels only: they change no number. */
  symbols?: readonly string[];
  /** A teacher's remark, carried along untouched. */
  notes?: string;
}

/** Gradients of L with respect to every parameter and to s_0. */
export type Grads = Record<ParamName | 's0', Float64Array>;

/**
 * The forward pass and full BPTT of one sequence. Rows are time steps t = 1..T (row t-1).
 * contrib holds each step's own term of the sums that make the weight gradients, so the
 * explorer can show them accumulating: grads.U = sum over t of contrib.U[t].
 */
export interface Trace extends Dims {
  T: number;
  activation: ActivationName;
  lossName: LossName;
  s0: Float64Array; // H
  a: Float64Array; // T x H, pre-activations a_t
  s: Float64Array; // T x H, hidden states s_t = f(a_t)
  o: Float64Array; // T x K, logits o_t
  yhat: Float64Array; // T x K, softmax(o_t) or o_t
  losses: Float64Array; // T, L_t
  loss: number; // L = sum_t L_t
  dL_do: Float64Array; // T x K, ∂L/∂o_t
  dL_ds_out: Float64Array; // T x H, V^T ∂L/∂o_t: the part of ∂L/∂s_t from the output now
  dL_ds_next: Float64Array; // T x H, W^T ∂L/∂a_{t+1}: the part from the future (0 at t = T)
  dL_ds: Float64Array; // T x H, ∂L/∂s_t, the sum of the two parts
  dL_da: Float64Array; // T x H, ∂L/∂a_t = f'(a_t) ⊙ ∂L/∂s_t
  /**
   * Row t-1 of each is step t's term: U ∂L/∂a_t x_tᵀ, W ∂L/∂a_t s_{t-1}ᵀ, V ∂L/∂o_t s_tᵀ,
   * b ∂L/∂a_t, c ∂L/∂o_t (T x the parameter's size).
   */
  contrib: Record<ParamName, Float64Array>;
  grads: Grads;
}
