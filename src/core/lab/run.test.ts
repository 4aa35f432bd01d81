import { describe, expect, it } from 'vitest';
import { PARAM_NAMES } from '../model';
import { defaultLabChoices, type LabChoices } from './choices';
import { PLAIN_KERNELS, SIMD_KERNELS, type Kernels } from '../train/kernelChoice';
import { createLabRun, restoreLabRun } from './run';

const choices = (over: Partial<LabChoices>): LabChoices => ({ ...defaultLabChoices(), ...over });
const allFinite = (x: Float64Array) => x.every((v) => Number.isFinite(v));

// Budgets and thresholds (tanh, H = 32, Adagrad 0.1, clip ±5, T = 25, seed 1):
const COPY_ITERS = 300;
const COPY_LEARNED = 0.95; // k = 2 reaches this within COPY_ITERS
const COPY_NOT_LEARNED = 0.5; // k = 20 stays below it (chance is 0.25)

describe('delayed copy: how far back can a vanilla RNN remember?', () => {
  it(`learns k = 2 (accuracy > ${COPY_LEARNED} in ${COPY_ITERS} iterations)`, () => {
    const run = createLabRun(choices({ task: 'copy', delay: 2 }));
    const start = run.progress({ sample: false }).accuracy!;
    const p = run.step(COPY_ITERS);
    expect(start).toBeLessThan(0.5);
    expect(p.accuracy).toBeGreaterThan(COPY_LEARNED);
    expect(p.divergence).toBeNull();
  });

  it(`does not learn k = 20 with the same budget (accuracy < ${COPY_NOT_LEARNED})`, () => {
    const run = createLabRun(choices({ task: 'copy', delay: 20 }));
    const p = run.step(COPY_ITERS);
    expect(p.accuracy).toBeLessThan(COPY_NOT_LEARNED);
    expect(Number.isFinite(p.smoothLoss)).toBe(true);
  });
});

describe('your text', () => {
  it('brings the smoothed loss below 0.5 nats per character in 300 iterations, and the sample changes', () => {
    const run = createLabRun(choices({ task: 'text' }));
    const before = run.progress();
    expect(before.sample!.greedy).toHaveLength(160);
    expect(before.sample!.seed).toBe('T');
    const first = run.step(1);
    expect(first.smoothLoss).toBeGreaterThan(2.5); // about ln(vocabulary size) at the start
    const p = run.step(299);
    expect(p.iteration).toBe(300);
    expect(p.smoothLoss).toBeLessThan(0.5);
    expect(p.accuracy).toBeGreaterThan(0.8);
    expect(p.sample!.sample).not.toBe(before.sample!.sample);
    expect(p.sample!.greedy).not.toBe(before.sample!.greedy);
    expect(p.sample!.temperature).toBe(1);
    // The greedy continuation of a trained model is the rhyme itself.
    expect(p.sample!.greedy).toContain('wonder what you are');
  });
});

describe('running parity and sine: training reduces the loss', () => {
  it('parity', () => {
    const run = createLabRun(choices({ task: 'parity', seqLen: 10, tbptt: 10 }));
    const first = run.step(1);
    const p = run.step(499);
    expect(p.smoothLoss).toBeLessThan(0.5 * first.smoothLoss);
    expect(p.accuracy).toBeGreaterThan(0.9);
  });

  it('sine', () => {
    const run = createLabRun(choices({ task: 'sine' }));
    const first = run.step(1);
    const start = run.progress().evalLoss!;
    const p = run.step(399);
    expect(p.smoothLoss).toBeLessThan(0.1 * first.smoothLoss);
    expect(p.evalLoss).toBeLessThan(0.1 * start);
    expect(p.sample).toBeNull();
  });
});

describe('NaN and Infinity: stop, explain, recover', () => {
  // SGD on the sine task (squared error, unbounded outputs) at α = 50 without clipping.
  const blowUp = choices({ task: 'sine', opt: 'sgd', lr: 50, clip: 'off' });

  it('stops at once on a loss that blows up finitely, with a structured report, and keeps the last good weights', () => {
    const run = createLabRun(blowUp);
    const p = run.step(500, { evaluate: false });
    const d = p.divergence!;
    expect(d).not.toBeNull();
    expect(p.iteration).toBeLessThan(100);
    expect(d.iteration).toBe(p.iteration + 1);
    // Nothing went NaN: the loss ran far above both its start and a blind guess.
    expect(d.quantity).toBe('loss');
    expect(Number.isFinite(d.value)).toBe(true);
    expect(d.finite!.growth).toBeGreaterThan(100);
    expect(d.value).toBeGreaterThan(100 * d.finite!.chance);
    expect(d.finite!.zeroGradSteps).toBeGreaterThan(0);
    expect(Number.isFinite(d.gradNormBefore)).toBe(true);
    expect(d.cause?.kind).toBe('exploding');
    expect(d).toMatchObject({ lr: 50, clip: 'off', opt: 'sgd', tbptt: 25 });
    expect(d.message).toMatch(
      /^At iteration \d+, the loss per step reached .* times its yardstick .* \(learning rate 50, no clipping\); the gradient norm just before was/,
    );
    // Stopped: no more training until a recovery.
    expect(run.step(10).iteration).toBe(p.iteration);
    const snap = run.snapshot();
    expect(snap.lastGoodState.iteration).toBe(d.lastGoodIteration);
    for (const n of PARAM_NAMES) expect(allFinite(snap.lastGood.params[n])).toBe(true);
    expect(snap.lastGoodState.loss <= 100 * d.finite!.reference || d.lastGoodIteration === 0).toBe(
      true,
    );
  });

  it('names no step back through time as the cause when the truncation is 1', () => {
    const run = createLabRun(choices({ task: 'sine', opt: 'sgd', lr: 0.3, clip: 'off', tbptt: 1 }));
    const d = run.step(50, { evaluate: false }).divergence!;
    expect(d.cause).toEqual({ kind: 'no-time-steps' });
    expect(d.tbptt).toBe(1);
    // The first iteration had no update before it: no norm "just before".
    expect(d.iteration).toBe(1);
    expect(d.gradNormBefore).toBeNaN();
  });

  it('catches weights broken from outside on the next update, as the loss', () => {
    const run = createLabRun(choices({ task: 'parity' }));
    run.step(3);
    run.params().W[4] = NaN;
    const p = run.step(5);
    expect(p.divergence).toMatchObject({ iteration: 4, quantity: 'loss', lastGoodIteration: 2 });
    run.restoreLastGood();
    expect(Number.isFinite(run.params().W[4])).toBe(true);
    expect(run.step(2).divergence).toBeNull();
  });

  it('recovery 1: restore the last good weights', () => {
    const run = createLabRun(blowUp);
    run.step(500, { evaluate: false });
    const good = run.snapshot().lastGood;
    run.restoreLastGood();
    expect(run.divergence()).toBeNull();
    for (const n of PARAM_NAMES) expect(run.params()[n]).toEqual(good.params[n]);
    const p = run.step(1);
    expect(p.divergence).toBeNull();
    expect(allFinite(run.params().W)).toBe(true);
  });

  it('recovery 2: lower the learning rate (by 10 each time) until training holds', () => {
    const run = createLabRun(blowUp);
    run.step(500, { evaluate: false });
    const lrs: number[] = [];
    let p;
    do {
      run.lowerLearningRate();
      lrs.push(run.choices().lr);
      p = run.step(300, { evaluate: false });
    } while (p.divergence && lrs.length < 5);
    expect(lrs[0]).toBe(5);
    expect(p.divergence).toBeNull();
    expect(p.smoothLoss).toBeLessThan(0.1);
  });

  it('recovery 3: turn clipping on (by global norm)', () => {
    // At α = 50 clipped steps are still 250 long and blow the loss up again; at 0.5 (parity)
    // the gradient's growth was the trouble, and clipping holds.
    const run = createLabRun(choices({ task: 'parity', opt: 'sgd', lr: 0.5, clip: 'off' }));
    expect(run.step(500, { evaluate: false }).divergence?.cause?.kind).toBe('exploding');
    run.turnClippingOn();
    expect(run.choices()).toMatchObject({ clip: 'norm', clipAt: 5, lr: 0.5 });
    const p = run.step(300, { evaluate: false });
    expect(p.divergence).toBeNull();
    expect(p.clippedGradNorm).toBeLessThanOrEqual(5 * (1 + 1e-12));
    expect(p.gradNorm).toBeGreaterThan(5);
  });
});

describe('the run object', () => {
  it('is deterministic for a seed', () => {
    const a = createLabRun(choices({ task: 'copy', seed: 3 })).step(20);
    const b = createLabRun(choices({ task: 'copy', seed: 3 })).step(20);
    const c = createLabRun(choices({ task: 'copy', seed: 4 })).step(20);
    expect(b).toEqual(a);
    expect(c.smoothLoss).not.toBe(a.smoothLoss);
  });

  it('applies learning rate and clipping to the running session', () => {
    const run = createLabRun(choices({ task: 'text', clip: 'off' }));
    run.step(5);
    run.setOptions({ clip: 'norm', clipAt: 0.01 });
    let p = run.step(1, { evaluate: false, sample: false });
    expect(p.gradNorm).toBeGreaterThan(0.01);
    expect(p.clippedGradNorm).toBeCloseTo(0.01, 12);
    run.setOptions({ clip: 'value', clipAt: 0.001 });
    p = run.step(1, { evaluate: false, sample: false });
    // Each of the N entries is at most 0.001, so the clipped norm is at most 0.001 √N.
    const N = PARAM_NAMES.reduce((n, k) => n + run.params()[k].length, 0);
    expect(p.clippedGradNorm).toBeLessThanOrEqual(0.001 * Math.sqrt(N));
    const W = run.params().W.slice();
    run.setOptions({ lr: 1e-12, clip: 'off' });
    run.step(1, { evaluate: false, sample: false });
    const moved = run.params().W.reduce((m, w, i) => Math.max(m, Math.abs(w - W[i])), 0);
    expect(moved).toBeLessThan(1e-10);
    expect(p.iteration).toBe(7);
    expect(() => run.setOptions({ lr: -1 })).toThrow(/Learning rate/);
    expect(() => run.setOptions({ hidden: 8 } as never)).toThrow(/hidden cannot change/);
    expect(run.choices().hidden).toBe(32);
  });

  it('snapshots and restores the whole run: the continuation is bit for bit the same', () => {
    for (const task of ['text', 'copy'] as const) {
      const run = createLabRun(choices({ task, opt: 'adam', lr: 0.01 }));
      run.step(30);
      const snap = structuredClone(run.snapshot());
      const a = run.step(20);
      const curvesA = run.curves();
      const again = restoreLabRun(snap);
      const b = again.step(20);
      expect(b).toEqual(a);
      expect(again.curves()).toEqual(curvesA);
      for (const n of PARAM_NAMES) expect(again.params()[n]).toEqual(run.params()[n]);
      // In place, too.
      run.restore(snap);
      expect(run.step(20)).toEqual(a);
    }
  });

  it('Adagrad on the fast path: snapshot keeps its memory', () => {
    const run = createLabRun(choices({ hidden: 20 }));
    run.step(10);
    const snap = run.snapshot();
    expect(snap.current.optimizer.name).toBe('adagrad');
    expect(snap.current.optimizer.second.some((g) => g.some((v) => v > 0))).toBe(true);
    const a = run.step(5);
    expect(restoreLabRun(snap).step(5)).toEqual(a);
  });

  it('trains on the kernels it is given: the plain loops and WebAssembly SIMD agree', () => {
    // Kernels that count how often a workspace asks them for WebAssembly memory.
    const counting = (k: Kernels) => {
      const c = {
        asked: 0,
        kernels: { name: k.name, wasm: (n: number) => (c.asked++, k.wasm(n)) },
      };
      return c;
    };
    // Vanilla: bit for bit (the SIMD path takes the plain path's sums in the same order).
    const on = (kernels: Kernels) => {
      const run = createLabRun(choices({ task: 'text', hidden: 12 }), kernels);
      return { p: run.step(40), params: run.params() };
    };
    const simdK = counting(SIMD_KERNELS);
    const plainK = counting(PLAIN_KERNELS);
    const simd = on(simdK.kernels);
    const plain = on(plainK.kernels);
    expect(simdK.asked).toBeGreaterThan(0);
    expect(plainK.asked).toBeGreaterThan(0);
    for (const n of PARAM_NAMES) expect(plain.params[n], n).toEqual(simd.params[n]);
    expect(plain.p.smoothLoss).toBe(simd.p.smoothLoss);
    expect(plain.p.sample).toEqual(simd.p.sample);
    // Gated (even H, so the SIMD products run): the same training, to rounding.
    for (const cell of ['lstm', 'gru'] as const) {
      const ks = [counting(SIMD_KERNELS), counting(PLAIN_KERNELS)];
      const [a, b] = ks.map((k) =>
        createLabRun(choices({ task: 'copy', delay: 2, hidden: 8, cell }), k.kernels).step(30, {
          sample: false,
        }),
      );
      for (const k of ks) expect(k.asked, cell).toBeGreaterThan(0);
      expect(b.smoothLoss).toBeCloseTo(a.smoothLoss, 9);
      expect(b.iteration).toBe(a.iteration);
    }
  });

  it('keeps curves, one point per iteration', () => {
    const run = createLabRun(choices({ task: 'parity' }));
    run.step(7);
    run.step(3);
    const c = run.curves();
    expect(c.smoothLoss).toHaveLength(10);
    expect(c.gradNorm).toHaveLength(10);
    expect(Array.from(c.accuracyIteration)).toEqual([7, 10]);
  });

  it('explains vanishing gradients, measures and rescales W, checks its gradients', () => {
    const run = createLabRun(choices({ task: 'copy', hidden: 16 }));
    run.step(20);
    const flow = run.gradientFlow();
    expect(flow.T).toBe(25);
    expect(flow.gradNorm).toHaveLength(26);
    run.setSpectralRadius(0.5);
    expect(run.spectral()!.spectralRadius).toBeCloseTo(0.5, 6);
    const small = run.gradientFlow();
    expect(small.jacobianNorm[0]).toBeLessThan(1e-3); // about 0.5^25 times ‖f′‖ products
    const check = run.checkGradients(60);
    expect(check.worstRelError).toBeLessThan(1e-6);
    expect(check.checked).toBe(60);
  });
});
