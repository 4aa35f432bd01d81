import { describe, expect, it } from 'vitest';
import type { LossName } from '../model';
import { createRng } from '../rng';
import { PLAIN_KERNELS, SIMD_KERNELS } from '../train/kernelChoice';
import { maxRelErr, randomCase } from '../testScenarios';
import { computeTrace } from '../trace';
import type { Scenario } from '../types';
import {
  createGatedWorkspace,
  gatedForward,
  gatedForwardBackward,
  stateSize,
  type GatedCell,
} from './fast';
import { gatedFlow, sampleGatedChars } from './session';

// The training path of the gated cells against the explorer's traces (lstm.ts, gru.ts), which
// gated.test.ts checks against an independent autodiff: same losses, same gradients.

const CELLS: GatedCell[] = ['lstm', 'gru'];
const LOSSES: LossName[] = ['cross-entropy', 'squared-error'];
const TOL = 1e-10;

/** The carried state of a scenario: s_0, then m_0 for an LSTM. */
const stateOf = (sc: Scenario, cell: GatedCell) => {
  const h = new Float64Array(stateSize(cell, sc.params.H));
  h.set(sc.s0);
  if (cell === 'lstm') h.set(sc.m0!, sc.params.H);
  return h;
};

/** Steps from..to-1 of a scenario as a scenario of their own, from the given state. */
function slice(sc: Scenario, from: number, to: number, s0: Float64Array, m0?: Float64Array) {
  const { D, K } = sc.seq;
  return {
    ...sc,
    s0,
    ...(m0 ? { m0 } : {}),
    seq: {
      T: to - from,
      D,
      K,
      inputs: sc.seq.inputs.slice(from * D, to * D),
      targets: sc.seq.targets.slice(from * K, to * K),
    },
  };
}

for (const simd of [true, false])
  describe(`gated training path, ${simd ? 'WebAssembly SIMD products (even H)' : 'plain loops'}`, () => {
    const kernels = simd ? SIMD_KERNELS : PLAIN_KERNELS;

    it('uses the SIMD products exactly when they are on and H is even', () => {
      expect(createGatedWorkspace('lstm', { H: 4, D: 3, K: 2 }, 5, kernels).simd !== null).toBe(
        simd,
      );
      expect(createGatedWorkspace('gru', { H: 6, D: 3, K: 2 }, 5, kernels).simd !== null).toBe(
        simd,
      );
      expect(createGatedWorkspace('gru', { H: 5, D: 3, K: 2 }, 5, kernels).simd).toBeNull();
    });

    for (const cell of CELLS)
      for (const loss of LOSSES)
        for (const oneHot of [false, true])
          it(`${cell}, ${loss}, ${oneHot ? 'one-hot' : 'dense'} inputs: the trace's loss and gradients`, () => {
            for (let seed = 1; seed <= 6; seed++) {
              // Even and odd sizes: H = 2, 3, … 7 (odd H keeps the plain loops).
              const { scenario: sc, fast } = randomCase(seed, 'tanh', loss, oneHot, {
                cell,
                H: seed + 1,
              });
              const tr = computeTrace(sc);
              const ws = createGatedWorkspace(cell, sc.params, sc.seq.T + 2, kernels);
              const L = gatedForwardBackward(ws, sc.params, loss, fast, stateOf(sc, cell));
              expect(Math.abs(L - tr.loss)).toBeLessThan(TOL * Math.max(1, Math.abs(tr.loss)));
              for (const name of ['U', 'W', 'V', 'b', 'c', 's0'] as const)
                expect(maxRelErr(ws.grads[name], tr.grads[name]), name).toBeLessThan(1e-8);
              if (cell === 'lstm') expect(maxRelErr(ws.grads.m0, tr.grads.m0!)).toBeLessThan(1e-8);
              expect(maxRelErr(ws.dL_ds.subarray(0, tr.T * tr.H), tr.dL_ds)).toBeLessThan(1e-8);
              const T = sc.seq.T;
              const H = sc.params.H;
              expect(maxRelErr(ws.stateLast.subarray(0, H), tr.s.subarray((T - 1) * H))).toBe(0);
              const f = createGatedWorkspace(cell, sc.params, T, kernels);
              expect(gatedForward(f, sc.params, loss, fast, stateOf(sc, cell))).toBe(L);
            }
          });

    for (const cell of CELLS)
      it(`${cell}: a chunk from the middle carries the state the first chunk left`, () => {
        const { scenario: sc, fast } = randomCase(7, 'tanh', 'cross-entropy', true, {
          cell,
          T: 9,
          H: 4,
        });
        const H = sc.params.H;
        const ws = createGatedWorkspace(cell, sc.params, 9, kernels);
        gatedForwardBackward(ws, sc.params, sc.loss, fast, stateOf(sc, cell), 0, 4);
        const carried = ws.stateLast.slice();
        const L = gatedForwardBackward(ws, sc.params, sc.loss, fast, carried, 4, 5);
        const full = computeTrace(sc);
        const m4 = cell === 'lstm' ? carried.slice(H) : undefined;
        const tr = computeTrace(slice(sc, 4, 9, carried.slice(0, H), m4));
        expect(maxRelErr(carried.subarray(0, H), full.s.subarray(3 * H, 4 * H))).toBe(0);
        expect(Math.abs(L - tr.loss) / tr.loss).toBeLessThan(TOL);
        expect(maxRelErr(ws.grads.W, tr.grads.W)).toBeLessThan(1e-8);
        expect(maxRelErr(ws.grads.U, tr.grads.U)).toBeLessThan(1e-8);
      });

    for (const cell of CELLS)
      it(`${cell}: ∂L_T/∂s_t of the last loss alone, by differences of the traces' ∂L/∂s_0`, () => {
        // Σ_{u>t} L_u from s_t minus Σ_{t<u<T} L_u from s_t leaves L_T: its gradient at s_t.
        const { scenario: sc, fast } = randomCase(3, 'tanh', 'cross-entropy', false, {
          cell,
          T: 6,
          H: 4,
        });
        const { H } = sc.params;
        const T = sc.seq.T;
        const flow = gatedFlow(sc.params, sc.loss, fast, stateOf(sc, cell), kernels);
        const full = computeTrace(sc);
        const stateAt = (t: number) => ({
          s: t === 0 ? sc.s0 : full.s.slice((t - 1) * H, t * H),
          m:
            cell === 'lstm'
              ? t === 0
                ? sc.m0!
                : full.gated!.cell === 'lstm'
                  ? full.gated!.m.slice((t - 1) * H, t * H)
                  : undefined
              : undefined,
        });
        for (let t = 0; t < T; t++) {
          const { s, m } = stateAt(t);
          const all = computeTrace(slice(sc, t, T, s, m)).grads;
          const before = t < T - 1 ? computeTrace(slice(sc, t, T - 1, s, m)).grads : null;
          const want = all.s0.map((g, j) => g - (before ? before.s0[j] : 0));
          const got = flow.dLT_ds.subarray(t * H, (t + 1) * H);
          for (let j = 0; j < H; j++) expect(got[j]).toBeCloseTo(want[j], 12);
          expect(flow.gradNorm[t]).toBeCloseTo(Math.hypot(...want), 12);
          if (cell === 'lstm') {
            // The slice holds s_t fixed; m_t also made s_t = q_t ⊙ tanh(m_t) (not so for m_0).
            const g = full.gated!.cell === 'lstm' ? full.gated! : null;
            const viaS = (j: number) => {
              if (t === 0 || !g) return 0;
              const k = (t - 1) * H + j;
              return want[j] * g.gates.q[k] * (1 - g.tanh_m[k] ** 2);
            };
            const wantM = all.m0!.map((x, j) => x - (before ? before.m0![j] : 0) + viaS(j));
            expect(flow.cellGradNorm![t]).toBeCloseTo(Math.hypot(...wantM), 12);
          }
        }
        expect(flow.lossT).toBeCloseTo(full.losses[T - 1], 14);
      });

    it('refuses what does not fit: another cell, a short state, a chunk past the end', () => {
      const { scenario: sc, fast } = randomCase(2, 'tanh', 'cross-entropy', true, { cell: 'lstm' });
      const ws = createGatedWorkspace('gru', sc.params, 10, kernels);
      expect(() => gatedForward(ws, sc.params, sc.loss, fast, new Float64Array(2))).toThrow(/gru/);
      const ok = createGatedWorkspace('lstm', sc.params, 10, kernels);
      expect(() => gatedForward(ok, sc.params, sc.loss, fast, new Float64Array(1))).toThrow(
        /state/,
      );
      expect(() =>
        gatedForward(ok, sc.params, sc.loss, fast, stateOf(sc, 'lstm'), 0, sc.seq.T + 1),
      ).toThrow(/outside/);
    });

    for (const cell of CELLS)
      it(`${cell}: greedy sampling follows the forward pass it feeds back`, () => {
        const { scenario: sc } = randomCase(5, 'tanh', 'cross-entropy', true, {
          cell,
          H: 6,
          D: 4,
          K: 4,
        });
        const h = stateOf(sc, cell);
        const out = sampleGatedChars(sc.params, 2, h, 6, createRng(1), 0, kernels);
        // Replay: feed 2 then each drawn character; each must be the argmax of the trace's o_t.
        const x = [2, ...Array.from(out.subarray(0, 5))];
        const inputs = new Float64Array(6 * 4);
        x.forEach((d, t) => (inputs[t * 4 + d] = 1));
        const tr = computeTrace({
          ...sc,
          seq: { T: 6, D: 4, K: 4, inputs, targets: new Float64Array(24).fill(0.25) },
        });
        for (let t = 0; t < 6; t++) {
          const o = Array.from(tr.o.subarray(t * 4, t * 4 + 4));
          expect(out[t]).toBe(o.indexOf(Math.max(...o)));
        }
        expect(h).toEqual(stateOf(sc, cell)); // the caller's state is not touched
      });
  });
