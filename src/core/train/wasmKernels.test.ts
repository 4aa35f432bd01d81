import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { createWasmKernels } from './wasmKernels';

describe('wasmKernels', () => {
  const k = createWasmKernels(40_000);
  if (!k) throw new Error('WebAssembly SIMD is missing');
  const f = new Float64Array(k.memory.buffer);
  const rng = createRng(9);

  it('C = I + A·B, each sum in ascending k from its init, bit for bit as plain loops', () => {
    // Shapes that reach the 4-row tiles, the single rows and every one-row tile width.
    const shapes = [
      [1, 50, 100],
      [25, 33, 20],
      [30, 50, 7],
      [7, 3, 5],
      [5, 9, 0],
      [3, 1, 4],
      [4, 2, 1],
      [9, 11, 13],
      [1, 17, 9],
      [2, 1, 3],
      [1, 8, 2],
      [1, 9, 2],
      [6, 7, 1],
    ];
    for (const [M, NV, Kd] of shapes) {
      for (const [am, ak] of [
        [Kd + 3, 1],
        [1, M + 1],
      ]) {
        for (const ldi of [0, 2 * NV + 6, -1]) {
          for (let i = 0; i < f.length; i++) f[i] = rng.normal();
          const [A, B, C] = [1, 5001, 20001]; // odd offsets: unaligned pairs work too
          const [ldb, ldc] = [2 * NV + 4, 2 * NV + 2];
          const I = ldi < 0 ? C : 30000; // -1: in place
          const li = ldi < 0 ? ldc : ldi;
          const expected: number[] = [];
          for (let m = 0; m < M; m++)
            for (let n = 0; n < 2 * NV; n++) {
              let acc = f[I + m * li + n];
              for (let q = 0; q < Kd; q++) acc += f[A + m * am + q * ak] * f[B + q * ldb + n];
              expected.push(acc);
            }
          k.gemm(M, NV, Kd, A, am, ak, B, ldb, C, ldc, I, li);
          const got: number[] = [];
          for (let m = 0; m < M; m++) for (let n = 0; n < 2 * NV; n++) got.push(f[C + m * ldc + n]);
          expect(got, `M=${M} NV=${NV} Kd=${Kd} am=${am} ldi=${ldi}`).toEqual(expected);
        }
      }
    }
  });

  it('declines memories its i32 byte offsets cannot address', () => {
    expect(createWasmKernels(2 ** 28)).toBeNull();
  });

  it('transposes', () => {
    for (let i = 0; i < 200; i++) f[i] = i;
    k.transpose(3, 7, 5, 9, 1001, 8);
    for (let i = 0; i < 7; i++)
      for (let j = 0; j < 5; j++) expect(f[1001 + j * 8 + i]).toBe(f[3 + i * 9 + j]);
  });

  it('adagrad: the plain clip-then-Adagrad, bit for bit, two entries at a time', () => {
    const n = 14;
    const [th, G, g, res] = [0, 20, 40, 60];
    for (const [c, eps] of [
      [5, 1e-8],
      [0.5, 1e-6],
      [Infinity, 1e-8],
      [0, 0],
    ]) {
      for (let i = 0; i < n; i++) {
        f[th + i] = rng.normal();
        f[G + i] = i % 3 === 0 ? 0 : Math.abs(rng.normal());
        f[g + i] = [0, -0, NaN, 7, -9][i] ?? rng.normal() * 3;
      }
      const theta = f.slice(th, th + n);
      const sumSq = f.slice(G, G + n);
      const grad = f.slice(g, g + n);
      let sq = 0;
      let changed = false;
      for (let i = 0; i < n; i++) {
        let gi = grad[i];
        sq += gi * gi;
        if (gi > c) gi = c;
        else if (gi < -c) gi = -c;
        if (!Object.is(gi, grad[i])) changed = true;
        grad[i] = gi;
        if (gi === 0) continue;
        sumSq[i] += gi * gi;
        theta[i] -= (0.1 * gi) / (Math.sqrt(sumSq[i]) + eps);
      }
      k.adagrad(th, G, g, n, 0.1, eps, c, res);
      expect(f.slice(th, th + n)).toEqual(theta);
      expect(f.slice(G, G + n)).toEqual(sumSq);
      expect(f.slice(g, g + n)).toEqual(grad);
      expect(f[res]).toBeNaN(); // a NaN gradient makes the norm NaN, as globalNorm does
      expect(f[res + 1]).toBe(changed || Number.isNaN(sq) ? 1 : 0);
    }
    f[g] = 3;
    f[g + 1] = -4;
    k.adagrad(th, G, g, 2, 0.1, 1e-8, 5, res);
    expect([f[res], f[res + 1]]).toEqual([25, 0]);
  });
});
