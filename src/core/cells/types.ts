import type { Scenario, Trace } from '../types';

/** One T x H quantity of a trace, or a group of them (an LSTM's gates). */
export type TraceRows = Float64Array | { readonly [name: string]: Float64Array };

/**
 * A cell's steps for the explorer, beside its declaration in model.ts (CELLS): the forward pass
 * and full BPTT with every intermediate kept, and what its trace holds beyond the vanilla keys.
 * (Its training path is in lab/labPaths.ts.)
 */
export interface CellSteps {
  trace(sc: Scenario): Trace;
  /**
   * The cell's own T x H rows of a trace, under their keys in the trace file
   * (spec/trace-format.md): the JSON export and the overflow check walk them.
   */
  extraRows(tr: Trace): Readonly<Record<string, TraceRows>>;
}
