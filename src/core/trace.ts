import { CELL_STEPS } from './cells';
import { cellOf, gateMultiplier } from './model';
import type { Scenario, Trace } from './types';

/**
 * The forward pass and full backpropagation through time of one sequence, keeping every
 * intermediate vector and each step's contribution to the weight gradients (the explorer
 * steps through them), by the cell of its parameters (cells/index.ts).
 */
export function computeTrace(sc: Scenario): Trace {
  return CELL_STEPS[cellOf(sc.params)].trace(sc);
}

/**
 * The first quantity of a trace that overflowed (Infinity or NaN), as `name[row]`, or null.
 * Finite inputs can still overflow (a target of 1e200 squared); such a trace teaches nothing.
 */
export function firstNonFinite(tr: Trace): string | null {
  const GH = gateMultiplier(tr.cell) * tr.H;
  const rows: [string, Float64Array, number][] = [
    ['a', tr.a, GH],
    ['s', tr.s, tr.H],
    ['o', tr.o, tr.K],
    ['yhat', tr.yhat, tr.K],
    ['losses', tr.losses, 1],
    ['dL_do', tr.dL_do, tr.K],
    ['dL_ds', tr.dL_ds, tr.H],
    ['dL_da', tr.dL_da, GH],
  ];
  for (const [key, v] of Object.entries(CELL_STEPS[cellOf(tr)].extraRows(tr)))
    if (v instanceof Float64Array) rows.push([key, v, tr.H]);
    else for (const [name, m] of Object.entries(v)) rows.push([`${key}.${name}`, m, tr.H]);
  for (const [name, m, width] of rows) {
    const i = m.findIndex((v) => !Number.isFinite(v));
    if (i >= 0) return `${name}[${Math.floor(i / width)}]`;
  }
  for (const [name, g] of Object.entries(tr.grads)) {
    if (!g) continue;
    const i = (g as Float64Array).findIndex((v) => !Number.isFinite(v));
    if (i >= 0) return `grads.${name}[${i}]`;
  }
  return null;
}

/** The one message for a trace that overflowed, naming the first quantity; null when finite. */
export function overflowError(tr: Trace): string | null {
  const where = firstNonFinite(tr);
  return where && `${where}: the numbers overflowed; use smaller weights or inputs.`;
}

// Σ of contributions lives apart, so the derivation panel (initial bundle) can sum without
// pulling in the trace computations of every cell.
export { sumContrib } from './contrib';
