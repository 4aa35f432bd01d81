// Shared shapes of the RNN core. Vectors and matrices are Float64Array, matrices row-major:
// element (i, j) of an R x C matrix M sits at M[i * C + j].

import type { ActivationName, CellName, Dims, LossName, ParamName } from './model';

export type { ActivationName, CellName, Dims, LossName, ParamName };
export { PARAM_NAMES } from './model';

/**
 * The shared parameters of model.ts (U, W, V, b, c), each row-major, with the dimensions and
 * the cell (a gated cell stacks one block of H rows of U, W, b per gate).
 */
export type Params = Dims &
  Record<ParamName, Float64Array> & {
    /**
     * Leaky units' keep rates (H entries in [0, 1), model.ts CHOICES.keep): fixed, not trained,
     * so not a ParamName; present exactly when the cell declares `keep`.
     */
    keep?: Float64Array;
  };

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
  /** An LSTM's cell state before the first step (H entries; zeros when absent). */
  m0?: Float64Array;
  seq: Sequence;
  /** Names of the one-hot positions (D = K), for labels only: they change no number. */
  symbols?: readonly string[];
  /** A teacher's remark, carried along untouched. */
  notes?: string;
}

/** Gradients of L with respect to every parameter and to s_0 (and an LSTM's m_0). */
export type Grads = Record<ParamName | 's0', Float64Array> & { m0?: Float64Array };

/**
 * What an LSTM's trace holds beyond the vanilla keys (every array T x H, row t-1 is step t).
 * ∂L/∂m_t has two parts: through s_t (s_t = q_t ⊙ tanh(m_t)) and through m_{t+1}
 * (m_{t+1} = f_{t+1} ⊙ m_t + …).
 */
export interface LstmExtras {
  cell: 'lstm';
  m0: Float64Array; // H
  gates: { i: Float64Array; f: Float64Array; g: Float64Array; q: Float64Array };
  m: Float64Array; // cell state m_t
  tanh_m: Float64Array; // tanh(m_t)
  dL_dm_from_s: Float64Array; // ∂L/∂s_t ⊙ q_t ⊙ (1 - tanh²(m_t))
  dL_dm_from_next: Float64Array; // ∂L/∂m_{t+1} ⊙ f_{t+1} (0 at t = T)
  dL_dm: Float64Array; // ∂L/∂m_t, the sum of the two parts
}

/**
 * What a GRU's trace holds beyond the vanilla keys (T x H each, row t-1 is step t). Step t
 * sends ∂L/∂s_{t-1} four parts: straight through z_t ⊙ s_{t-1}, and through the pre-activations
 * of z_t, n_t (via r_t ⊙ s_{t-1}) and r_t. Their sum is dL_ds_next of row t-1 (and grads.s0 at t = 1).
 */
export interface GruExtras {
  cell: 'gru';
  gates: { r: Float64Array; z: Float64Array; n: Float64Array };
  rs: Float64Array; // r_t ⊙ s_{t-1}, what W_n multiplies
  dL_dsprev_direct: Float64Array; // z_t ⊙ ∂L/∂s_t
  dL_dsprev_z: Float64Array; // W_zᵀ ∂L/∂a_{z,t}
  dL_dsprev_n: Float64Array; // r_t ⊙ (W_nᵀ ∂L/∂a_{n,t})
  dL_dsprev_r: Float64Array; // W_rᵀ ∂L/∂a_{r,t}
}

export type GatedExtras = LstmExtras | GruExtras;

/**
 * What a trace of leaky units holds beyond the vanilla keys (T x H each, row t-1 is step t):
 * s_t = keep ⊙ s_{t-1} + (1 − keep) ⊙ f(a_t), so ∂L/∂s_t's part from the future has two paths,
 * through W and a_{t+1}, and straight along the kept share.
 */
export interface LeakyExtras {
  keep: Float64Array; // H, the keep rates
  fa: Float64Array; // f(a_t), the new share of s_t
  dL_ds_next_W: Float64Array; // Wᵀ ∂L/∂a_{t+1} (0 at t = T)
  dL_ds_next_kept: Float64Array; // keep ⊙ ∂L/∂s_{t+1} (0 at t = T)
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
  dL_ds_next: Float64Array; // T x H, W^T ∂L/∂a_{t+1}: the part from the future (0 at t = T);
  // for leaky units also + keep ⊙ ∂L/∂s_{t+1} (LeakyExtras keeps the two apart)
  dL_ds: Float64Array; // T x H, ∂L/∂s_t, the sum of the two parts
  dL_da: Float64Array; // T x H, ∂L/∂a_t = f'(a_t) ⊙ ∂L/∂s_t ((1 − keep) ⊙ … for leaky units)
  // A gated cell's a and dL_da are T x GH, the G gate blocks stacked (model.ts, CELLS), and its
  // contrib rows for U, W, b are as wide as those parameters.
  /**
   * Row t-1 of each is step t's term: U ∂L/∂a_t x_tᵀ, W ∂L/∂a_t s_{t-1}ᵀ, V ∂L/∂o_t s_tᵀ,
   * b ∂L/∂a_t, c ∂L/∂o_t (T x the parameter's size).
   */
  contrib: Record<ParamName, Float64Array>;
  grads: Grads;
  /** A gated cell's gates, cell state and the parts of its gradients; absent for the vanilla cell. */
  gated?: GatedExtras;
  /** Leaky units' keep rates, f(a_t) and the two paths from the future; absent for the others. */
  leaky?: LeakyExtras;
}
