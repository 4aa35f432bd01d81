// What to say when one gradient step made the loss worse. Gradient descent promises a decrease
// only for a small enough step; a student who sees the loss jump needs to hear that, and what
// to try instead. Pure: the words are computed from the two losses and α, never hard-coded.

export interface LossAdvice {
  /** `worse`: the loss went up; `much-worse`: it grew many times over (or overflowed). */
  severity: 'worse' | 'much-worse';
  /** The loss after / before (Infinity when it overflowed). */
  ratio: number;
  /** A smaller learning rate to try: α / 10, to two significant digits. */
  suggestedLr: number;
  /** The advice in plain words. */
  text: string;
}

/** At least this many times the old loss counts as "many times worse". */
export const MUCH_WORSE_RATIO = 3;

/** A number as a student reads it: 3 significant digits, thousands separated (7,040). */
export function plainNumber(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : String(v);
  return v.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

/** The advice for an update that took the loss from `before` to `after`, or null if it did not rise. */
export function updateLossAdvice(before: number, after: number, lr: number): LossAdvice | null {
  const rose = Number.isNaN(after) || after > before;
  if (!rose) return null;
  const ratio = Number.isFinite(after) && before > 0 ? after / before : Infinity;
  const suggestedLr = Number((lr / 10).toPrecision(2));
  const change = `${plainNumber(before)} → ${plainNumber(after)}`;
  const promise = `Gradient descent only promises a decrease for a small enough step α; try α = ${suggestedLr}.`;
  if (ratio >= MUCH_WORSE_RATIO) {
    const times = Number.isFinite(ratio)
      ? `is now ${plainNumber(ratio)} times what it was`
      : 'overflowed';
    return {
      severity: 'much-worse',
      ratio,
      suggestedLr,
      text: `The loss ${times} (${change}): α = ${lr} is far too large a step for this loss, so the update jumped past the low ground it was heading for and landed much higher. ${promise}`,
    };
  }
  return {
    severity: 'worse',
    ratio,
    suggestedLr,
    text: `The loss went up (${change}): the step overshot. ${promise}`,
  };
}
