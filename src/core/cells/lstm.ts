import { computeLstmTrace } from '../gated/lstm';
import type { LstmExtras, Trace } from '../types';
import type { CellSteps } from './types';

const extras = (tr: Trace) => tr.gated as LstmExtras;

/** The LSTM (spec/trace-format.md, "Gated cells"): gates i, f, g, q and the cell state m. */
export const lstmCell: CellSteps = {
  trace: computeLstmTrace,
  extraRows(tr) {
    const g = extras(tr);
    return {
      m: g.m,
      dL_dm: g.dL_dm,
      dL_dm_from_s: g.dL_dm_from_s,
      dL_dm_from_next: g.dL_dm_from_next,
      gates: g.gates,
    };
  },
};
