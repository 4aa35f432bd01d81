import type { CellName } from '../../core/model';

// Why the gradient of the last loss fades (or not) on its way back, per cell: the words under
// the lab's gradient-by-time chart and the one equation that says it.

export const GRAD_BY_TIME_WHY: Record<CellName, { words: string; tex: string }> = {
  rnn: {
    words:
      'Going back one step multiplies the gradient by Wᵀ diag(f′(aₜ)): the recurrent weights, ' +
      'transposed, times the slope of the activation at that step. Over many steps these factors ' +
      'multiply, so when they shrink vectors the gradient vanishes exponentially (a straight ' +
      'falling line on this log scale), and when they stretch them it explodes.',
    tex: "\\frac{\\partial L_T}{\\partial s_t} = \\Big(\\prod_{k=t+1}^{T} W^{\\top}\\,\\mathrm{diag}\\big(f'(a_k)\\big)\\Big)\\,\\frac{\\partial L_T}{\\partial s_T}",
  },
  leaky: {
    words:
      'Going back one step multiplies the gradient by diag(κ) + Wᵀ diag((1 − κ) ⊙ f′(aₜ)): ' +
      'along the kept share κ ⊙ sₜ₋₁ there is no weight matrix, so a unit whose keep rate is near ' +
      '1 passes its gradient back almost unchanged, step after step, while the path through W ' +
      'fades as in the vanilla cell.',
    tex: "\\frac{\\partial L_T}{\\partial s_{t-1}} = \\Big(\\mathrm{diag}(\\kappa) + W^{\\top}\\,\\mathrm{diag}\\big((1-\\kappa) \\odot f'(a_t)\\big)\\Big)\\,\\frac{\\partial L_T}{\\partial s_t}",
  },
  lstm: {
    words:
      'The cell state m has a path back with no weight matrix on it: going back one step along ' +
      'it multiplies the gradient by the forget gate f, entry by entry. Where f stays near 1 the ' +
      'dashed line stays nearly flat, and the gradient reaches sₜ through mₜ = f ⊙ mₜ₋₁ + … ' +
      'long after the path through W has faded.',
    tex: '\\frac{\\partial L_T}{\\partial m_t} = \\frac{\\partial L_T}{\\partial s_t} \\odot q_t \\odot \\big(1 - \\tanh^2 m_t\\big) + \\frac{\\partial L_T}{\\partial m_{t+1}} \\odot f_{t+1}',
  },
  gru: {
    words:
      'A GRU keeps part of its state as it is: sₜ = z ⊙ sₜ₋₁ + (1 − z) ⊙ n. Going back one ' +
      'step along that direct path multiplies the gradient by the update gate z, entry by entry, ' +
      'with no weight matrix; where z stays near 1 the gradient travels far. The other three ' +
      'paths go through W, as in the vanilla cell.',
    tex: '\\frac{\\partial L_T}{\\partial s_{t-1}} = z_t \\odot \\frac{\\partial L_T}{\\partial s_t} + \\big(\\text{three paths through } W_z, W_n, W_r\\big)',
  },
};
