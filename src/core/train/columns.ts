import type { ColumnSubset } from './update';

// Which columns of dL/dU a chunk of one-hot inputs can touch. The buffers are a session's own
// (createColumnScratch, kept on the session), never shared between sessions.

/** chunkColumns' buffers, grown when a larger vocabulary comes along (not per chunk). */
export interface ColumnScratch {
  columns: ColumnSubset;
  /** seen[d] === epoch: column d is already listed for this chunk. */
  seen: Int32Array;
  epoch: number;
}

export const createColumnScratch = (): ColumnScratch => ({
  columns: { D: 0, cols: new Int32Array(0), n: 0 },
  seen: new Int32Array(0),
  epoch: 0,
});

/**
 * The distinct inputs of steps start .. start+len-1: with one-hot inputs, the only columns of
 * dL/dU that can be nonzero. The answer lives in `scratch` until its next call.
 */
export function chunkColumns(
  scratch: ColumnScratch,
  index: Int32Array,
  start: number,
  len: number,
  D: number,
): ColumnSubset {
  const { columns } = scratch;
  if (scratch.seen.length < D) scratch.seen = new Int32Array(D);
  if (columns.cols.length < len) columns.cols = new Int32Array(Math.max(len, 64));
  if (++scratch.epoch > 0x3fffffff) {
    scratch.seen.fill(0);
    scratch.epoch = 1;
  }
  const { seen, epoch } = scratch;
  let n = 0;
  for (let t = start; t < start + len; t++) {
    const d = index[t];
    if (d >= 0 && seen[d] !== epoch) {
      seen[d] = epoch;
      columns.cols[n++] = d;
    }
  }
  columns.D = D;
  columns.n = n;
  return columns;
}
