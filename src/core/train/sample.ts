import { activation } from '../activations';
import { argmax } from '../symbols';
import type { Rng } from '../rng';
import type { ActivationName, Params } from '../types';
import { gemvAdd } from './kernels';

/**
 * Generate n characters from a character model, as min-char-rnn's sample(): feed the seed
 * character, draw the next from softmax(o_t / temperature), feed it back, and so on. h is the
 * state to start from (not modified). temperature < 1 sharpens the distribution, > 1 flattens
 * it, and 0 always takes the most likely character. Returns the n drawn indices.
 */
export function sampleChars(
  params: Params,
  act: ActivationName,
  seedIndex: number,
  h: Float64Array,
  n: number,
  rng: Rng,
  temperature = 1,
): Int32Array {
  const { H, D, K, U, W, V, b, c, keep } = params;
  if (D !== K)
    throw new Error(`sampling feeds outputs back as inputs: needs D = K, got D=${D} K=${K}`);
  if (!(Number.isInteger(seedIndex) && seedIndex >= 0 && seedIndex < D))
    throw new Error(`seedIndex ${seedIndex} is outside 0..${D - 1}`);
  if (h.length !== H) throw new Error(`h: expected ${H} entries, got ${h.length}`);
  if (!(temperature >= 0)) throw new Error(`temperature must be >= 0, got ${temperature}`);
  const f = activation(act).f;
  const a = new Float64Array(H); // a_t
  const s = h.slice(); // s_{t-1}, then s_t
  const o = new Float64Array(K); // o_t, then the probabilities
  const out = new Int32Array(n);
  let ix = seedIndex;
  for (let t = 0; t < n; t++) {
    a.set(b);
    gemvAdd(W, H, H, s, 0, a, 0);
    if (keep)
      // Leaky units keep a share of the old state: s_t = keep ⊙ s_{t-1} + (1 − keep) ⊙ f(a_t).
      for (let i = 0; i < H; i++) s[i] = keep[i] * s[i] + (1 - keep[i]) * f(a[i] + U[i * D + ix]);
    else for (let i = 0; i < H; i++) s[i] = f(a[i] + U[i * D + ix]);
    o.set(c);
    gemvAdd(V, K, H, s, 0, o, 0);
    ix = temperature === 0 ? argmax(o) : drawSoftmax(o, 1 / temperature, rng);
    out[t] = ix;
  }
  return out;
}

/** Draw k with probability softmax(o · invTemp)_k; o is overwritten with the weights. */
export function drawSoftmax(o: Float64Array, invTemp: number, rng: Rng): number {
  let max = -Infinity;
  for (let k = 0; k < o.length; k++) if (o[k] > max) max = o[k];
  let sum = 0;
  for (let k = 0; k < o.length; k++) {
    // Shift by the max before exp so nothing overflows, whatever the temperature.
    const e = Math.exp((o[k] - max) * invTemp);
    o[k] = e;
    sum += e;
  }
  const u = rng.next() * sum;
  let acc = 0;
  let last = 0;
  for (let k = 0; k < o.length; k++) {
    if (o[k] === 0) continue;
    acc += o[k];
    last = k;
    if (u < acc) return k;
  }
  return last; // rounding left u just above the total: take the last possible character
}
