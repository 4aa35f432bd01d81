import { CELL_STEPS, type TraceRows } from './cells';
import { cellField, cellOf, gateMultiplier } from './model';
import { paramsToJson, toRows } from './scenarioSchema';
import type { Trace } from './types';

/**
 * The trace as JSON per spec/trace-format.md, with the two terms of dL/ds_t as extra keys, and
 * the rows the trace's cell adds (cells/*.ts): an LSTM's gates, m and ∂L/∂m_t with its two
 * terms, a GRU's gates and parts of ∂L/∂s_{t-1}.
 */
export function traceToJson(tr: Trace) {
  const { T, H, K } = tr;
  const cell = cellOf(tr);
  const GH = gateMultiplier(cell) * H;
  const rows = (v: TraceRows) =>
    v instanceof Float64Array
      ? toRows(v, T, H)
      : Object.fromEntries(Object.entries(v).map(([k, m]) => [k, toRows(m, T, H)]));
  const extra = Object.entries(CELL_STEPS[cell].extraRows(tr)).map(([k, v]) => [k, rows(v)]);
  return {
    ...cellField(cell),
    T,
    a: toRows(tr.a, T, GH),
    s: toRows(tr.s, T, H),
    o: toRows(tr.o, T, K),
    yhat: toRows(tr.yhat, T, K),
    losses: Array.from(tr.losses),
    loss: tr.loss,
    dL_do: toRows(tr.dL_do, T, K),
    dL_ds: toRows(tr.dL_ds, T, H),
    dL_da: toRows(tr.dL_da, T, GH),
    dL_ds_from_output: toRows(tr.dL_ds_out, T, H),
    dL_ds_from_future: toRows(tr.dL_ds_next, T, H),
    ...Object.fromEntries(extra),
    grads: {
      ...paramsToJson(tr, tr.grads),
      s0: Array.from(tr.grads.s0),
      ...(tr.grads.m0 ? { m0: Array.from(tr.grads.m0) } : {}),
    },
  };
}
