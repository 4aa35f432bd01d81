// How a number reads on screen and aloud: 3 significant digits, powers for the tiny and huge.

/** 3 significant digits, tabular; exact value goes in a title for hover. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(2);
  return Number(v.toPrecision(3)).toString();
}

/**
 * A loss as plain decimal text (no exponent: the readout is read, copied and parsed): 4
 * decimals, and below 0.001 as many as show 2 significant digits, so a loss that is small but
 * not zero never reads 0.0000. Losses below 1e-20 (past what float64 cross-entropy resolves)
 * read "< 0.00000000000000000001".
 */
export function plainLoss(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a === 0 || a >= 1e-3) return v.toFixed(4);
  if (a < 1e-20) return `< 0.${'0'.repeat(19)}1`;
  const digits = Math.ceil(-Math.log10(a)) + 1;
  return String(Number(v.toPrecision(2)).toFixed(digits)).replace(/(\.\d*?[1-9])0+$/, '$1');
}
