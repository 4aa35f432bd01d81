import { describe, expect, it } from 'vitest';
import { applyClip, type ClipConfig } from '../clip';
import {
  applyUpdate,
  cloneOptimizerState,
  createOptimizerState,
  type OptimizerConfig,
} from '../optimizers';
import { createRng } from '../rng';
import { clipAndUpdate } from './update';

/** Tensors of the given sizes with entries of mixed magnitude and some exact zeros. */
function tensors(sizes: number[], seed: number, zeroCols?: { D: number; keep: number[] }) {
  const rng = createRng(seed);
  return sizes.map((n, p) => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = rng.next() < 0.1 ? 0 : rng.normal() * (rng.next() < 0.3 ? 20 : 1);
      if (p === 0 && zeroCols && !zeroCols.keep.includes(i % zeroCols.D)) x[i] = 0;
    }
    return x;
  });
}

describe('clipAndUpdate', () => {
  const sizes = [12, 9, 6, 3, 2];
  const cases: [OptimizerConfig, ClipConfig][] = [
    [
      { name: 'adagrad', lr: 0.1 },
      { kind: 'value', value: 5 },
    ],
    [{ name: 'adagrad', lr: 0.3, eps: 1e-6 }, { kind: 'none' }],
    [
      { name: 'adagrad', lr: 0.1 },
      { kind: 'value', value: 0 },
    ],
    [
      { name: 'adagrad', lr: 0.1 },
      { kind: 'norm', maxNorm: 1 },
    ],
    [
      { name: 'adam', lr: 0.01 },
      { kind: 'value', value: 2 },
    ],
    [{ name: 'sgd', lr: 0.1 }, { kind: 'none' }],
  ];

  for (const [config, clip] of cases) {
    it(`${config.name}, clip ${clip.kind}: the same as applyClip then applyUpdate, bit for bit`, () => {
      const theta = tensors(sizes, 1);
      const theta2 = theta.map((x) => x.slice());
      const state = createOptimizerState(config, theta);
      for (let round = 0; round < 3; round++) {
        const g = tensors(sizes, 10 + round);
        const g2 = g.map((x) => x.slice());
        const state2 = cloneOptimizerState(state);
        const norm = clipAndUpdate(config, state, clip, theta, g);
        const norm2 = applyClip(g2, clip);
        applyUpdate(config, state2, theta2, g2);
        expect(norm).toBeCloseTo(norm2, 12);
        expect(theta).toEqual(theta2);
        expect(g).toEqual(g2); // the clipped gradients, as applyClip leaves them
        expect(state).toEqual(state2);
      }
    });
  }

  it('visits only the listed columns of the first tensor, where the rest are 0', () => {
    const config: OptimizerConfig = { name: 'adagrad', lr: 0.1 };
    const clip: ClipConfig = { kind: 'value', value: 5 };
    const zeroCols = { D: 4, keep: [1, 3] };
    const theta = tensors(sizes, 2);
    const theta2 = theta.map((x) => x.slice());
    const state = createOptimizerState(config, theta);
    const state2 = createOptimizerState(config, theta);
    const g = tensors(sizes, 3, zeroCols);
    const g2 = g.map((x) => x.slice());
    const cols = { D: 4, cols: Int32Array.of(3, 1, 0), n: 2 };
    const norm = clipAndUpdate(config, state, clip, theta, g, cols);
    expect(norm).toBeCloseTo(applyClip(g2, clip), 12);
    applyUpdate(config, state2, theta2, g2);
    expect(theta).toEqual(theta2);
    expect(state).toEqual(state2);
  });

  it('keeps NaN as NaN and refuses a negative clip value', () => {
    const config: OptimizerConfig = { name: 'adagrad', lr: 0.1 };
    const theta = [Float64Array.of(1, 2)];
    const state = createOptimizerState(config, theta);
    expect(
      Number.isNaN(
        clipAndUpdate(config, state, { kind: 'none' }, theta, [Float64Array.of(NaN, 1)]),
      ),
    ).toBe(true);
    expect(theta[0][0]).toBeNaN();
    expect(() =>
      clipAndUpdate(config, state, { kind: 'value', value: -1 }, theta, [Float64Array.of(1, 1)]),
    ).toThrow(/clip value/);
  });
});
