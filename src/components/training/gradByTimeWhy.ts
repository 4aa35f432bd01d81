import type { CellName } from '../../core/model';

// Why the gradient of the last loss fades (or not) on its way back, per cell: the words under
// the lab's gradient-by-time chart and the one equation that says it.

export const GRAD_BY_TIME_WHY: Record<
  CellName,
  {
    words: string;
    tex: string;
    /** What one step back multiplies the gradient by, in words (the divergence alert's). */
    factor: string;
  }
> = {
  rnn: {
    factor: 'Wᵀ diag(f′(aₜ))',
    words:
      'Going back one step multiplies the gradient by Wᵀ diag(f′(aₜ)): the recurrent weights, ' +
      'transposed, times the slope of the activation at that step. Over many steps these factors ' +
      'multiply, so when they shrink vectors the gradient vanishes exponentially (a straight ' +
      'falling line on this log scale), and when they stretch them it explodes.',
    tex: "\\frac{\\partial L_T}{\\partial s_t} = \\Big(\\prod_{k=t+1}^{T} W^{\\top}\\,\\mathrm{diag}\\big(f'(a_k)\\big)\\Big)\\,\\frac{\\partial L_T}{\\partial s_T}",
  },
  leaky: {
    factor: 'diag(κ) + Wᵀ diag((1 − κ) ⊙ f′(aₜ))',
    words:
      'Going back one step multiplies the gradient by diag(κ) + Wᵀ diag((1 − κ) ⊙ f′(aₜ)): ' +
      'along the kept share κ ⊙ sₜ₋₁ there is no weight matrix, so a unit whose keep rate is near ' +
      '1 passes its gradient back almost unchanged, step after step, while the path through W ' +
      'fades as in the vanilla cell.',
    tex: "\\frac{\\partial L_T}{\\partial s_{t-1}} = \\Big(\\mathrm{diag}(\\kappa) + W^{\\top}\\,\\mathrm{diag}\\big((1-\\kappa) \\odot f'(a_t)\\big)\\Big)\\,\\frac{\\partial L_T}{\\partial s_t}",
  },
  lstm: {
    factor: 'the LSTM’s Jacobian, through its gates, its cell state and W',
    words:
      'The cell state m has a path back with no weight matrix on it: going back one step along ' +
      'it multiplies the gradient by the forget gate f, entry by entry. Where f stays near 1 the ' +
      'dashed line stays nearly flat, and the gradient reaches sₜ through mₜ = f ⊙ mₜ₋₁ + … ' +
      'long after the path through W has faded.',
    tex: '\\frac{\\partial L_T}{\\partial m_t} = \\frac{\\partial L_T}{\\partial s_t} \\odot q_t \\odot \\big(1 - \\tanh^2 m_t\\big) + \\frac{\\partial L_T}{\\partial m_{t+1}} \\odot f_{t+1}',
  },
  gru: {
    factor: 'the GRU’s Jacobian, through its gates and W',
    words:
      'A GRU keeps part of its state as it is: sₜ = z ⊙ sₜ₋₁ + (1 − z) ⊙ n. Going back one ' +
      'step along that direct path multiplies the gradient by the update gate z, entry by entry, ' +
      'with no weight matrix; where z stays near 1 the gradient travels far. The other three ' +
      'paths go through W, as in the vanilla cell.',
    tex: '\\frac{\\partial L_T}{\\partial s_{t-1}} = z_t \\odot \\frac{\\partial L_T}{\\partial s_t} + \\big(\\text{three paths through } W_z, W_n, W_r\\big)',
  },
};

/** Consecutive time steps as ranges: [0, 1, 2, 5] → "0–2, 5". */
function ranges(ts: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ts.length;) {
    let j = i;
    while (j + 1 < ts.length && ts[j + 1] === ts[j] + 1) j++;
    out.push(j === i ? `${ts[i]}` : `${ts[i]}–${ts[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/**
 * What the log-scale chart of ‖∂L_T/∂s_t‖ (t = 0 … T) cannot draw, in words: exact zeros
 * (saturated units, or ReLU's switched-off ones, pass back a gradient of exactly 0, and a log
 * scale has no place for 0) and NaN or infinite values. Null when every point is drawn.
 */
export function gradByTimeNote(gradNorm: ArrayLike<number>): string | null {
  const zeros: number[] = [];
  const bad: number[] = [];
  for (let t = 0; t < gradNorm.length; t++) {
    const v = gradNorm[t];
    if (v === 0) zeros.push(t);
    else if (!Number.isFinite(v)) bad.push(t);
  }
  if (zeros.length === 0 && bad.length === 0) return null;
  const drawn: number[] = [];
  for (let t = 0; t < gradNorm.length; t++) {
    const v = gradNorm[t];
    if (v > 0 && Number.isFinite(v)) drawn.push(t);
  }
  const parts: string[] = [];
  if (zeros.length)
    parts.push(
      `At t = ${ranges(zeros)} (${zeros.length} of the ${gradNorm.length} points) the gradient is exactly 0: units pinned at their limits (saturated, slope f′ = 0 to rounding) pass nothing back, and a log scale has no place for 0.`,
    );
  if (bad.length) parts.push(`At t = ${ranges(bad)} it is NaN or infinite and is not drawn.`);
  parts.push(
    drawn.length === 0
      ? 'Nothing is left to draw.'
      : drawn.length === 1
        ? `Only t = ${drawn[0]} is drawn.`
        : `The line shows t = ${ranges(drawn)}.`,
  );
  return parts.join(' ');
}
