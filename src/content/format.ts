// How a number reads on screen and aloud: 3 significant digits, powers for the tiny and huge.

/** 3 significant digits, tabular; exact value goes in a title for hover. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(2);
  return Number(v.toPrecision(3)).toString();
}
