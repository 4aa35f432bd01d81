import type { LeakyExtras, Trace } from '../types';
import type { CellSteps } from './types';
import { computeVanillaTrace } from './vanillaTrace';

const extras = (tr: Trace) => tr.leaky as LeakyExtras;

/**
 * Leaky units (spec/trace-format.md, "Leaky units, layers and directions"): the vanilla step
 * with a fixed share of the old state kept, s_t = keep ⊙ s_{t-1} + (1 − keep) ⊙ f(a_t). The
 * vanilla trace computes it from params.keep.
 */
export const leakyCell: CellSteps = {
  trace: computeVanillaTrace,
  extraRows(tr) {
    const g = extras(tr);
    return {
      f_a: g.fa,
      dL_ds_from_future_via_W: g.dL_ds_next_W,
      dL_ds_from_future_kept: g.dL_ds_next_kept,
    };
  },
};
