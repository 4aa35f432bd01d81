/**
 * Σ over t' = from..T of the rows of a T x size contribution array (1-based from), in the
 * core's order: at from = 1 it equals the gradient. The weight gradients "so far" at b_t.
 */
export function sumContrib(
  cArr: Float64Array,
  size: number,
  from: number,
  T: number,
): Float64Array {
  const g = new Float64Array(size);
  for (let t = from - 1; t < T; t++) for (let i = 0; i < size; i++) g[i] += cArr[t * size + i];
  return g;
}
