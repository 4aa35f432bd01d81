import { describe, expect, it } from 'vitest';
import { computeTrace } from '../trace';
import { ACTIVATION_NAMES as ACTIVATIONS, LOSS_NAMES as LOSSES, PARAM_NAMES } from '../model';
import { forwardBackward } from './forwardBackward';
import { PLAIN_KERNELS, SIMD_KERNELS } from './kernelChoice';
import { engineFor } from './simdPath';
import { maxRelErr, randomCase } from '../testScenarios';
import { createWorkspace } from './workspace';

// Equality, not closeness: both paths do the same float operations in the same order, with the
// activations and losses of one table (activations.ts, losses.ts).
const TOL = 0;

describe('the WebAssembly path', () => {
  it('runs here (Node has WebAssembly SIMD)', () => {
    const { scenario } = randomCase(1, 'tanh', 'cross-entropy', true);
    expect(engineFor(createWorkspace(scenario.params, 4))).not.toBeNull();
  });

  it('gives bit for bit what the plain path gives', () => {
    for (let seed = 1; seed <= 60; seed++) {
      for (const act of ACTIVATIONS) {
        const loss = LOSSES[seed % 2];
        const { scenario, fast } = randomCase(seed, act, loss, seed % 3 !== 0, {
          T: 1 + (seed % 12),
        });
        const run = (kernels = SIMD_KERNELS) => {
          const ws = createWorkspace(scenario.params, fast.T + (seed % 2), kernels);
          const L = forwardBackward(ws, scenario.params, act, loss, fast, scenario.s0);
          return { L, grads: ws.grads, losses: ws.losses, hLast: ws.hLast, dL_do: ws.dL_do };
        };
        const simd = run(SIMD_KERNELS);
        const plain = run(PLAIN_KERNELS);
        expect(simd, `seed ${seed}, ${act}, ${loss}`).toEqual(plain);
      }
    }
  });
});

for (const simd of [true, false])
  describe(`forwardBackward agrees with computeTrace (${simd ? 'WebAssembly' : 'plain'} path)`, () => {
    const kernels = simd ? SIMD_KERNELS : PLAIN_KERNELS;

    for (const act of ACTIVATIONS) {
      for (const loss of LOSSES) {
        for (const oneHot of [true, false]) {
          it(`${act}, ${loss}, ${oneHot ? 'one-hot' : 'dense'} inputs, nonzero s0`, () => {
            for (let seed = 1; seed <= 40; seed++) {
              const { scenario, fast } = randomCase(seed, act, loss, oneHot);
              const tr = computeTrace(scenario);
              const ws = createWorkspace(scenario.params, fast.T + (seed % 3), kernels);
              const L = forwardBackward(ws, scenario.params, act, loss, fast, scenario.s0);
              expect(maxRelErr([L], [tr.loss])).toBeLessThanOrEqual(TOL);
              expect(maxRelErr(ws.losses.subarray(0, fast.T), tr.losses)).toBeLessThanOrEqual(TOL);
              for (const name of [...PARAM_NAMES, 's0'] as const)
                expect(
                  maxRelErr(ws.grads[name], tr.grads[name]),
                  `${name}, seed ${seed}`,
                ).toBeLessThanOrEqual(TOL);
              const H = scenario.params.H;
              expect(maxRelErr(ws.hLast, tr.s.subarray((fast.T - 1) * H))).toBeLessThanOrEqual(TOL);
            }
          });
        }
      }
    }

    it('sizes that exercise the blocked kernels and their tails', () => {
      for (const [H, D, K, T] of [
        [4, 4, 4, 4],
        [13, 9, 11, 10],
        [32, 16, 16, 7],
        [5, 3, 65, 25],
      ]) {
        for (const oneHot of [true, false]) {
          const { scenario, fast } = randomCase(H * 1000 + T, 'tanh', 'cross-entropy', oneHot, {
            H,
            D,
            K,
            T,
          });
          const tr = computeTrace(scenario);
          const ws = createWorkspace(scenario.params, T, kernels);
          forwardBackward(ws, scenario.params, 'tanh', 'cross-entropy', fast, scenario.s0);
          for (const name of [...PARAM_NAMES, 's0'] as const)
            expect(maxRelErr(ws.grads[name], tr.grads[name]), name).toBeLessThanOrEqual(TOL);
        }
      }
    });

    it('a range start..start+len of a sequence equals the trace of that slice', () => {
      const { scenario, fast } = randomCase(7, 'sigmoid', 'squared-error', true, {
        H: 6,
        D: 5,
        K: 4,
        T: 12,
      });
      const { D, K } = scenario.params;
      const [start, len] = [3, 5];
      const seq = scenario.seq;
      const sliced = {
        ...scenario,
        seq: {
          T: len,
          D,
          K,
          inputs: seq.inputs.slice(start * D, (start + len) * D),
          targets: seq.targets.slice(start * K, (start + len) * K),
        },
      };
      const tr = computeTrace(sliced);
      const ws = createWorkspace(scenario.params, len, kernels);
      const L = forwardBackward(
        ws,
        scenario.params,
        'sigmoid',
        'squared-error',
        fast,
        scenario.s0,
        start,
        len,
      );
      expect(maxRelErr([L], [tr.loss])).toBeLessThanOrEqual(TOL);
      for (const name of [...PARAM_NAMES, 's0'] as const)
        expect(maxRelErr(ws.grads[name], tr.grads[name]), name).toBeLessThanOrEqual(TOL);
    });

    it('overwrites the gradients on each call rather than adding to them', () => {
      const { scenario, fast } = randomCase(3, 'tanh', 'cross-entropy', true);
      const ws = createWorkspace(scenario.params, fast.T, kernels);
      forwardBackward(ws, scenario.params, 'tanh', 'cross-entropy', fast, scenario.s0);
      const first = ws.grads.W.slice();
      forwardBackward(ws, scenario.params, 'tanh', 'cross-entropy', fast, scenario.s0);
      expect(ws.grads.W).toEqual(first);
    });

    it('refuses shapes that do not fit', () => {
      const { scenario, fast } = randomCase(5, 'tanh', 'cross-entropy', true, {
        H: 3,
        D: 4,
        K: 4,
        T: 6,
      });
      const ws = createWorkspace(scenario.params, 4, kernels);
      const run =
        (f: typeof fast, h = scenario.s0) =>
        () =>
          forwardBackward(ws, scenario.params, 'tanh', 'cross-entropy', f, h);
      expect(run(fast)).toThrow(/maxT/);
      expect(run(fast, new Float64Array(2))).toThrow(/hPrev/);
      expect(run({ ...fast, T: 3, inputIndex: Int32Array.of(0, 9, 1) })).toThrow(/inputIndex\[1\]/);
      expect(run({ T: 2, D: 4, K: 4, inputIndex: Int32Array.of(0, 1) })).toThrow(/targets/);
    });
  });
