import { ACTIVATIONS, type ActivationName } from '../activations';

// The guarantee behind "gradients from far back fade" in a vanilla RNN: one step back
// multiplies ∂L/∂s by Wᵀ diag(f′(aₜ)), whose stretch is at most ‖W‖₂ · max f′. When that bound
// is below 1 every step back shrinks the gradient, whatever the inputs; above 1 nothing is
// guaranteed either way. The spectral radius ρ(W) ≤ ‖W‖₂ speaks only of Wⁿ over many steps in
// the linear regime, so ρ(W) < 1 alone does not promise shrinking.

export interface VanishingBound {
  /** max f′ of the activation (1 for tanh, 1/4 for sigmoid). */
  maxSlope: number;
  /** ‖W‖₂ · max f′: the most one step back can stretch the gradient. */
  bound: number;
  /** The bound is below 1: every step back shrinks the gradient. */
  shrinks: boolean;
  /** bound^n: the most n steps back can keep (or stretch), for n = `steps`. */
  afterSteps: number;
  steps: number;
}

/**
 * With leaky units' keep rates κ (CELLS.leaky) one step back multiplies by
 * diag(κ) + Wᵀ diag((1 − κ) ⊙ f′), whose stretch is at most max κ + ‖W‖₂ · max(1 − κ) · max f′;
 * without them (κ = 0) that is ‖W‖₂ · max f′.
 */
export function vanishingBound(
  spectralNorm: number,
  act: ActivationName,
  steps: number,
  keep: readonly number[] = [],
): VanishingBound {
  const maxSlope = ACTIVATIONS[act].maxSlope;
  const kept = keep.length ? Math.max(...keep) : 0;
  const rest = keep.length ? Math.max(...keep.map((k) => 1 - k)) : 1;
  const bound = kept + spectralNorm * rest * maxSlope;
  return { maxSlope, bound, shrinks: bound < 1, afterSteps: bound ** steps, steps };
}
