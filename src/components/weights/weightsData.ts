import { spokenSymbol, visibleSymbol } from '../../core/symbols';
import {
  CELLS,
  cellOf,
  PARAM_NAMES,
  PARAMS,
  paramShape,
  type CellName,
  type Dims,
} from '../../core/model';
import type { Params, Trace } from '../../core/types';
import type { WeightName } from '../encoding';
import { maxAbs } from '../encoding';

// What the weights panel shows at each cursor position, as plain data (no React): the shapes
// and axis labels of each parameter, the gradient accumulated over t >= K, this step's own
// contribution, and a colour domain per matrix that stays fixed while the sum grows.

/** The parameters in the order the panel shows them: the model's declaration order. */
export const WEIGHTS = PARAM_NAMES;

export interface Shape {
  rows: number;
  cols: number;
}

export function shapeOf(name: WeightName, d: Dims): Shape {
  const [rows, cols] = paramShape(name, d);
  return { rows, cols };
}

/** "3 × 5", or "3" for a bias vector. */
export const shapeText = (name: WeightName, s: Shape) =>
  PARAMS[name].shape[1] === 1 ? `${s.rows}` : `${s.rows} × ${s.cols}`;

export interface AxisLabels {
  /** Short text drawn beside the heatmap (may be empty when cells are too small). */
  short: string[];
  /** Full words for titles and tables. */
  long: string[];
  /** What the axis indexes, e.g. "hidden unit", "input". */
  axis: string;
}

const hidden = (H: number): AxisLabels => ({
  short: Array.from({ length: H }, (_, i) => `${i + 1}`),
  long: Array.from({ length: H }, (_, i) => `hidden ${i + 1}`),
  axis: 'hidden unit',
});

const vocab = (
  n: number,
  labels: readonly string[] | null,
  axis: string,
  prefix: string,
): AxisLabels =>
  labels && labels.length === n
    ? { short: labels.map(visibleSymbol), long: labels.map(spokenSymbol), axis }
    : {
        short: Array.from({ length: n }, (_, i) => `${i + 1}`),
        long: Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`),
        axis,
      };

/**
 * A gated cell's stacked rows, block by block: "i1 … i3, f1 …" drawn, "input gate i, hidden 1"
 * in words. The vanilla cell's rows are the hidden units.
 */
function stackedRows(d: { H: number; cell?: CellName }): AxisLabels {
  const gates = CELLS[cellOf(d)].gates;
  if (gates.length === 0) return hidden(d.H);
  const rows = gates.flatMap((g) =>
    Array.from({ length: d.H }, (_, i) => [
      `${g.name}${i + 1}`,
      `${g.words} ${g.name}, hidden ${i + 1}`,
    ]),
  );
  return { short: rows.map((r) => r[0]), long: rows.map((r) => r[1]), axis: 'gate block, unit' };
}

/** Row and column labels: hidden units by number, inputs and outputs by vocabulary symbol. */
export function axesOf(
  name: WeightName,
  d: { H: number; D: number; K: number; cell?: CellName },
  labels: readonly string[] | null,
): { rows: AxisLabels; cols: AxisLabels | null } {
  switch (name) {
    case 'U':
      return { rows: stackedRows(d), cols: vocab(d.D, labels, 'input', 'input') };
    case 'W':
      return {
        rows: stackedRows(d),
        cols: {
          ...hidden(d.H),
          long: Array.from({ length: d.H }, (_, i) => `from hidden ${i + 1}`),
          axis: 'from hidden unit',
        },
      };
    case 'V':
      return { rows: vocab(d.K, labels, 'output', 'output'), cols: hidden(d.H) };
    case 'b':
      return { rows: stackedRows(d), cols: null };
    case 'c':
      return { rows: vocab(d.K, labels, 'output', 'output'), cols: null };
  }
}

/** Σ_{t' >= from} contrib[t'] (1-based from), in the core's order: at from = 1 it equals grads. */
export { sumContrib as accumulate } from '../../core/contrib';

/** Step t's own contribution (a view, no copy). */
export function stepContribution(c: Float64Array, size: number, t: number): Float64Array {
  return c.subarray((t - 1) * size, t * size);
}

/**
 * One colour domain per gradient for the whole backward pass: the largest |entry| of any
 * partial sum (t >= K for every K) and of any single contribution, so colours deepen as the
 * sum grows instead of rescaling at every step.
 */
export function gradDomains(tr: Trace): Record<WeightName, number> {
  const out = {} as Record<WeightName, number>;
  for (const name of WEIGHTS) {
    const c = tr.contrib[name];
    const size = c.length / Math.max(tr.T, 1);
    const run = new Float64Array(size);
    let m = 0;
    for (let t = tr.T - 1; t >= 0; t--) {
      for (let i = 0; i < size; i++) {
        const v = c[t * size + i];
        run[i] += v;
        const a = Math.max(Math.abs(run[i]), Math.abs(v));
        if (a > m && Number.isFinite(a)) m = a;
      }
    }
    out[name] = m;
  }
  return out;
}

/** Colour domain shared by the weights before and after the update, so changes show. */
export function weightDomains(p: Params, after?: Params): Record<WeightName, number> {
  const out = {} as Record<WeightName, number>;
  for (const name of WEIGHTS)
    out[name] = Math.max(maxAbs(p[name]), after ? maxAbs(after[name]) : 0);
  return out;
}

/** Cell size in px: large for tiny matrices, down to 6 px so 16 × 60 still fits a phone. */
export function cellSize(s: Shape): number {
  return Math.max(6, Math.min(24, Math.floor(240 / Math.max(s.rows, s.cols, 1))));
}

/** Which cells this step touched (non-zero contribution): the accent outline. */
export function touched(delta: Float64Array): Uint8Array {
  const m = new Uint8Array(delta.length);
  for (let i = 0; i < delta.length; i++) m[i] = delta[i] !== 0 ? 1 : 0;
  return m;
}
