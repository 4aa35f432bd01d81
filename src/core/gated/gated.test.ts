import { describe, expect, it } from 'vitest';
import { CELLS, LOSS_NAMES, type CellName, type LossName } from '../model';
import { initParams } from '../params';
import { createRng } from '../rng';
import { parseScenario, scenarioToJson } from '../scenarioSchema';
import { traceToJson } from '../traceJson';
import { computeTrace, firstNonFinite } from '../trace';
import type { Scenario } from '../types';

// The gated cells against an independent check: a scalar reverse-mode automatic
// differentiation written here from the spec's equations alone (spec/trace-format.md, "Gated
// cells"), with each gate's weights read row by row from the stacked blocks. Every value and
// every gradient the trace holds must agree with it to 1e-9; central differences check the
// parameter gradients once more, and the identities between the terms are checked last.

import {
  add,
  backward,
  leaf,
  lossN,
  mul,
  scale,
  sigN,
  tanhN,
  type Node,
} from '../testing/autodiff';

// ---------- the model, straight from the spec, on nodes ----------

interface Reference {
  loss: number;
  /** Per step, per unit. */
  s: Node[][];
  m: Node[][];
  o: Node[][];
  yhat: number[][];
  losses: number[];
  /** Stacked pre-activations, GH per step. */
  a: Node[][];
  gates: Record<string, Node[][]>;
  params: Record<'U' | 'W' | 'V' | 'b' | 'c', Node[]>;
  s0: Node[];
  m0: Node[];
}

function reference(sc: Scenario): Reference {
  const cell = sc.params.cell ?? 'rnn';
  const { H, D, K } = sc.params;
  const { T, inputs, targets } = sc.seq;
  const nodes = (a: Float64Array) => Array.from(a, leaf);
  const P = {
    U: nodes(sc.params.U),
    W: nodes(sc.params.W),
    V: nodes(sc.params.V),
    b: nodes(sc.params.b),
    c: nodes(sc.params.c),
  };
  const s0 = nodes(sc.s0);
  const m0 = nodes(sc.m0 ?? new Float64Array(H));
  // Block `blk` (0-based, in the spec's order) of W v + U x + b, unit j.
  const block = (blk: number, j: number, v: Node[], t: number) => {
    const row = blk * H + j;
    const terms = [P.b[row]];
    for (let k = 0; k < H; k++) terms.push(mul(P.W[row * H + k], v[k]));
    for (let d = 0; d < D; d++) terms.push(scale(P.U[row * D + d], inputs[t * D + d]));
    return add(...terms);
  };
  const out: Reference = {
    loss: 0,
    s: [],
    m: [],
    o: [],
    yhat: [],
    losses: [],
    a: [],
    gates: {},
    params: P,
    s0,
    m0,
  };
  const names = CELLS[cell].gates.map((g) => g.name);
  for (const n of names) out.gates[n] = [];
  let sPrev = s0;
  let mPrev = m0;
  const lossTerms: Node[] = [];
  for (let t = 0; t < T; t++) {
    let s: Node[];
    if (cell === 'lstm') {
      const a = [0, 1, 2, 3].map((blk) => sPrev.map((_, j) => block(blk, j, sPrev, t)));
      const [i, f, g, q] = [sigN, sigN, tanhN, sigN].map((fn, blk) => a[blk].map(fn));
      const m = mPrev.map((mp, j) => add(mul(f[j], mp), mul(i[j], g[j])));
      s = m.map((mj, j) => mul(q[j], tanhN(mj)));
      out.a.push(a.flat());
      Object.assign(out.gates, {
        i: [...out.gates.i, i],
        f: [...out.gates.f, f],
        g: [...out.gates.g, g],
        q: [...out.gates.q, q],
      });
      out.m.push(m);
      mPrev = m;
    } else {
      const aR = sPrev.map((_, j) => block(0, j, sPrev, t));
      const r = aR.map(sigN);
      const aZ = sPrev.map((_, j) => block(1, j, sPrev, t));
      const z = aZ.map(sigN);
      const rs = r.map((rj, j) => mul(rj, sPrev[j]));
      const aN = sPrev.map((_, j) => block(2, j, rs, t));
      const n = aN.map(tanhN);
      // s_t = z ⊙ s_{t-1} + (1 − z) ⊙ n
      s = z.map((zj, j) => add(mul(zj, sPrev[j]), n[j], scale(mul(zj, n[j]), -1)));
      out.a.push([...aR, ...aZ, ...aN]);
      out.gates.r.push(r);
      out.gates.z.push(z);
      out.gates.n.push(n);
    }
    out.s.push(s);
    const o = Array.from({ length: K }, (_, k) =>
      add(P.c[k], ...s.map((sj, j) => mul(P.V[k * H + j], sj))),
    );
    out.o.push(o);
    const y = Array.from(targets.subarray(t * K, (t + 1) * K));
    const { loss: Lt, yhat } = lossN(o, y, sc.loss);
    out.yhat.push(yhat);
    out.losses.push(Lt.val);
    lossTerms.push(Lt);
    sPrev = s;
  }
  const L = add(...lossTerms);
  out.loss = L.val;
  backward(L);
  return out;
}

// ---------- random gated scenarios ----------

function gatedCase(seed: number, cell: CellName, loss: LossName, T = 5): Scenario {
  const rng = createRng(seed);
  const H = 3;
  const D = 2;
  const K = 3;
  const params = initParams({ H, D, K, cell }, rng, 1.2);
  for (let i = 0; i < params.b.length; i++) params.b[i] += 0.4 * rng.normal();
  for (let k = 0; k < K; k++) params.c[k] = 0.3 * rng.normal();
  const inputs = Float64Array.from({ length: T * D }, () => rng.normal());
  const targets = new Float64Array(T * K);
  for (let t = 0; t < T; t++) {
    if (loss === 'cross-entropy') {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += targets[t * K + k] = rng.next();
      for (let k = 0; k < K; k++) targets[t * K + k] /= sum;
    } else for (let k = 0; k < K; k++) targets[t * K + k] = rng.normal();
  }
  return {
    activation: 'tanh',
    loss,
    params,
    s0: Float64Array.from({ length: H }, () => 0.5 * rng.normal()),
    ...(cell === 'lstm' ? { m0: Float64Array.from({ length: H }, () => rng.normal()) } : {}),
    seq: { T, D, K, inputs, targets },
  };
}

function expectAll(actual: ArrayLike<number>, expected: number[], what: string, rel = 1e-9) {
  expect(actual.length, `${what}.length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]);
    const tol = rel * Math.max(Math.abs(expected[i]), 1e-6);
    if (!(err <= tol)) expect.fail(`${what}[${i}]: got ${actual[i]}, expected ${expected[i]}`);
  }
}

const vals = (rows: Node[][]) => rows.flat().map((n) => n.val);
const grads = (rows: Node[][]) => rows.flat().map((n) => n.grad);

const CASES: [CellName, LossName, number][] = [];
for (const cell of ['lstm', 'gru'] as const)
  for (const loss of LOSS_NAMES) for (const seed of [1, 2, 3]) CASES.push([cell, loss, seed]);

describe.each(CASES)('%s, %s, seed %i', (cell, loss, seed) => {
  const sc = gatedCase(seed, cell, loss);
  const tr = computeTrace(sc);
  const ref = reference(sc);

  it('agrees with automatic differentiation to 1e-9 on every value and gradient', () => {
    expect(tr.cell).toBe(cell);
    expect(firstNonFinite(tr)).toBeNull();
    expectAll(tr.a, vals(ref.a), 'a');
    expectAll(tr.s, vals(ref.s), 's');
    expectAll(tr.o, vals(ref.o), 'o');
    expectAll(tr.yhat, ref.yhat.flat(), 'yhat');
    expectAll(tr.losses, ref.losses, 'losses');
    expectAll([tr.loss], [ref.loss], 'loss');
    for (const [name, rows] of Object.entries(ref.gates)) {
      const got = (tr.gated!.gates as Record<string, Float64Array>)[name];
      expectAll(got, vals(rows), `gates.${name}`);
    }
    // Gradients of every intermediate and every parameter.
    expectAll(tr.dL_do, grads(ref.o), 'dL_do');
    expectAll(tr.dL_ds, grads(ref.s), 'dL_ds');
    expectAll(tr.dL_da, grads(ref.a), 'dL_da');
    for (const p of ['U', 'W', 'V', 'b', 'c'] as const)
      expectAll(
        tr.grads[p],
        ref.params[p].map((n) => n.grad),
        `grads.${p}`,
      );
    expectAll(
      tr.grads.s0,
      ref.s0.map((n) => n.grad),
      'grads.s0',
    );
    if (tr.gated?.cell === 'lstm') {
      expectAll(tr.gated.m, vals(ref.m), 'm');
      expectAll(tr.gated.dL_dm, grads(ref.m), 'dL_dm');
      expectAll(
        tr.grads.m0!,
        ref.m0.map((n) => n.grad),
        'grads.m0',
      );
    } else expect(tr.grads.m0).toBeUndefined();
  });

  it('agrees with central differences on every parameter entry, s0 and m0', () => {
    const h = 1e-5;
    const lossAt = (mutate: (d: number) => void, d: number) => {
      mutate(d);
      const L = computeTrace(sc).loss;
      mutate(-d);
      return L;
    };
    const targets: [string, Float64Array, ArrayLike<number>][] = [
      ...(['U', 'W', 'V', 'b', 'c'] as const).map(
        (p) => [p, sc.params[p], tr.grads[p]] as [string, Float64Array, Float64Array],
      ),
      ['s0', sc.s0, tr.grads.s0],
      ...(sc.m0 ? [['m0', sc.m0, tr.grads.m0!] as [string, Float64Array, Float64Array]] : []),
    ];
    let worst = 0;
    let checked = 0;
    for (const [name, buf, g] of targets) {
      for (let i = 0; i < buf.length; i++) {
        const bump = (d: number) => (buf[i] += d);
        const fd = (lossAt(bump, h) - lossAt(bump, -h)) / (2 * h);
        const err = Math.abs(fd - g[i]) / Math.max(Math.abs(g[i]), Math.abs(fd), 1e-4);
        if (!(err <= 1e-6)) expect.fail(`${name}[${i}]: analytic ${g[i]}, central ${fd}`);
        worst = Math.max(worst, err);
        checked++;
      }
    }
    // Every entry of U, W, b (GH rows), V, c, s0 (and m0) was bumped.
    const H = sc.params.H;
    const G = cell === 'lstm' ? 4 : 3;
    expect(checked).toBe(G * H * (2 + H + 1) + 3 * H + 3 + H + (cell === 'lstm' ? H : 0));
    expect(worst).toBeLessThan(1e-6);
  });

  it('holds the identities between its terms', () => {
    const { T, H, D } = tr;
    const G = tr.a.length / T;
    const close = (x: number, y: number, what: string) =>
      expect(Math.abs(x - y), what).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(y)));
    // ∂L/∂s_t is its two parts; ∂L/∂b = Σ_t ∂L/∂a_t; ∂L/∂U = Σ_t ∂L/∂a_t x_tᵀ.
    for (let k = 0; k < T * H; k++)
      close(tr.dL_ds[k], tr.dL_ds_out[k] + tr.dL_ds_next[k], `dL_ds[${k}]`);
    for (let r = 0; r < G; r++) {
      let sb = 0;
      for (let t = 0; t < T; t++) sb += tr.dL_da[t * G + r];
      close(tr.grads.b[r], sb, `b[${r}]`);
      for (let d = 0; d < D; d++) {
        let su = 0;
        for (let t = 0; t < T; t++) su += tr.dL_da[t * G + r] * sc.seq.inputs[t * D + d];
        close(tr.grads.U[r * D + d], su, `U[${r},${d}]`);
      }
    }
    // ∂L/∂W = Σ_t ∂L/∂a_t vᵀ per block, v = s_{t-1} (a GRU's n block: r_t ⊙ s_{t-1}).
    const prevS = (t: number, j: number) => (t === 0 ? tr.s0[j] : tr.s[(t - 1) * H + j]);
    const g = tr.gated!;
    for (let r = 0; r < G; r++)
      for (let j = 0; j < H; j++) {
        let sw = 0;
        for (let t = 0; t < T; t++) {
          const v = g.cell === 'gru' && r >= 2 * H ? g.rs[t * H + j] : prevS(t, j);
          sw += tr.dL_da[t * G + r] * v;
        }
        close(tr.grads.W[r * H + j], sw, `W[${r},${j}]`);
      }
    if (g.cell === 'lstm') {
      for (let t = 0; t < T; t++)
        for (let j = 0; j < H; j++) {
          const k = t * H + j;
          close(g.dL_dm[k], g.dL_dm_from_s[k] + g.dL_dm_from_next[k], `dL_dm[${k}]`);
          const tm = Math.tanh(g.m[k]);
          close(g.dL_dm_from_s[k], tr.dL_ds[k] * g.gates.q[k] * (1 - tm * tm), `from s[${k}]`);
          const next = t < T - 1 ? g.dL_dm[k + H] * g.gates.f[k + H] : 0;
          close(g.dL_dm_from_next[k], next, `from m_{t+1}[${k}]`);
        }
      for (let j = 0; j < H; j++) close(tr.grads.m0![j], g.dL_dm[j] * g.gates.f[j], `m0[${j}]`);
    } else {
      // The four parts step t sends to s_{t-1} add up to what s_{t-1} gets from the future.
      for (let t = 0; t < T; t++)
        for (let j = 0; j < H; j++) {
          const k = t * H + j;
          const sum =
            g.dL_dsprev_direct[k] + g.dL_dsprev_z[k] + g.dL_dsprev_n[k] + g.dL_dsprev_r[k];
          close(t === 0 ? tr.grads.s0[j] : tr.dL_ds_next[k - H], sum, `parts of step ${t + 1}`);
          close(g.dL_dsprev_direct[k], g.gates.z[k] * tr.dL_ds[k], `direct[${k}]`);
        }
    }
  });
});

describe('gated scenarios through the schema', () => {
  it('round-trips an LSTM scenario (cell, m0, no activation) to the same trace', () => {
    const sc = gatedCase(9, 'lstm', 'cross-entropy');
    const json = scenarioToJson(sc);
    expect(json.cell).toBe('lstm');
    expect(json.activation).toBeUndefined();
    expect(json.m0).toHaveLength(3);
    const back = parseScenario(JSON.parse(JSON.stringify(json)));
    if (!back.ok) throw new Error(back.error);
    expect(back.value.params.cell).toBe('lstm');
    const a = traceToJson(computeTrace(sc));
    const b = traceToJson(computeTrace(back.value));
    expect(b).toEqual(a);
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['m', 'dL_dm', 'gates', 'cell']));
    expect(Object.keys(a.grads)).toContain('m0');
    expect(a.a[0]).toHaveLength(12);
    expect(a.grads.W).toHaveLength(12);
  });

  it('refuses bad gated shapes and fields, naming the field', () => {
    const base = scenarioToJson(gatedCase(4, 'lstm', 'squared-error'));
    const bad = (patch: object) => {
      const r = parseScenario({ ...base, ...patch });
      return r.ok ? 'accepted' : r.error;
    };
    const W2 = [
      [0.1, 0.2, 0.3],
      [0.1, 0.2, 0.3],
      [0.1, 0.2, 0.3],
    ];
    expect(bad({ params: { ...base.params, W: W2 } })).toBe('params.W: expected 12 x 3, got 3 x 3');
    expect(bad({ params: { ...base.params, b: [0, 0, 0] } })).toBe(
      'params.b: expected 12 entries, got 3',
    );
    expect(bad({ params: { ...base.params, U: base.params.U.slice(0, 10) } })).toBe(
      'params.U: expected 4H rows (blocks i, f, g, q of H rows each), got 10',
    );
    expect(bad({ activation: 'tanh' })).toBe(
      "activation: an LSTM's nonlinearities are fixed; leave activation out",
    );
    expect(bad({ m0: [1, 2] })).toBe('m0: expected 3 entries, got 2');
    expect(bad({ cell: 'transformer' })).toBe('cell: expected "rnn", "leaky", "lstm" or "gru"');
    expect(bad({ cell: 'gru' })).toMatch(/^m0: only an LSTM has a cell state/);
    const noM0 = { ...base };
    delete noM0.m0;
    // As a GRU, U's 12 rows make H = 4, and W (12 x 3) no longer fits.
    expect(parseScenario({ ...noM0, cell: 'gru' })).toMatchObject({
      ok: false,
      error: 'params.W: expected 12 x 4, got 12 x 3',
    });
    // An LSTM without m0 starts from zeros.
    const r = parseScenario(noM0);
    expect(r.ok && Array.from(r.value.m0!)).toEqual([0, 0, 0]);
  });
});
