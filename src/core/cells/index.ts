import { cellOf, type CellName } from '../model';
import { gruCell } from './gru';
import { leakyCell } from './leaky';
import { lstmCell } from './lstm';
import { rnnCell } from './rnn';
import type { CellSteps } from './types';

export type { CellSteps, TraceRows } from './types';

/**
 * Every cell's steps, keyed by the names model.ts declares: a declared cell without an entry
 * here does not compile. Code outside a cell's own files reaches its steps through this table.
 */
export const CELL_STEPS: { readonly [C in CellName]: CellSteps } = {
  rnn: rnnCell,
  leaky: leakyCell,
  lstm: lstmCell,
  gru: gruCell,
};

/** The steps of the cell these parameters belong to. */
export const stepsOf = (dims: { cell?: CellName }): CellSteps => CELL_STEPS[cellOf(dims)];
