import { describe, expect, it } from 'vitest';
import { chunkColumns, createColumnScratch } from './columns';

describe('chunkColumns', () => {
  it('lists each input of the chunk once, -1 (no input) left out', () => {
    const s = createColumnScratch();
    const c = chunkColumns(s, new Int32Array([3, 1, 3, -1, 0, 1]), 1, 4, 5);
    expect([c.D, c.n, [...c.cols.subarray(0, c.n)]]).toEqual([5, 3, [1, 3, 0]]);
  });

  it("one session's chunks do not disturb another's (each has its own buffers)", () => {
    const a = createColumnScratch();
    const b = createColumnScratch();
    const ca = chunkColumns(a, new Int32Array([2, 2, 4]), 0, 3, 6);
    const cb = chunkColumns(b, new Int32Array([5, 0]), 0, 2, 6);
    expect([...ca.cols.subarray(0, ca.n)]).toEqual([2, 4]);
    expect([...cb.cols.subarray(0, cb.n)]).toEqual([5, 0]);
    expect(ca).not.toBe(cb);
  });
});
