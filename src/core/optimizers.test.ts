import { describe, expect, it } from 'vitest';
import {
  applyUpdate,
  cloneOptimizerState,
  createOptimizerState,
  OPTIMIZERS,
  step,
  type OptimizerConfig,
} from './optimizers';
import { initParams, paramTensors } from './params';
import { createRng } from './rng';

const f64 = (...xs: number[]) => Float64Array.from(xs);

/** Run one update on a single tensor and return the new θ. */
function once(config: OptimizerConfig, theta: number[], g: number[]): number[] {
  const th = [Float64Array.from(theta)];
  applyUpdate(config, createOptimizerState(config, th), th, [Float64Array.from(g)]);
  return Array.from(th[0]);
}

describe('one update by hand', () => {
  it('sgd: θ − α g', () => {
    const out = once({ name: 'sgd', lr: 0.1 }, [1, -2, 0.5], [2, -4, 0]);
    expect(out[0]).toBeCloseTo(0.8, 15);
    expect(out[1]).toBeCloseTo(-1.6, 15);
    expect(out[2]).toBe(0.5);
  });

  it('momentum: v = μ v − α g, θ + v, with the velocity carried to the next update', () => {
    const config: OptimizerConfig = { name: 'momentum', lr: 0.1, momentum: 0.9 };
    const th = [f64(1)];
    const st = createOptimizerState(config, th);
    applyUpdate(config, st, th, [f64(2)]); // v = −0.2, θ = 0.8
    expect(st.first[0][0]).toBeCloseTo(-0.2, 15);
    expect(th[0][0]).toBeCloseTo(0.8, 15);
    applyUpdate(config, st, th, [f64(2)]); // v = 0.9·(−0.2) − 0.2 = −0.38, θ = 0.42
    expect(st.first[0][0]).toBeCloseTo(-0.38, 15);
    expect(th[0][0]).toBeCloseTo(0.42, 15);
  });

  it('adagrad: G = g², θ − α g / (√G + ε); a second update is damped by the history', () => {
    const config: OptimizerConfig = { name: 'adagrad', lr: 0.1 };
    const th = [f64(1, 1)];
    const st = createOptimizerState(config, th);
    applyUpdate(config, st, th, [f64(3, -0.5)]);
    expect(Array.from(st.second[0])).toEqual([9, 0.25]);
    expect(th[0][0]).toBeCloseTo(1 - (0.1 * 3) / (3 + 1e-8), 15);
    expect(th[0][1]).toBeCloseTo(1 + (0.1 * 0.5) / (0.5 + 1e-8), 15);
    applyUpdate(config, st, th, [f64(4, 0)]); // G = 25: step 0.1·4/5; a zero gradient moves nothing
    expect(th[0][0]).toBeCloseTo(0.9 - 0.08, 8);
    expect(st.second[0][1]).toBe(0.25);
    expect(th[0][1]).toBeCloseTo(1.1, 8);
  });

  it('adam at t = 1: bias correction makes the step α·sign(g), whatever |g|', () => {
    for (const g of [1e-3, 0.7, -5, 250]) {
      const out = once({ name: 'adam', lr: 0.01 }, [0], [g]);
      // m̂ = g and v̂ = g², so the step is α g / (|g| + ε): α·sign(g) up to ε/|g|.
      expect(out[0]).toBeCloseTo((-0.01 * g) / (Math.abs(g) + 1e-8), 15);
      expect(Math.abs(out[0] + 0.01 * Math.sign(g))).toBeLessThan(0.01 * 1e-5 + 1e-15);
    }
  });

  it('adam at t = 2 by hand', () => {
    const config: OptimizerConfig = { name: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
    const th = [f64(0)];
    const st = createOptimizerState(config, th);
    applyUpdate(config, st, th, [f64(1)]);
    applyUpdate(config, st, th, [f64(3)]);
    const m = 0.9 * 0.1 + 0.1 * 3;
    const v = 0.999 * 0.001 + 0.001 * 9;
    const mHat = m / (1 - 0.81);
    const vHat = v / (1 - 0.999 ** 2);
    expect(st.t).toBe(2);
    const first = -0.1 / (1 + 1e-8); // t = 1: α g / (|g| + ε) with g = 1
    expect(th[0][0]).toBeCloseTo(first - (0.1 * mHat) / (Math.sqrt(vHat) + 1e-8), 14);
  });
});

describe('every optimizer descends', () => {
  // L(θ) = ½ Σ a_i θ_i², ∇L = a ⊙ θ: a step against the gradient lowers L.
  const a = f64(1, 3, 0.5, 2);
  const lossOf = (th: Float64Array) => th.reduce((sum, x, i) => sum + 0.5 * a[i] * x * x, 0);
  for (const name of OPTIMIZERS) {
    it(`${name}: the loss of a quadratic falls at the first step and keeps falling`, () => {
      const config: OptimizerConfig = { name, lr: 0.05 };
      const th = [f64(1, -2, 3, -0.5)];
      const g = [new Float64Array(4)];
      const st = createOptimizerState(config, th);
      let prev = lossOf(th[0]);
      const start = prev;
      for (let it = 0; it < 20; it++) {
        for (let i = 0; i < 4; i++) g[0][i] = a[i] * th[0][i];
        applyUpdate(config, st, th, g);
        const L = lossOf(th[0]);
        if (it === 0) expect(L).toBeLessThan(prev);
        prev = L;
      }
      expect(prev).toBeLessThan(start * 0.8);
    });
  }
});

describe('applyUpdate', () => {
  it('writes into out and leaves θ alone when out is another array', () => {
    const config: OptimizerConfig = { name: 'adam', lr: 0.1 };
    const th = [f64(1, 2)];
    const out = [new Float64Array(2)];
    applyUpdate(config, createOptimizerState(config, th), th, [f64(1, -1)], out);
    expect(Array.from(th[0])).toEqual([1, 2]);
    expect(out[0][0]).toBeCloseTo(0.9, 8);
    expect(out[0][1]).toBeCloseTo(2.1, 8);
  });

  it('refuses a state made for another optimizer and mismatched tensors', () => {
    const th = [f64(1, 2)];
    const st = createOptimizerState({ name: 'sgd', lr: 1 }, th);
    expect(() => applyUpdate({ name: 'adam', lr: 1 }, st, th, [f64(1, 2)])).toThrow(/sgd/);
    expect(() => applyUpdate({ name: 'sgd', lr: 1 }, st, th, [f64(1)])).toThrow(/length/);
    expect(() => applyUpdate({ name: 'sgd', lr: 1 }, st, th, [])).toThrow(/tensors/);
  });
});

describe('step, the pure form', () => {
  for (const name of OPTIMIZERS) {
    it(`${name}: returns new params and state, mutates nothing, and matches applyUpdate`, () => {
      const rng = createRng(11);
      const dims = { H: 3, D: 2, K: 4 };
      const params = initParams(dims, rng);
      const grads = initParams(dims, rng);
      for (const x of paramTensors(grads)) for (let i = 0; i < x.length; i++) x[i] = rng.normal();
      const config: OptimizerConfig = { name, lr: 0.1 };
      const state = createOptimizerState(config, paramTensors(params));
      // Advance the state once so it holds something worth protecting.
      applyUpdate(config, state, paramTensors(initParams(dims, rng)), paramTensors(grads));
      const before = {
        params: paramTensors(params).map((x) => x.slice()),
        grads: paramTensors(grads).map((x) => x.slice()),
        state: cloneOptimizerState(state),
      };

      const r1 = step(config, params, grads, state);
      const r2 = step(config, r1.params, grads, r1.state);

      expect(paramTensors(params)).toEqual(before.params);
      expect(paramTensors(grads)).toEqual(before.grads);
      expect(state).toEqual(before.state);
      expect(r1.params).not.toBe(params);
      expect(r1.state.t).toBe(state.t + 1);
      expect(r2.state.t).toBe(state.t + 2);

      // The same two updates in place give the same numbers.
      const inPlace = paramTensors(params).map((x) => x.slice());
      const st = cloneOptimizerState(state);
      applyUpdate(config, st, inPlace, paramTensors(grads));
      applyUpdate(config, st, inPlace, paramTensors(grads));
      expect(paramTensors(r2.params)).toEqual(inPlace);
      expect(r2.state).toEqual(st);
    });
  }
});
