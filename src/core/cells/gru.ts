import { computeGruTrace } from '../gated/gru';
import type { GruExtras, Trace } from '../types';
import type { CellSteps } from './types';

const extras = (tr: Trace) => tr.gated as GruExtras;

/** The GRU in the form of Cho et al. 2014 (spec/trace-format.md, "Gated cells"): r, z, n. */
export const gruCell: CellSteps = {
  trace: computeGruTrace,
  extraRows(tr) {
    const g = extras(tr);
    return {
      gates: g.gates,
      dL_dsprev_direct: g.dL_dsprev_direct,
      dL_dsprev_via_z: g.dL_dsprev_z,
      dL_dsprev_via_n: g.dL_dsprev_n,
      dL_dsprev_via_r: g.dL_dsprev_r,
    };
  },
};
