// npm run bench: how fast the core trains and traces. A benchmark, not a test: it prints
// figures and checks nothing. Lines "<workload>: <number> iters/s" keep this exact format.
import { performance } from 'node:perf_hooks';
import { initParams } from '../src/core/params';
import { createRng, type Rng } from '../src/core/rng';
import { computeTrace } from '../src/core/trace';
import {
  indexSequence,
  createSession,
  resetHidden,
  trainChunk,
  type TrainSequence,
} from '../src/core/train';
import { PLAIN_KERNELS, SIMD_KERNELS } from '../src/core/train/kernelChoice';
import { createGatedSession, trainGatedChunk } from '../src/core/gated/session';
import type { Scenario } from '../src/core/types';
import { PARAM_NAMES } from '../src/core/model';

const WARMUP_MS = 700;
const MEASURE_MS = 3000;

/** Run fn in batches until ms have passed; returns iterations per second. */
function timeIt(fn: () => void, ms: number, batch: number): number {
  let iters = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < batch; i++) fn();
    iters += batch;
    elapsed = performance.now() - t0;
  } while (elapsed < ms);
  return (iters * 1000) / elapsed;
}

/**
 * A seeded text over exactly V distinct characters (V = 65, like tiny-shakespeare): an order-1
 * Markov chain whose transitions favour a few successors, so there is something to learn.
 */
function syntheticText(V: number, n: number, rng: Rng): Int32Array {
  const favourite = Array.from({ length: V }, () =>
    [0, 1, 2].map(() => Math.floor(rng.next() * V)),
  );
  const text = new Int32Array(n);
  for (let i = 0; i < V; i++) text[i] = i; // every character occurs
  for (let i = V; i < n; i++) {
    const prev = text[i - 1];
    text[i] =
      rng.next() < 0.8 ? favourite[prev][Math.floor(rng.next() * 3)] : Math.floor(rng.next() * V);
  }
  return text;
}

/**
 * Workload 1: min-char-rnn's loop (hidden 100, 25 steps, vocab 65, Adagrad 0.1, clip ±5), on the
 * WebAssembly SIMD path the training code takes where it can, and again on the plain JavaScript
 * path it falls back to without it (named with -plain).
 */
function charRnn(simd: boolean): void {
  const name = simd ? 'char-rnn-h100-t25-v65' : 'char-rnn-h100-t25-v65-plain';
  const H = 100;
  const V = 65;
  const seqLength = 25;
  const rng = createRng(42);
  const seq: TrainSequence = indexSequence(syntheticText(V, 100_000, rng), V);
  // min-char-rnn initialises the weights as randn * 0.01 and the biases at 0.
  const params = initParams({ H, D: V, K: V }, rng, 1);
  for (const m of [params.U, params.W, params.V])
    for (let i = 0; i < m.length; i++) m[i] = rng.normal() * 0.01;
  const session = createSession(
    { params, activation: 'tanh', loss: 'cross-entropy' },
    { name: 'adagrad', lr: 0.1 },
    { kind: 'value', value: 5 },
    { maxT: seqLength, kernels: simd ? SIMD_KERNELS : PLAIN_KERNELS },
  );
  let p = 0;
  let smoothLoss = -Math.log(1 / V) * seqLength;
  const iter = () => {
    // As min-char-rnn: at the end of the text, start over with a zero state.
    if (p + seqLength > seq.T) {
      p = 0;
      resetHidden(session);
    }
    const loss = trainChunk(session, seq, p, seqLength);
    smoothLoss = smoothLoss * 0.999 + loss * 0.001;
    p += seqLength;
  };
  timeIt(iter, WARMUP_MS, 50);
  const rate = timeIt(iter, MEASURE_MS, 50);
  console.log(`${name}: ${rate.toFixed(0)} iters/s`);
  console.log(
    `  (${session.steps} chunks trained in all, smooth loss ${smoothLoss.toFixed(2)} from ${(-Math.log(1 / V) * seqLength).toFixed(2)})`,
  );
}

/** Workload 2: the explorer's computeTrace, forward + full BPTT with history, T=100, H=16, vocab 16. */
function explorerTrace(): void {
  const T = 100;
  const H = 16;
  const V = 16;
  const rng = createRng(7);
  const params = initParams({ H, D: V, K: V }, rng);
  const inputs = new Float64Array(T * V);
  const targets = new Float64Array(T * V);
  for (let t = 0; t < T; t++) {
    inputs[t * V + Math.floor(rng.next() * V)] = 1;
    targets[t * V + Math.floor(rng.next() * V)] = 1;
  }
  const sc: Scenario = {
    activation: 'tanh',
    loss: 'cross-entropy',
    params,
    s0: new Float64Array(H),
    seq: { T, D: V, K: V, inputs, targets },
  };
  let sink = 0;
  const iter = () => {
    sink += computeTrace(sc).loss;
  };
  timeIt(iter, WARMUP_MS, 10);
  const rate = timeIt(iter, MEASURE_MS, 10);
  if (!Number.isFinite(sink)) throw new Error('non-finite loss');
  console.log(`explorer-trace-t100-h16: ${rate.toFixed(0)} iters/s`);
  console.log(`explorer-trace-t100-h16: ${(1e6 / rate).toFixed(1)} µs per forward+BPTT`);
}

/**
 * Workload 3: an LSTM of hidden size 100 trained as in workload 1 (25 steps, vocab 65), on the
 * plain path: the explorer's computeTrace (forward + full BPTT with history) and an SGD step,
 * for comparison with workload 4, the gated cells' training path.
 */
function lstmPlain(): void {
  const H = 100;
  const V = 65;
  const T = 25;
  const rng = createRng(42);
  const text = syntheticText(V, 100_000, rng);
  const params = initParams({ H, D: V, K: V, cell: 'lstm' }, rng, 1);
  const inputs = new Float64Array(T * V);
  const targets = new Float64Array(T * V);
  const sc: Scenario = {
    activation: 'tanh',
    loss: 'cross-entropy',
    params,
    s0: new Float64Array(H),
    m0: new Float64Array(H),
    seq: { T, D: V, K: V, inputs, targets },
  };
  let p = 0;
  let smoothLoss = -Math.log(1 / V) * T;
  const iter = () => {
    if (p + T + 1 > text.length) p = 0;
    inputs.fill(0);
    targets.fill(0);
    for (let t = 0; t < T; t++) {
      inputs[t * V + text[p + t]] = 1;
      targets[t * V + text[p + t + 1]] = 1;
    }
    const tr = computeTrace(sc);
    for (const n of PARAM_NAMES) {
      const w = params[n];
      const g = tr.grads[n];
      for (let i = 0; i < w.length; i++) w[i] -= 0.1 * Math.max(-5, Math.min(5, g[i]));
    }
    smoothLoss = smoothLoss * 0.99 + tr.loss * 0.01;
    p += T;
  };
  timeIt(iter, WARMUP_MS, 5);
  const rate = timeIt(iter, MEASURE_MS, 5);
  console.log(`lstm-h100-t25-v65-plain: ${rate.toFixed(0)} iters/s`);
  console.log(`  (smooth loss ${smoothLoss.toFixed(2)} from ${(-Math.log(1 / V) * T).toFixed(2)})`);
}

/**
 * Workload 4: a gated cell of hidden size 100 on the lab's training path (gated/session.ts,
 * its products with W on WebAssembly SIMD): the same text, 25 steps, Adagrad with clipping by
 * value at 5, state carried across chunks. scripts/numpy-lstm-bench.py is its numpy yardstick.
 */
function gatedTrain(cell: 'lstm' | 'gru'): void {
  const H = 100;
  const V = 65;
  const T = 25;
  const rng = createRng(42);
  const seq: TrainSequence = indexSequence(syntheticText(V, 100_000, rng), V);
  const params = initParams({ H, D: V, K: V, cell }, rng, 1);
  const session = createGatedSession(
    params,
    'cross-entropy',
    { name: 'adagrad', lr: 0.1 },
    { kind: 'value', value: 5 },
    T,
  );
  let p = 0;
  let smoothLoss = -Math.log(1 / V) * T;
  const iter = () => {
    if (p + T > seq.T) {
      p = 0;
      session.h.fill(0);
    }
    smoothLoss = smoothLoss * 0.99 + trainGatedChunk(session, seq, p, T) * 0.01;
    p += T;
  };
  timeIt(iter, WARMUP_MS, 10);
  const rate = timeIt(iter, MEASURE_MS, 10);
  console.log(`${cell}-h100-t25-v65: ${rate.toFixed(0)} iters/s`);
  console.log(`  (smooth loss ${smoothLoss.toFixed(2)} from ${(-Math.log(1 / V) * T).toFixed(2)})`);
}

charRnn(true);
charRnn(false);
explorerTrace();
lstmPlain();
gatedTrain('lstm');
gatedTrain('gru');
