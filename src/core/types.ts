// Shared shapes of the RNN core. Vectors and matrices are Float64Array, matrices row-major:
// element (i, j) of an R x C matrix M sits at M[i * C + j].

export type ActivationName = 'tanh' | 'sigmoid' | 'relu';
export type LossName = 'cross-entropy' | 'squared-error';

export const ACTIVATIONS: readonly ActivationName[] = ['tanh', 'sigmoid', 'relu'];
export const LOSSES: readonly LossName[] = ['cross-entropy', 'squared-error'];

/** H hidden units, D input features, K outputs. */
export interface Dims {
  H: number;
  D: number;
  K: number;
}

/** The five shared parameters: U (H x D), W (H x H), V (K x H), b (H), c (K). */
export interface Params extends Dims {
  U: Float64Array;
  W: Float64Array;
  V: Float64Array;
  b: Float64Array;
  c: Float64Array;
}

/** The names of the parameter tensors, in the order optimizers walk them. */
export const PARAM_NAMES = ['U', 'W', 'V', 'b', 'c'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];

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
}

/** Gradients of L with respect to every parameter and to s_0. */
export interface Grads {
  U: Float64Array;
  W: Float64Array;
  V: Float64Array;
  b: Float64Array;
  c: Float64Array;
  s0: Float64Array;
}

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
  contrib: {
    U: Float64Array; // T x H x D, ∂L/∂a_t x_t^T
    W: Float64Array; // T x H x H, ∂L/∂a_t s_{t-1}^T
    V: Float64Array; // T x K x H, ∂L/∂o_t s_t^T
    b: Float64Array; // T x H, ∂L/∂a_t
    c: Float64Array; // T x K, ∂L/∂o_t
  };
  grads: Grads;
}
