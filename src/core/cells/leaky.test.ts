import { describe, expect, it } from 'vitest';
import { gradientFlow } from '../lab/gradientFlow';
import { parseScenario, scenarioToJson } from '../scenarioSchema';
import { maxRelErr, randomCase } from '../testScenarios';
import { add, backward, leaf, lossN, mul, Node, scale, sigN, tanhN } from '../testing/autodiff';
import { traceToJson } from '../traceJson';
import { computeTrace } from '../trace';
import { createWorkspace, forwardBackward, sampleChars } from '../train';
import type { ActivationName, LossName, Scenario } from '../types';

// Leaky units (spec/trace-format.md, "Leaky units, layers and directions") against the spec's
// equations written on autodiff nodes, independent of the trace's BPTT:
//   a_t = b + W s_{t-1} + U x_t,   s_t = keep ⊙ s_{t-1} + (1 − keep) ⊙ f(a_t).

const reluN = (a: Node) => new Node(Math.max(0, a.val), [[a, a.val > 0 ? 1 : 0]]);
const ACT_NODES: Partial<Record<ActivationName, (a: Node) => Node>> = {
  tanh: tanhN,
  sigmoid: sigN,
  relu: reluN,
};

/** Every value and gradient of the trace, from nodes; lastOnly: the loss is L_T alone. */
function reference(sc: Scenario, lastOnly = false) {
  const { H, D, K } = sc.params;
  const keep = sc.params.keep!;
  const { T, inputs, targets } = sc.seq;
  const f = ACT_NODES[sc.activation]!;
  const nodes = (a: Float64Array) => Array.from(a, leaf);
  const P = {
    U: nodes(sc.params.U),
    W: nodes(sc.params.W),
    V: nodes(sc.params.V),
    b: nodes(sc.params.b),
    c: nodes(sc.params.c),
  };
  const s0 = nodes(sc.s0);
  const a: Node[][] = [];
  const s: Node[][] = [];
  const yhat: number[][] = [];
  const losses: Node[] = [];
  let sPrev = s0;
  for (let t = 0; t < T; t++) {
    const at = Array.from({ length: H }, (_, i) => {
      const terms = [P.b[i]];
      for (let j = 0; j < H; j++) terms.push(mul(P.W[i * H + j], sPrev[j]));
      for (let d = 0; d < D; d++) terms.push(scale(P.U[i * D + d], inputs[t * D + d]));
      return add(...terms);
    });
    const st = at.map((ai, i) => add(scale(sPrev[i], keep[i]), scale(f(ai), 1 - keep[i])));
    const o = Array.from({ length: K }, (_, k) =>
      add(P.c[k], ...st.map((sj, j) => mul(P.V[k * H + j], sj))),
    );
    const y = Array.from(targets.subarray(t * K, (t + 1) * K));
    const r = lossN(o, y, sc.loss);
    a.push(at);
    s.push(st);
    yhat.push(r.yhat);
    losses.push(r.loss);
    sPrev = st;
  }
  const L = lastOnly ? losses[T - 1] : add(...losses);
  backward(L);
  const vals = (m: Node[][]) => m.flat().map((n) => n.val);
  const grads = (m: Node[][] | Node[]) => m.flat().map((n) => n.grad);
  return {
    loss: L.val,
    a: vals(a),
    s: vals(s),
    yhat: yhat.flat(),
    losses: losses.map((n) => n.val),
    dL_ds: grads(s),
    dL_da: grads(a),
    g: { U: grads(P.U), W: grads(P.W), V: grads(P.V), b: grads(P.b), c: grads(P.c) },
    s0: grads(s0),
  };
}

const CASES: [ActivationName, LossName, boolean][] = [
  ['tanh', 'cross-entropy', true],
  ['tanh', 'squared-error', false],
  ['sigmoid', 'cross-entropy', false],
  ['relu', 'squared-error', true],
];

describe('leaky units', () => {
  for (const [act, loss, oneHot] of CASES)
    it(`agree with autodiff on the spec's equations to 1e-9 (${act}, ${loss})`, () => {
      for (let seed = 1; seed <= 6; seed++) {
        const { scenario } = randomCase(seed, act, loss, oneHot, { cell: 'leaky' });
        const tr = computeTrace(scenario);
        const ref = reference(scenario);
        expect(tr.cell).toBe('leaky');
        expect(maxRelErr([tr.loss], [ref.loss])).toBeLessThan(1e-9);
        for (const k of ['a', 's', 'yhat', 'losses', 'dL_ds', 'dL_da'] as const)
          expect(maxRelErr(tr[k], ref[k]), k).toBeLessThan(1e-9);
        for (const p of ['U', 'W', 'V', 'b', 'c'] as const)
          expect(maxRelErr(tr.grads[p], ref.g[p]), p).toBeLessThan(1e-9);
        expect(maxRelErr(tr.grads.s0, ref.s0), 's0').toBeLessThan(1e-9);
      }
    });

  it('keeps the two paths from the future apart, and ∂L/∂s_t = output + future', () => {
    const { scenario } = randomCase(3, 'tanh', 'cross-entropy', true, { cell: 'leaky', T: 6 });
    const tr = computeTrace(scenario);
    const lk = tr.leaky!;
    const { H, T } = tr;
    for (let t = 0; t < T; t++)
      for (let i = 0; i < H; i++) {
        const r = t * H + i;
        expect(lk.dL_ds_next_W[r] + lk.dL_ds_next_kept[r]).toBeCloseTo(tr.dL_ds_next[r], 14);
        expect(tr.dL_ds_out[r] + tr.dL_ds_next[r]).toBeCloseTo(tr.dL_ds[r], 14);
        // The kept path of step t carries keep ⊙ ∂L/∂s_{t+1}.
        const kept = t < T - 1 ? lk.keep[i] * tr.dL_ds[(t + 1) * H + i] : 0;
        expect(lk.dL_ds_next_kept[r]).toBeCloseTo(kept, 14);
      }
  });

  it('with every keep rate 0 is the vanilla RNN, number for number', () => {
    const { scenario } = randomCase(5, 'tanh', 'cross-entropy', true, { cell: 'leaky' });
    const vanillaParams = { ...scenario.params };
    delete vanillaParams.keep;
    delete vanillaParams.cell;
    const leaky = computeTrace({
      ...scenario,
      params: { ...scenario.params, keep: new Float64Array(scenario.params.H) },
    });
    const vanilla = computeTrace({ ...scenario, params: vanillaParams });
    for (const k of ['s', 'o', 'dL_ds', 'dL_da'] as const)
      expect(maxRelErr(leaky[k], vanilla[k]), k).toBeLessThan(1e-15);
    expect(maxRelErr(leaky.grads.W, vanilla.grads.W)).toBeLessThan(1e-15);
  });

  it('train on the fast path with the trace’s loss and gradients, chunk by chunk', () => {
    for (const [act, loss, oneHot] of CASES) {
      const { scenario, fast } = randomCase(7, act, loss, oneHot, { cell: 'leaky', T: 8 });
      const p = scenario.params;
      const ws = createWorkspace(p, 8);
      const L = forwardBackward(ws, p, act, loss, fast, scenario.s0);
      const tr = computeTrace(scenario);
      expect(Math.abs(L - tr.loss) / Math.abs(tr.loss)).toBeLessThan(1e-12);
      for (const k of ['U', 'W', 'V', 'b', 'c', 's0'] as const)
        expect(maxRelErr(ws.grads[k], tr.grads[k]), k).toBeLessThan(1e-10);
      // The second half from the state the first half left: the trace's s_4 and its losses.
      forwardBackward(ws, p, act, loss, fast, scenario.s0, 0, 4);
      const carried = ws.hLast.slice();
      expect(maxRelErr(carried, tr.s.subarray(3 * p.H, 4 * p.H))).toBeLessThan(1e-12);
      const L2 = forwardBackward(ws, p, act, loss, fast, carried, 4, 4);
      const tail = tr.losses.subarray(4).reduce((x, y) => x + y, 0);
      expect(Math.abs(L2 - tail) / Math.abs(tail)).toBeLessThan(1e-12);
    }
  });

  it('send the last loss back along diag(κ) + Wᵀ diag((1 − κ) ⊙ f′) (gradient flow)', () => {
    const { scenario, fast } = randomCase(11, 'tanh', 'cross-entropy', true, {
      cell: 'leaky',
      T: 7,
      H: 4,
    });
    const flow = gradientFlow(scenario.params, 'tanh', 'cross-entropy', fast, scenario.s0);
    const ref = reference(scenario, true);
    const H = 4;
    expect(maxRelErr(flow.dLT_ds.subarray(H), ref.dL_ds)).toBeLessThan(1e-9);
    expect(maxRelErr(flow.dLT_ds.subarray(0, H), ref.s0)).toBeLessThan(1e-9);
    // ‖P_t‖ bounds how much ∂L_T/∂s_T can grow on its way back to s_t.
    const last = Math.hypot(...flow.dLT_ds.subarray(7 * H));
    for (let t = 0; t < 7; t++)
      expect(flow.gradNorm[t]).toBeLessThanOrEqual(flow.jacobianNorm[t] * last * (1 + 1e-9));
  });

  it('sample by feeding back their own outputs, keeping a share of the state', () => {
    const { scenario } = randomCase(13, 'tanh', 'cross-entropy', true, {
      cell: 'leaky',
      D: 5,
      K: 5,
      T: 1,
    });
    const p = scenario.params;
    const h = new Float64Array(p.H);
    const greedy = sampleChars(p, 'tanh', 2, h, 6, { next: () => 0.5, normal: () => 0 }, 0);
    // Replay: each step's argmax through the trace of the sequence sampled so far.
    const inputs = new Float64Array(6 * 5);
    const from = [2, ...greedy.slice(0, 5)];
    from.forEach((ix, t) => (inputs[t * 5 + ix] = 1));
    const tr = computeTrace({
      ...scenario,
      s0: h,
      seq: { T: 6, D: 5, K: 5, inputs, targets: inputs.slice() },
    });
    for (let t = 0; t < 6; t++) {
      const o = Array.from(tr.o.subarray(t * 5, (t + 1) * 5));
      expect(greedy[t]).toBe(o.indexOf(Math.max(...o)));
    }
  });
});

describe('leaky units through the schema', () => {
  const json = () =>
    scenarioToJson(randomCase(2, 'tanh', 'cross-entropy', true, { cell: 'leaky', H: 3 }).scenario);

  it('round-trip with their keep rates, which the trace file does not list as gradients', () => {
    const j = json();
    expect(j.cell).toBe('leaky');
    expect(j.params.keep).toHaveLength(3);
    const back = parseScenario(j);
    expect(back.ok && Array.from(back.value.params.keep!)).toEqual(j.params.keep);
    const tr = traceToJson(computeTrace(back.ok ? back.value : (null as never)));
    expect(tr.cell).toBe('leaky');
    expect(Object.keys(tr.grads)).not.toContain('keep');
    expect(tr).toHaveProperty('dL_ds_from_future_kept');
  });

  it('default a missing keep to the declared rate', () => {
    const j = json();
    delete j.params.keep;
    const r = parseScenario(j);
    expect(r.ok && Array.from(r.value.params.keep!)).toEqual([0.5, 0.5, 0.5]);
  });

  it('refuse bad keep rates, naming the field', () => {
    const bad = (edit: (j: ReturnType<typeof json>) => void) => {
      const j = json();
      edit(j);
      const r = parseScenario(j);
      return r.ok ? 'accepted' : r.error;
    };
    expect(bad((j) => (j.params.keep = [0.5, 1, 0.2]))).toBe(
      'params.keep[1]: expected a keep rate in [0, 1), got 1',
    );
    expect(bad((j) => (j.params.keep = [0.5, -0.1, 0.2]))).toMatch(/^params\.keep\[1\]:/);
    expect(bad((j) => (j.params.keep = [0.5, 0.2]))).toBe('params.keep: expected 3 entries, got 2');
    expect(
      bad((j) => {
        delete j.cell;
      }),
    ).toBe('params.keep: only an RNN of leaky units keeps a share of its state; leave keep out');
  });
});
