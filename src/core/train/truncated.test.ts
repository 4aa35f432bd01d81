import { describe, expect, it } from 'vitest';
import { applyClip, type ClipConfig } from '../clip';
import { createOptimizerState, step, type OptimizerConfig } from '../optimizers';
import { cloneParams, initParams, paramTensors } from '../params';
import { createRng } from '../rng';
import { computeTrace } from '../trace';
import type { Grads, Params, Scenario } from '../types';
import { sampleChars } from './sample';
import { buildVocab, encodeText } from '../encoding';
import { PLAIN_KERNELS, SIMD_KERNELS } from './kernelChoice';
import { maxRelErr, randomCase } from '../testScenarios';
import { indexSequence, createSession, resetHidden, trainChunk, trainTruncated } from './truncated';

const TOL = 1e-12;

/** The reference for one chunk: computeTrace, then clip a copy of its gradients, then step(). */
function referenceChunk(
  sc: Scenario,
  config: OptimizerConfig,
  clip: ClipConfig,
  state: ReturnType<typeof createOptimizerState>,
) {
  const tr = computeTrace(sc);
  const g: Grads = { ...tr.grads };
  const gTensors = paramTensors(tr.grads).map((x) => x.slice());
  applyClip(gTensors, clip);
  [g.U, g.W, g.V, g.b, g.c] = gTensors;
  const next = step(config, sc.params, g, state);
  const H = sc.params.H;
  return { ...next, loss: tr.loss, hLast: tr.s.slice((tr.T - 1) * H, tr.T * H) };
}

function expectParamsClose(actual: Params, expected: Params) {
  const a = paramTensors(actual);
  const e = paramTensors(expected);
  for (let i = 0; i < a.length; i++)
    expect(maxRelErr(a[i], e[i]), `tensor ${i}`).toBeLessThanOrEqual(TOL);
}

describe('trainTruncated', () => {
  const configs: [OptimizerConfig, ClipConfig][] = [
    [{ name: 'sgd', lr: 0.1 }, { kind: 'none' }],
    [
      { name: 'adagrad', lr: 0.1 },
      { kind: 'value', value: 0.5 },
    ],
    [
      { name: 'adam', lr: 0.01 },
      { kind: 'norm', maxNorm: 1 },
    ],
    [
      { name: 'momentum', lr: 0.05 },
      { kind: 'value', value: 5 },
    ],
  ];

  for (const [config, clip] of configs) {
    it(`${config.name}, clip ${clip.kind}: k >= T is one full BPTT step, the state is trace's last s`, () => {
      for (const oneHot of [true, false]) {
        for (const extra of [0, 3]) {
          const { scenario, fast } = randomCase(21 + extra, 'tanh', 'cross-entropy', oneHot, {
            T: 8,
          });
          const ref = referenceChunk(
            scenario,
            config,
            clip,
            createOptimizerState(config, paramTensors(scenario.params)),
          );
          const model = {
            params: cloneParams(scenario.params),
            activation: scenario.activation,
            loss: scenario.loss,
          };
          const session = createSession(model, config, clip, { maxT: 8, h0: scenario.s0 });
          const losses = trainTruncated(session, fast, fast.T + extra);
          expect(losses.length).toBe(1);
          expect(maxRelErr(losses, [ref.loss])).toBeLessThanOrEqual(TOL);
          expectParamsClose(model.params, ref.params);
          expect(maxRelErr(session.h, ref.hLast)).toBeLessThanOrEqual(TOL);
          expect(session.optState.t).toBe(1);
        }
      }
    });
  }

  it('k < T: chunk by chunk from the carried state, gradients cut at each chunk', () => {
    const config: OptimizerConfig = { name: 'adagrad', lr: 0.1 };
    const clip: ClipConfig = { kind: 'value', value: 5 };
    for (const act of ['tanh', 'relu', 'sigmoid'] as const) {
      const { scenario, fast } = randomCase(5, act, 'squared-error', true, {
        H: 6,
        D: 4,
        K: 3,
        T: 11,
      });
      const k = 4; // chunks of 4, 4 and 3 steps
      const { D, K } = scenario.params;
      let params = scenario.params;
      let state = createOptimizerState(config, paramTensors(params));
      let h = scenario.s0;
      const expected: number[] = [];
      for (let start = 0; start < fast.T; start += k) {
        const len = Math.min(k, fast.T - start);
        const seq = {
          T: len,
          D,
          K,
          inputs: scenario.seq.inputs.slice(start * D, (start + len) * D),
          targets: scenario.seq.targets.slice(start * K, (start + len) * K),
        };
        const ref = referenceChunk({ ...scenario, params, s0: h, seq }, config, clip, state);
        expected.push(ref.loss);
        ({ params, state } = ref);
        h = ref.hLast;
      }
      const model = { params: cloneParams(scenario.params), activation: act, loss: scenario.loss };
      const session = createSession(model, config, clip, { maxT: k, h0: scenario.s0 });
      const losses = trainTruncated(session, fast, k);
      expect(maxRelErr(losses, expected)).toBeLessThanOrEqual(TOL);
      expectParamsClose(model.params, params);
      expect(maxRelErr(session.h, h)).toBeLessThanOrEqual(TOL);
      expect(session.steps).toBe(3);
    }
  });

  it('grows its buffers when asked for chunks longer than maxT', () => {
    const { scenario, fast } = randomCase(8, 'tanh', 'cross-entropy', true, { T: 9 });
    const session = createSession(
      { params: cloneParams(scenario.params), activation: 'tanh', loss: 'cross-entropy' },
      { name: 'sgd', lr: 0.1 },
      { kind: 'none' },
      { maxT: 2 },
    );
    expect(trainTruncated(session, fast, 9).length).toBe(1);
    expect(() => trainTruncated(session, fast, 0)).toThrow(/k/);
  });
});

describe('training a character model', () => {
  it('the loss falls on a tiny repeating text, and greedy sampling then replays it', () => {
    const text = 'hello world, '.repeat(20);
    const { chars } = buildVocab(text);
    const indices = encodeText(text, buildVocab(text));
    const V = chars.length;
    const seq = indexSequence(indices, V);
    const rng = createRng(3);
    const model = {
      params: initParams({ H: 24, D: V, K: V }, rng, 0.5),
      activation: 'tanh' as const,
      loss: 'cross-entropy' as const,
    };
    const session = createSession(
      model,
      { name: 'adagrad', lr: 0.1 },
      { kind: 'value', value: 5 },
      { maxT: 25 },
    );
    const meanPerChar = (losses: Float64Array) => losses.reduce((s, x) => s + x, 0) / seq.T;
    const first = meanPerChar(trainTruncated(session, seq, 25));
    let last = first;
    for (let pass = 0; pass < 60; pass++) {
      resetHidden(session);
      last = meanPerChar(trainTruncated(session, seq, 25));
    }
    expect(first).toBeGreaterThan(1.5);
    expect(last).toBeLessThan(0.2 * first);

    // From a fresh state, as each pass started, the most likely continuation of 'h' is the text.
    const out = sampleChars(
      model.params,
      'tanh',
      chars.indexOf('h'),
      new Float64Array(24),
      16,
      createRng(1),
      0,
    );
    expect(Array.from(out, (i) => chars[i]).join('')).toBe('ello world, hell');
  });

  it('trainChunk carries the state and counts steps', () => {
    const indices = encodeText('abcabcabc', buildVocab('abcabcabc'));
    const seq = indexSequence(indices, 3);
    const params = initParams({ H: 4, D: 3, K: 3 }, createRng(2));
    const session = createSession(
      { params, activation: 'tanh', loss: 'cross-entropy' },
      { name: 'sgd', lr: 0.1 },
      { kind: 'none' },
    );
    const L = trainChunk(session, seq, 0, 4);
    expect(L).toBeGreaterThan(0);
    expect(session.steps).toBe(1);
    expect(Array.from(session.h)).toEqual(Array.from(session.ws.hLast));
    expect(session.lastGradNorm).toBeGreaterThan(0);
  });
});

describe('indexSequence', () => {
  it('pairs each character with the next, one-hot by index', () => {
    const seq = indexSequence([2, 0, 1, 1], 3);
    expect(seq.T).toBe(3);
    expect(Array.from(seq.inputIndex!)).toEqual([2, 0, 1]);
    expect(Array.from(seq.targetIndex!)).toEqual([0, 1, 1]);
    expect(() => indexSequence([0, 3], 3)).toThrow(/index 3/);
    expect(() => indexSequence([0], 3)).toThrow();
  });
});

describe('the WebAssembly path', () => {
  it('trains bit for bit as the plain path: params, optimizer state, clipped gradients', () => {
    const text = 'the quick brown fox jumps over the lazy dog; '.repeat(6);
    const indices = encodeText(text, buildVocab(text));
    const V = Math.max(...indices) + 1;
    const seq = indexSequence(indices, V);
    // H = 12: Adagrad's G for W and V moves into the module; H = 7: rows padded, G copied.
    for (const H of [12, 7]) {
      for (const clip of [{ kind: 'value', value: 0.05 }, { kind: 'none' }] as ClipConfig[]) {
        const run = (simd: boolean) => {
          const model = {
            params: initParams({ H, D: V, K: V }, createRng(H), 1),
            activation: 'tanh' as const,
            loss: 'cross-entropy' as const,
          };
          const config: OptimizerConfig = { name: 'adagrad', lr: 0.1 };
          const session = createSession(model, config, clip, {
            maxT: 5,
            kernels: simd ? SIMD_KERNELS : PLAIN_KERNELS,
          });
          const losses = [...trainTruncated(session, seq, 5)];
          // Chunks longer than maxT: a new workspace, and with it a new module memory.
          losses.push(...trainTruncated(session, seq, 9));
          return {
            losses,
            params: model.params,
            G: session.optState.second.map((x) => x.slice()),
            grads: session.ws.gradTensors.map((x) => x.slice()),
            h: session.h,
            norm: session.lastGradNorm,
            // Whether Adagrad's G for W lives in a module's memory (a view of a larger buffer).
            inModule:
              session.optState.second[1].buffer.byteLength > session.optState.second[1].byteLength,
          };
        };
        const simd = run(true);
        const plain = run(false);
        expect([simd.inModule, plain.inModule]).toEqual([H % 2 === 0, false]);
        for (const key of ['losses', 'params', 'G', 'grads', 'h'] as const)
          expect(simd[key], `${key}, H=${H}, clip ${clip.kind}`).toEqual(plain[key]);
        expect(simd.norm).toBeCloseTo(plain.norm, 12);
      }
    }
  });
});
