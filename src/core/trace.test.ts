import { describe, expect, it } from 'vitest';
import exampleText from '../../test/fixtures/example-scenario.json?raw';
import { randomCase } from './testScenarios';
import expectedTrace from '../../test/fixtures/example-trace.json';
import { activation as activationOf } from './activations';
import { gradientCheck } from './gradcheck';
import type { Rng } from './rng';
import { createRng } from './rng';
import { parseScenarioText } from './scenarioSchema';
import { traceToJson } from './traceJson';
import { computeTrace } from './trace';
import type { ActivationName, LossName, Params, Scenario, Trace } from './types';
import { ACTIVATION_NAMES as ACTIVATIONS, LOSS_NAMES as LOSSES } from './model';

/**
 * Compare a JSON value with the expected one: the same keys (extra keys allowed in `actual`),
 * arrays of the same length, numbers to a relative error of `rel` (absolute `rel` * 1e-6 near 0).
 */
function expectClose(actual: unknown, expected: unknown, rel = 1e-9, path = 'trace'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const a = actual as number;
    const err = Math.abs(a - expected);
    const tol = rel * Math.max(Math.abs(expected), 1e-6);
    if (!(err <= tol)) expect.fail(`${path}: got ${a}, expected ${expected} (error ${err})`);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, rel, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', `${path} is an object`).toBe(true);
    for (const [k, e] of Object.entries(expected)) {
      expect(actual, path).toHaveProperty([k]);
      expectClose((actual as Record<string, unknown>)[k], e, rel, `${path}.${k}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

function loadExample(): Scenario {
  const r = parseScenarioText(exampleText);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A random real-valued scenario (H 1..5, D and K 1..4, T 1..6) with random s0 and biases. */
function randomScenario(rng: Rng, activation: ActivationName, loss: LossName): Scenario {
  const small = { maxH: 5, maxD: 4, maxK: 4, maxT: 6, oneHotTargets: true };
  return randomCase(rng, activation, loss, false, small).scenario;
}

/** Every activation x loss, five random scenarios each, and the worked example. */
function manyScenarios(): Scenario[] {
  const rng = createRng(2024);
  const out = [loadExample()];
  for (const act of ACTIVATIONS)
    for (const loss of LOSSES) for (let n = 0; n < 5; n++) out.push(randomScenario(rng, act, loss));
  return out;
}

function tiny(
  p: Partial<Params> & Pick<Params, 'H' | 'D' | 'K'>,
  rest: Omit<Scenario, 'params' | 's0'> & { s0?: Float64Array },
): Scenario {
  const { H, D, K } = p;
  return {
    ...rest,
    s0: rest.s0 ?? new Float64Array(H),
    params: {
      H,
      D,
      K,
      U: p.U ?? new Float64Array(H * D),
      W: p.W ?? new Float64Array(H * H),
      V: p.V ?? new Float64Array(K * H),
      b: p.b ?? new Float64Array(H),
      c: p.c ?? new Float64Array(K),
    },
  };
}

const row = (m: Float64Array, t: number, n: number) => Array.from(m.subarray(t * n, (t + 1) * n));

describe('the worked example (spec/trace-format.md)', () => {
  it('parses: H = 2, D = K = 3, T = 3, tanh, cross-entropy', () => {
    const sc = loadExample();
    expect(sc.params).toMatchObject({ H: 2, D: 3, K: 3 });
    expect(sc.seq.T).toBe(3);
    expect(sc.activation).toBe('tanh');
    expect(sc.loss).toBe('cross-entropy');
  });

  it('matches example-trace.json on every number to 1e-9 relative, with every key', () => {
    const json = traceToJson(computeTrace(loadExample()));
    for (const key of ['T', 'a', 's', 'o', 'yhat', 'losses', 'loss', 'dL_do', 'dL_ds', 'dL_da'])
      expect(json).toHaveProperty([key]);
    for (const key of ['U', 'W', 'V', 'b', 'c', 's0']) expect(json.grads).toHaveProperty([key]);
    expect(Object.keys(expectedTrace.grads).sort()).toEqual(['U', 'V', 'W', 'b', 'c', 's0']);
    expectClose(json, expectedTrace);
    // And it survives a JSON round trip (what the CLI prints) unchanged.
    expectClose(JSON.parse(JSON.stringify(json)), expectedTrace);
  });

  it('the comparison would notice a difference of 1e-8 relative', () => {
    const json = traceToJson(computeTrace(loadExample()));
    json.grads.W[1][0] *= 1 + 1e-8;
    expect(() => expectClose(json, expectedTrace)).toThrow(/trace\.grads\.W\[1\]\[0\]/);
  });

  it('the extra keys hold the two terms of dL/ds_t', () => {
    const tr = computeTrace(loadExample());
    const json = traceToJson(tr);
    expect(json.dL_ds_from_output).toEqual([0, 1, 2].map((t) => row(tr.dL_ds_out, t, 2)));
    expect(json.dL_ds_from_future).toEqual([0, 1, 2].map((t) => row(tr.dL_ds_next, t, 2)));
  });
});

describe('BPTT identities', () => {
  const cases = manyScenarios();

  it('the per-step contributions sum to the gradients', () => {
    for (const sc of cases) {
      const tr = computeTrace(sc);
      const { H, D, K, T } = tr;
      const sizes = { U: H * D, W: H * H, V: K * H, b: H, c: K } as const;
      for (const name of ['U', 'W', 'V', 'b', 'c'] as const) {
        const size = sizes[name];
        expect(tr.contrib[name]).toHaveLength(T * size);
        const sum = new Float64Array(size);
        for (let t = 0; t < T; t++)
          for (let i = 0; i < size; i++) sum[i] += tr.contrib[name][t * size + i];
        for (let i = 0; i < size; i++) expect(tr.grads[name][i]).toBeCloseTo(sum[i], 12);
      }
    }
  });

  it('each contribution is the outer product the spec writes', () => {
    for (const sc of cases) {
      const tr = computeTrace(sc);
      const { H, D, K, T } = tr;
      for (let t = 0; t < T; t++) {
        const sPrev = t === 0 ? Array.from(sc.s0) : row(tr.s, t - 1, H);
        for (let i = 0; i < H; i++) {
          const da = tr.dL_da[t * H + i];
          expect(tr.contrib.b[t * H + i]).toBe(da);
          for (let d = 0; d < D; d++)
            expect(tr.contrib.U[(t * H + i) * D + d]).toBe(da * sc.seq.inputs[t * D + d]);
          for (let j = 0; j < H; j++) expect(tr.contrib.W[(t * H + i) * H + j]).toBe(da * sPrev[j]);
        }
        for (let k = 0; k < K; k++)
          for (let i = 0; i < H; i++)
            expect(tr.contrib.V[(t * K + k) * H + i]).toBe(tr.dL_do[t * K + k] * tr.s[t * H + i]);
      }
    }
  });

  it('dL/ds_t = dL/ds_t (output) + dL/ds_t (future), and the future term is 0 at t = T', () => {
    for (const sc of cases) {
      const tr = computeTrace(sc);
      const { H, T } = tr;
      for (let i = 0; i < T * H; i++) expect(tr.dL_ds[i]).toBe(tr.dL_ds_out[i] + tr.dL_ds_next[i]);
      expect(row(tr.dL_ds_next, T - 1, H)).toEqual(new Array(H).fill(0));
    }
  });

  it('the terms are V^T dL/do_t and W^T dL/da_{t+1}; dL/da_t = f′(a_t) ⊙ dL/ds_t', () => {
    for (const sc of cases) {
      const tr = computeTrace(sc);
      const { H, K, T } = tr;
      const { V, W } = sc.params;
      const f = activationOf(sc.activation);
      for (let t = 0; t < T; t++) {
        for (let i = 0; i < H; i++) {
          let out = 0;
          for (let k = 0; k < K; k++) out += V[k * H + i] * tr.dL_do[t * K + k];
          expect(tr.dL_ds_out[t * H + i]).toBeCloseTo(out, 12);
          if (t < T - 1) {
            let next = 0;
            for (let j = 0; j < H; j++) next += W[j * H + i] * tr.dL_da[(t + 1) * H + j];
            expect(tr.dL_ds_next[t * H + i]).toBeCloseTo(next, 12);
          }
          const a = tr.a[t * H + i];
          expect(tr.dL_da[t * H + i]).toBeCloseTo(f.df(a, f.f(a)) * tr.dL_ds[t * H + i], 12);
        }
      }
      // dL/ds_0 = W^T dL/da_1
      for (let i = 0; i < H; i++) {
        let g = 0;
        for (let j = 0; j < H; j++) g += W[j * H + i] * tr.dL_da[j];
        expect(tr.grads.s0[i]).toBeCloseTo(g, 12);
      }
    }
  });

  it('L is the sum over time of L_t, and the gradients pass a numerical check', () => {
    for (const sc of cases) {
      const tr = computeTrace(sc);
      expect(tr.loss).toBeCloseTo(
        tr.losses.reduce((x, y) => x + y, 0),
        12,
      );
      if (sc.activation === 'relu' && tr.a.some((v) => Math.abs(v) < 1e-3)) continue; // kink
      expect(gradientCheck(sc, { order: 4, eps: 1e-4 }).maxRelError).toBeLessThan(1e-6);
    }
  });

  it('does not modify its input', () => {
    const sc = loadExample();
    const copy = structuredClone(sc);
    computeTrace(sc);
    expect(sc).toEqual(copy);
  });
});

describe('by hand', () => {
  it('squared error: a, s, o, L and dL/do on a tiny case', () => {
    // H = 1, D = 1, K = 2, T = 2, f = tanh, s0 = 0.5.
    const sc = tiny(
      {
        H: 1,
        D: 1,
        K: 2,
        U: Float64Array.of(2),
        W: Float64Array.of(0.5),
        V: Float64Array.of(1, -2),
        b: Float64Array.of(0.1),
        c: Float64Array.of(0, 1),
      },
      {
        activation: 'tanh',
        loss: 'squared-error',
        s0: Float64Array.of(0.5),
        seq: {
          T: 2,
          D: 1,
          K: 2,
          inputs: Float64Array.of(0.3, -1),
          targets: Float64Array.of(1, 0, 0, 2),
        },
      },
    );
    const tr = computeTrace(sc);
    // t = 1: a = 0.1 + 0.5 * 0.5 + 2 * 0.3 = 0.95
    const a1 = 0.95;
    const s1 = Math.tanh(a1);
    const o1 = [s1, 1 - 2 * s1];
    // t = 2: a = 0.1 + 0.5 s1 - 2
    const a2 = 0.1 + 0.5 * s1 - 2;
    const s2 = Math.tanh(a2);
    const o2 = [s2, 1 - 2 * s2];
    const L1 = (o1[0] - 1) ** 2 + (o1[1] - 0) ** 2; // no 1/2
    const L2 = (o2[0] - 0) ** 2 + (o2[1] - 2) ** 2;
    expect(tr.a[0]).toBeCloseTo(a1, 15);
    expect(tr.a[1]).toBeCloseTo(a2, 15);
    expect(Array.from(tr.o)).toEqual([o1, o2].flat().map((v) => expect.closeTo(v, 15)));
    expect(Array.from(tr.yhat)).toEqual(Array.from(tr.o)); // yhat = o for squared error
    expect(tr.losses[0]).toBeCloseTo(L1, 14);
    expect(tr.losses[1]).toBeCloseTo(L2, 14);
    expect(tr.loss).toBeCloseTo(L1 + L2, 14);
    const dLdo = [2 * (o1[0] - 1), 2 * o1[1], 2 * o2[0], 2 * (o2[1] - 2)];
    expect(Array.from(tr.dL_do)).toEqual(dLdo.map((v) => expect.closeTo(v, 14)));
    // Backward by hand: dL/ds_2 = V^T dL/do_2, dL/da_2 = (1 - s2²) dL/ds_2, then through W.
    const ds2 = 1 * dLdo[2] - 2 * dLdo[3];
    const da2 = (1 - s2 * s2) * ds2;
    const ds1 = 1 * dLdo[0] - 2 * dLdo[1] + 0.5 * da2;
    const da1 = (1 - s1 * s1) * ds1;
    expect(tr.dL_ds[1]).toBeCloseTo(ds2, 14);
    expect(tr.dL_ds_next[0]).toBeCloseTo(0.5 * da2, 14);
    expect(tr.dL_ds[0]).toBeCloseTo(ds1, 14);
    expect(tr.grads.W[0]).toBeCloseTo(da1 * 0.5 + da2 * s1, 14);
    expect(tr.grads.U[0]).toBeCloseTo(da1 * 0.3 + da2 * -1, 14);
    expect(tr.grads.b[0]).toBeCloseTo(da1 + da2, 14);
    expect(tr.grads.c[0]).toBeCloseTo(dLdo[0] + dLdo[2], 14);
    expect(tr.grads.V[1]).toBeCloseTo(dLdo[1] * s1 + dLdo[3] * s2, 14);
    expect(tr.grads.s0[0]).toBeCloseTo(0.5 * da1, 14);
  });

  it('relu′(0) is 0: a pre-activation of exactly 0 passes no gradient', () => {
    const sc = tiny(
      { H: 1, D: 1, K: 1, V: Float64Array.of(1) },
      {
        activation: 'relu',
        loss: 'squared-error',
        seq: { T: 1, D: 1, K: 1, inputs: Float64Array.of(1), targets: Float64Array.of(3) },
      },
    );
    const tr = computeTrace(sc);
    expect(tr.a[0]).toBe(0);
    expect(tr.dL_do[0]).toBe(-6);
    expect(tr.dL_ds[0]).toBe(-6);
    expect(Math.abs(tr.dL_da[0])).toBe(0); // 0 * -6 is -0
  });
});

describe('softmax and cross-entropy', () => {
  const logitsScenario = (c: number[], y: number[]): Trace =>
    computeTrace(
      tiny(
        { H: 1, D: 1, K: c.length, c: Float64Array.from(c) },
        {
          activation: 'tanh',
          loss: 'cross-entropy',
          seq: {
            T: 1,
            D: 1,
            K: c.length,
            inputs: Float64Array.of(0),
            targets: Float64Array.from(y),
          },
        },
      ),
    );

  it('is stable for logits like 1000 (no NaN, no Infinity)', () => {
    // V = 0, so o = c.
    const tr = logitsScenario([1000, 999, -1000], [0, 0, 1]);
    for (const v of [...tr.yhat, ...tr.dL_do, tr.loss]) expect(Number.isFinite(v)).toBe(true);
    const z = 1 + Math.exp(-1);
    expect(tr.yhat[0]).toBeCloseTo(1 / z, 15);
    expect(tr.yhat[1]).toBeCloseTo(Math.exp(-1) / z, 15);
    expect(tr.yhat[2]).toBe(0); // e^-2000 underflows; the loss must not go through log(0)
    // L = -log yhat_3 = (1000 - (-1000)) + log(1 + e^-1)
    expect(tr.loss).toBeCloseTo(2000 + Math.log(z), 9);
    expect(Array.from(tr.dL_do)).toEqual(
      [1 / z, Math.exp(-1) / z, -1].map((v) => expect.closeTo(v, 15)),
    );
  });

  it('is stable for all logits equal and huge, and very negative', () => {
    const up = logitsScenario([1e300, 1e300], [1, 0]);
    expect(Array.from(up.yhat)).toEqual([0.5, 0.5]);
    expect(up.loss).toBeCloseTo(Math.LN2, 15);
    const down = logitsScenario([-1000, -1001], [0, 1]);
    expect(down.loss).toBeCloseTo(1 + Math.log(1 + Math.exp(-1)), 12);
  });

  it('a soft target: L = -Σ y log yhat and dL/do = yhat Σy - y', () => {
    const o = [0.3, -1.2, 2.0, 0.5];
    const y = [0.1, 0.2, 0.3, 0.4];
    const tr = logitsScenario(o, y);
    const Z = o.reduce((acc, v) => acc + Math.exp(v), 0);
    const yhat = o.map((v) => Math.exp(v) / Z);
    const L = -y.reduce((acc, yk, k) => acc + yk * Math.log(yhat[k]), 0);
    expect(Array.from(tr.yhat)).toEqual(yhat.map((v) => expect.closeTo(v, 15)));
    expect(tr.loss).toBeCloseTo(L, 14);
    expect(Array.from(tr.dL_do)).toEqual(yhat.map((v, k) => expect.closeTo(v - y[k], 15)));
  });

  it('a target that does not sum to 1 still gets dL/do = yhat Σy - y (the general formula)', () => {
    // The schema refuses such targets, but the core's formula holds for any y >= 0.
    const o = [1, 0, -1];
    const y = [0.2, 0.3, 0.1]; // Σy = 0.6
    const tr = logitsScenario(o, y);
    const Z = o.reduce((acc, v) => acc + Math.exp(v), 0);
    const yhat = o.map((v) => Math.exp(v) / Z);
    expect(Array.from(tr.dL_do)).toEqual(yhat.map((v, k) => expect.closeTo(v * 0.6 - y[k], 15)));
    expect(tr.loss).toBeCloseTo(-y.reduce((acc, yk, k) => acc + yk * Math.log(yhat[k]), 0), 14);
  });

  it('soft targets through a whole network pass the gradient check', () => {
    const rng = createRng(99);
    for (let n = 0; n < 5; n++) {
      const sc = randomScenario(rng, 'sigmoid', 'cross-entropy');
      const { T, K } = sc.seq;
      for (let t = 0; t < T; t++) {
        let sum = 0;
        for (let k = 0; k < K; k++) sum += sc.seq.targets[t * K + k] = rng.next();
        for (let k = 0; k < K; k++) sc.seq.targets[t * K + k] /= sum;
      }
      const tr = computeTrace(sc);
      for (let t = 0; t < T; t++)
        for (let k = 0; k < K; k++)
          expect(tr.dL_do[t * K + k]).toBeCloseTo(
            tr.yhat[t * K + k] - sc.seq.targets[t * K + k],
            15,
          );
      expect(gradientCheck(sc, { order: 4, eps: 1e-4 }).maxRelError).toBeLessThan(1e-6);
    }
  });
});
