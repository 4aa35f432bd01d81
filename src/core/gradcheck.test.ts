import { describe, expect, it } from 'vitest';
import { GRAD_CHECK_TARGETS, gradientCheck } from './gradcheck';
import type { Rng } from './rng';
import { createRng } from './rng';
import { parseScenarioText } from './scenarioSchema';
import { computeTrace } from './trace';
import type { ActivationName, Grads, LossName, Scenario } from './types';
import {
  ACTIVATION_NAMES as ACTIVATIONS,
  ACTIVATIONS as ACTIVATION_TABLE,
  LOSS_NAMES as LOSSES,
} from './model';
import exampleText from '../../test/fixtures/example-scenario.json?raw';
import { randomCase } from './testScenarios';

/** Random small scenario: H 1..5, D and K 1..4, T 1..6, random s0, biases, inputs, soft targets. */
function randomScenario(rng: Rng, activation: ActivationName, loss: LossName): Scenario {
  const small = { maxH: 5, maxD: 4, maxK: 4, maxT: 6, oneHotTargets: false };
  return randomCase(rng, activation, loss, false, small).scenario;
}

/**
 * A random scenario whose pre-activations all stay at least 1e-3 from 0 when f is ReLU, so
 * that no difference quotient straddles the kink (other activations are smooth: any will do).
 */
function smoothScenario(rng: Rng, activation: ActivationName, loss: LossName): Scenario {
  for (;;) {
    const sc = randomScenario(rng, activation, loss);
    // Finite differences need a_t away from a kink of f or f' (see activations.ts).
    if (ACTIVATION_TABLE[activation].smooth) return sc;
    if (computeTrace(sc).a.every((v) => Math.abs(v) >= 1e-3)) return sc;
  }
}

function loadExample(): Scenario {
  const r = parseScenarioText(exampleText);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const entryCount = ({ params: { H, D, K } }: Scenario) => H * D + H * H + K * H + H + K + H;

describe('gradientCheck on random scenarios', () => {
  const N = 25;
  for (const activation of ACTIVATIONS) {
    for (const loss of LOSSES) {
      it(`${activation} x ${loss}: five-point differences agree to < 1e-6`, () => {
        const rng = createRng(1000 + ACTIVATIONS.indexOf(activation) * 10 + LOSSES.indexOf(loss));
        for (let n = 0; n < N; n++) {
          const sc = smoothScenario(rng, activation, loss);
          const r = gradientCheck(sc, { order: 4, eps: 1e-4 });
          expect(r.checked).toBe(entryCount(sc));
          expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(1e-6);
        }
      });

      it(`${activation} x ${loss}: the textbook 2-point differences agree to < 1e-5`, () => {
        // Same scenarios; (L(θ+ε) - L(θ-ε)) / 2ε at ε = 1e-5 is only good to about 1e-10
        // absolute, i.e. ~1e-6 relative on gradients near the floor (1e-4).
        const rng = createRng(1000 + ACTIVATIONS.indexOf(activation) * 10 + LOSSES.indexOf(loss));
        for (let n = 0; n < N; n++) {
          const r = gradientCheck(smoothScenario(rng, activation, loss));
          expect(r.order).toBe(2);
          expect(r.eps).toBe(1e-5);
          expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(1e-5);
        }
      });
    }
  }
});

describe('gradientCheck', () => {
  it('passes the worked example with default settings and checks every entry', () => {
    const sc = loadExample();
    const r = gradientCheck(sc);
    expect(r.checked).toBe(23); // U 2x3, W 2x2, V 3x2, b 2, c 3, s0 2
    expect(r.maxRelError).toBeLessThan(1e-6);
    expect(r.maxAbsError).toBeLessThan(1e-8);
    expect(r.minAbsPreactivation).toBeCloseTo(0.0017146382738417731, 15);
    let total = 0;
    for (const name of GRAD_CHECK_TARGETS) {
      total += r.byParam[name].checked;
      expect(r.byParam[name].maxRelError).toBeLessThanOrEqual(r.maxRelError);
    }
    expect(total).toBe(23);
    expect(r.byParam.W.checked).toBe(4);
    expect(r.byParam.s0.checked).toBe(2);
  });

  it('catches a gradient with a flipped sign, and names the entry', () => {
    const sc = loadExample();
    const flipped = (s: Scenario): Grads => {
      const g = computeTrace(s).grads;
      g.W = g.W.map((v) => -v);
      return g;
    };
    const r = gradientCheck(sc, { gradsFn: flipped });
    expect(r.maxRelError).toBeCloseTo(2, 6); // |a - n| / max(|a|, |n|) = 2|n| / |n|
    expect(r.worst.param).toBe('W');
    expect(r.worst.analytic).toBeCloseTo(-r.worst.numeric, 8);
    expect(r.byParam.W.maxRelError).toBeGreaterThan(1.99);
    expect(r.byParam.U.maxRelError).toBeLessThan(1e-6);
  });

  it('catches a small error in one entry, with row and col', () => {
    const sc = loadExample(); // V is K x H = 3 x 2
    const off = (s: Scenario): Grads => {
      const g = computeTrace(s).grads;
      g.V[2 * 2 + 1] *= 1.001;
      return g;
    };
    const r = gradientCheck(sc, { gradsFn: off });
    expect(r.worst).toMatchObject({ param: 'V', index: 5, row: 2, col: 1 });
    expect(r.maxRelError).toBeGreaterThan(5e-4);
    expect(r.maxRelError).toBeLessThan(2e-3);
  });

  it('catches BPTT that drops the term from the future (truncated to one step)', () => {
    const sc = loadExample();
    // Gradients of a network whose state is cut from its past: feed s_{t-1} in as a constant.
    const truncated = (s: Scenario): Grads => {
      const tr = computeTrace(s);
      const { H, D, K } = s.params;
      const g = { ...tr.grads, U: new Float64Array(H * D), W: new Float64Array(H * H) };
      g.b = new Float64Array(H);
      for (let t = 0; t < tr.T; t++) {
        for (let i = 0; i < H; i++) {
          let ds = 0;
          for (let k = 0; k < K; k++) ds += s.params.V[k * H + i] * tr.dL_do[t * K + k];
          const da = (1 - tr.s[t * H + i] ** 2) * ds;
          g.b[i] += da;
          for (let d = 0; d < D; d++) g.U[i * D + d] += da * s.seq.inputs[t * D + d];
          for (let j = 0; j < H; j++)
            g.W[i * H + j] += da * (t === 0 ? s.s0[j] : tr.s[(t - 1) * H + j]);
        }
      }
      return g;
    };
    // s0 = 0 in the example, so the gradient of s0 is left as computed: U, W, b are at fault.
    const r = gradientCheck(sc, { gradsFn: truncated });
    expect(r.maxRelError).toBeGreaterThan(1e-2);
    expect(['U', 'W', 'b']).toContain(r.worst.param);
  });

  it('reports NaN gradients as an infinite error, never a pass', () => {
    const sc = loadExample();
    const nan = (s: Scenario): Grads => {
      const g = computeTrace(s).grads;
      g.c[1] = NaN;
      return g;
    };
    const r = gradientCheck(sc, { gradsFn: nan });
    expect(r.maxRelError).toBe(Infinity);
    expect(r.maxAbsError).toBe(Infinity);
    expect(r.worst).toMatchObject({ param: 'c', index: 1 });
  });

  it("shows ReLU's kink at a = 0 through minAbsPreactivation", () => {
    // H = D = K = 1, x = 0, s0 = 0, b = 0: a_1 = 0 exactly, relu'(0) = 0 by convention, while the
    // central difference sees half the slope.
    const sc: Scenario = {
      activation: 'relu',
      loss: 'squared-error',
      params: {
        H: 1,
        D: 1,
        K: 1,
        U: Float64Array.of(1),
        W: Float64Array.of(1),
        V: Float64Array.of(1),
        b: Float64Array.of(0),
        c: Float64Array.of(0),
      },
      s0: Float64Array.of(0),
      seq: { T: 1, D: 1, K: 1, inputs: Float64Array.of(0), targets: Float64Array.of(1) },
    };
    const r = gradientCheck(sc);
    expect(r.minAbsPreactivation).toBe(0);
    expect(r.worst.param).toBe('b');
    expect(r.worst.analytic).toBe(0);
    expect(r.worst.numeric).toBeCloseTo(-1, 4); // half of dL/db = 2 (o - y) = -2 from the right
    expect(r.maxRelError).toBeCloseTo(1, 6);
  });

  it('checks a seeded sample of entries without replacement', () => {
    const sc = smoothScenario(createRng(7), 'tanh', 'cross-entropy');
    const total = entryCount(sc);
    const m = Math.min(5, total - 1);
    const a = gradientCheck(sc, { samples: m, rng: createRng(3) });
    const b = gradientCheck(sc, { samples: m, rng: createRng(3) });
    expect(a.checked).toBe(m);
    expect(a).toEqual(b);
    let count = 0;
    for (const name of GRAD_CHECK_TARGETS) count += a.byParam[name].checked;
    expect(count).toBe(m);
    expect(gradientCheck(sc, { samples: total + 10 }).checked).toBe(total);
  });

  it('samples are distinct and cover every entry over many draws', () => {
    const sc = loadExample();
    const seen = new Set<string>();
    const rng = createRng(11);
    for (let i = 0; i < 40; i++) {
      // Ask for the worst of a sample of size 1: the sampled entry itself.
      const r = gradientCheck(sc, { samples: 1, rng });
      expect(r.checked).toBe(1);
      seen.add(`${r.worst.param}:${r.worst.index}`);
    }
    expect(seen.size).toBeGreaterThan(15);
    // A sample of the full size checks each entry once.
    const all = gradientCheck(sc, { samples: 22, rng: createRng(5) });
    expect(all.checked).toBe(22);
  });

  it("leaves the caller's scenario untouched", () => {
    const sc = smoothScenario(createRng(3), 'sigmoid', 'squared-error');
    const before = [sc.params.U, sc.params.W, sc.params.V, sc.params.b, sc.params.c, sc.s0].map(
      (v) => v.slice(),
    );
    gradientCheck(sc);
    gradientCheck(sc, { order: 4 });
    expect([sc.params.U, sc.params.W, sc.params.V, sc.params.b, sc.params.c, sc.s0]).toEqual(
      before,
    );
  });

  it('refuses bad options', () => {
    const sc = loadExample();
    expect(() => gradientCheck(sc, { eps: 0 })).toThrow(RangeError);
    expect(() => gradientCheck(sc, { eps: NaN })).toThrow(RangeError);
    expect(() => gradientCheck(sc, { floor: -1 })).toThrow(RangeError);
    expect(() => gradientCheck(sc, { samples: 0 })).toThrow(RangeError);
    expect(() => gradientCheck(sc, { samples: 1.5 })).toThrow(RangeError);
    expect(() => gradientCheck(sc, { order: 3 as 2 })).toThrow(RangeError);
  });
});
