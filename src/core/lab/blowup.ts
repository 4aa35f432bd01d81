import { LOSSES, type LossName } from '../model';

// Training that blows up without ever reaching NaN or Infinity: the loss runs far above where
// it started and above a blind guess, while the units saturate and pass back gradients of
// exactly 0. Nothing is non-finite, so the run's NaN check never fires; this does. And, for
// either kind of blow-up, the likely cause read off the run's own numbers. Pure: the words are
// the view's (components/training/DivergenceAlert.tsx).

/** How many times the reference loss counts as blown up (LAST_GOOD in run.ts uses the same). */
export const BLOWUP = { growth: 100, history: 20, explodingGrowth: 10 } as const;

/**
 * The loss per scored step of a blind guess: log K for a probabilistic loss (the uniform
 * distribution over K symbols), the mean Σ_k y_k² for squared error (predicting 0).
 */
export function chanceLoss(loss: LossName, K: number, targets: readonly Float64Array[]): number {
  if (LOSSES[loss].probabilistic) return Math.log(K);
  let sum = 0;
  let steps = 0;
  for (const y of targets) {
    for (let i = 0; i < y.length; i++) sum += y[i] * y[i];
    steps += y.length / K;
  }
  return steps > 0 ? sum / steps : 0;
}

/** A loss that blew up while staying finite: how far above its yardstick. */
export interface FiniteBlowup {
  loss: number;
  /** The yardstick: the first iteration's loss, or the blind guess's when that one is larger
   * or the first loss was itself already blown up. */
  reference: number;
  chance: number;
  /** loss / reference. */
  growth: number;
}

/**
 * Whether a finite loss per step has blown up: above BLOWUP.growth times both the blind guess's
 * loss and the first iteration's (when the first was sane; if it was already far above the
 * guess, the guess alone is the yardstick). Null when it has not, or when it is not finite
 * (the NaN check's case).
 */
export function finiteBlowup(loss: number, firstLoss: number, chance: number): FiniteBlowup | null {
  if (!Number.isFinite(loss) || !(chance > 0)) return null;
  const firstSane = Number.isFinite(firstLoss) && firstLoss <= BLOWUP.growth * chance;
  const reference = firstSane ? Math.max(chance, firstLoss) : chance;
  if (!(loss > BLOWUP.growth * reference)) return null;
  return { loss, reference, chance, growth: loss / reference };
}

/** Steps t = 0 … T−1 at which the last loss's gradient ‖∂L_T/∂s_t‖ is exactly 0. */
export function zeroGradientSteps(gradNorm: ArrayLike<number>): number {
  let n = 0;
  for (let t = 0; t + 1 < gradNorm.length; t++) if (gradNorm[t] === 0) n++;
  return n;
}

/** What most likely made a run blow up, from its own numbers. */
export type BlowupCause =
  /** Truncation 1: the gradient took no step back through time; the update was too long. */
  | { kind: 'no-time-steps' }
  /** ‖g‖ grew by `growth` over the last `over` iterations: an exploding gradient. */
  | { kind: 'exploding'; from: number; to: number; over: number; growth: number }
  /** ‖g‖ stayed within a factor `growth` < BLOWUP.explodingGrowth: the step size, not the gradient. */
  | { kind: 'step-size'; from: number; to: number; over: number; growth: number };

/**
 * The likely cause: with truncation 1 no gradient crosses a step, so it cannot explode through
 * time; otherwise ‖g‖ over the last BLOWUP.history iterations (and the one that broke, when
 * finite) tells an exploding gradient (grew at least BLOWUP.explodingGrowth times from its
 * smallest) from a learning rate too large for gradients of ordinary size.
 */
export function blowupCause(
  gradNorms: ArrayLike<number>,
  gradNormAtBlowup: number,
  truncation: number,
): BlowupCause {
  if (truncation <= 1) return { kind: 'no-time-steps' };
  const recent: number[] = [];
  for (let i = Math.max(0, gradNorms.length - BLOWUP.history); i < gradNorms.length; i++)
    if (Number.isFinite(gradNorms[i])) recent.push(gradNorms[i]);
  if (Number.isFinite(gradNormAtBlowup)) recent.push(gradNormAtBlowup);
  const grewToInf = !Number.isFinite(gradNormAtBlowup);
  if (recent.length === 0)
    return { kind: 'exploding', from: NaN, to: gradNormAtBlowup, over: 1, growth: Infinity };
  const min = Math.min(...recent);
  const to = grewToInf ? gradNormAtBlowup : recent[recent.length - 1];
  const growth = grewToInf ? Infinity : to / min;
  const over = recent.length - recent.indexOf(min) - (grewToInf ? 0 : 1);
  const c = { from: min, to, over: Math.max(1, over), growth };
  return growth >= BLOWUP.explodingGrowth
    ? { kind: 'exploding', ...c }
    : { kind: 'step-size', ...c };
}
