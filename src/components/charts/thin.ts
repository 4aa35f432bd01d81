// Curves grow by thousands of points; a chart a few hundred pixels wide draws at most `max`:
// each bucket of consecutive points becomes its mean (a smoothed loss stays smooth). Points
// that a log scale cannot show (≤ 0, NaN, ±Infinity) are dropped.

export interface Point {
  x: number;
  y: number;
}

/** Points (x0 + i, values[i]) for i < n, thinned to at most max. */
export function thin(
  values: ArrayLike<number>,
  n: number,
  max: number,
  opts: { x0?: number; positive?: boolean } = {},
): Point[] {
  const { x0 = 0, positive = false } = opts;
  const ok = (v: number) => Number.isFinite(v) && (!positive || v > 0);
  const out: Point[] = [];
  const per = Math.max(1, Math.ceil(n / max));
  for (let start = 0; start < n; start += per) {
    const end = Math.min(n, start + per);
    let sum = 0;
    let count = 0;
    for (let i = start; i < end; i++)
      if (ok(values[i])) {
        sum += values[i];
        count++;
      }
    if (count) out.push({ x: x0 + (start + end - 1) / 2, y: sum / count });
  }
  return out;
}

/**
 * As thin, but the first point drawn is the curve's first value itself, not its bucket's mean:
 * a loss curve starts where training started (3.47, not the 1.6 its first hundred average to),
 * so the chart's y-axis covers it.
 */
export function thinKeepingStart(
  values: ArrayLike<number>,
  n: number,
  max: number,
  opts: { x0?: number; positive?: boolean } = {},
): Point[] {
  const points = thin(values, n, max, opts);
  const { x0 = 0, positive = false } = opts;
  let i = 0;
  while (i < n && !(Number.isFinite(values[i]) && (!positive || values[i] > 0))) i++;
  const first = points[0];
  if (i >= n || (first && first.x === x0 + i && first.y === values[i])) return points;
  return [{ x: x0 + i, y: values[i] }, ...points];
}
