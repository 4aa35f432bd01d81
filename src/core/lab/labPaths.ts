import { cellOf, type CellName } from '../model';
import { gatedPath } from './gatedPath';
import type { LabPath } from './labPath';
import { vanillaPath } from './vanillaPath';

/**
 * Each cell's training path, keyed by the names model.ts declares (a declared cell without an
 * entry does not compile). Apart from cells/index.ts, so that the explorer's traces do not pull
 * the training path (and its WebAssembly) along.
 */
export const LAB_PATHS: { readonly [C in CellName]: LabPath } = {
  rnn: vanillaPath,
  leaky: vanillaPath,
  lstm: gatedPath,
  gru: gatedPath,
};

export const labPathOf = (dims: { cell?: CellName }): LabPath => LAB_PATHS[cellOf(dims)];
