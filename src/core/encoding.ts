import { CELLS, CHOICES, cellField, cellOf, ratesInBounds, ratesPerUnit } from './model';
import { initParams } from './params';
import { createRng } from './rng';
import type { ParseResult } from './scenarioSchema';
import type { ActivationName, CellName, LossName, Scenario, Sequence } from './types';

// Characters to one-hot sequences, for "type a sequence, get a trace": the input at step t is
// character t and the target is the character that follows it. Text is taken code point by
// code point (Array.from / for..of), so "é" or "😀" is one character, never two UTF-16 halves.

/** The distinct characters of a text, sorted by code point; index maps a character to its row. */
export interface Vocab {
  chars: string[];
  index: Map<string, number>;
}

/** The code points of a text, one string each. */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/** A vocabulary over the given characters (deduplicated, sorted by code point). */
export function vocabFromChars(chars: Iterable<string>): Vocab {
  const sorted = [...new Set(chars)].sort((x, y) => x.codePointAt(0)! - y.codePointAt(0)!);
  return { chars: sorted, index: new Map(sorted.map((c, i) => [c, i])) };
}

/** The vocabulary of a text: its distinct code points in code-point order. */
export function buildVocab(text: string): Vocab {
  return vocabFromChars(codePoints(text));
}

/** The vocabulary index of each character. Throws a RangeError on a character not in vocab. */
export function encodeText(text: string, vocab: Vocab): Int32Array {
  const chars = codePoints(text);
  const out = new Int32Array(chars.length);
  chars.forEach((c, i) => {
    const k = vocab.index.get(c);
    if (k === undefined)
      throw new RangeError(`character ${describeChar(c)} is not in the vocabulary`);
    out[i] = k;
  });
  return out;
}

/** The characters of a list of indices (the inverse of encodeText). */
export function decodeIndices(indices: ArrayLike<number>, vocab: Vocab): string {
  let out = '';
  for (let i = 0; i < indices.length; i++) out += vocab.chars[indices[i]];
  return out;
}

/** One row of V entries per index, a 1 at the index and 0 elsewhere: T x V, row-major. */
export function oneHot(indices: ArrayLike<number>, V: number): Float64Array {
  const out = new Float64Array(indices.length * V);
  for (let t = 0; t < indices.length; t++) {
    const k = indices[t];
    if (!Number.isInteger(k) || k < 0 || k >= V)
      throw new RangeError(`index ${k} at position ${t} is outside 0..${V - 1}`);
    out[t * V + k] = 1;
  }
  return out;
}

/** A character sequence ready for the network, with the indices it was made from. */
export interface CharSequence {
  vocab: Vocab;
  /** T = n - 1 steps, D = K = vocabulary size, inputs and targets one-hot. */
  seq: Sequence;
  /** Characters 0..n-2 of the text: the input x_t is character t - 1. */
  inputIndex: Int32Array;
  /** Characters 1..n-1: the target y_t is the character after the input x_t. */
  targetIndex: Int32Array;
}

/** A printable name for a character in messages: the character and its code point. */
function describeChar(c: string): string {
  const cp = c.codePointAt(0)!;
  return `${JSON.stringify(c)} (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * Next-character prediction over a text of n >= 2 characters: inputs are characters 0..n-2,
 * targets characters 1..n-1, one-hot over vocab (by default the text's own vocabulary).
 */
export function charSequence(text: string, vocab?: Vocab): ParseResult<CharSequence> {
  const chars = codePoints(text);
  if (chars.length < 2)
    return {
      ok: false,
      error: `text: expected at least 2 characters (an input and the next one to predict), got ${chars.length}`,
    };
  const v = vocab ?? buildVocab(text);
  const unknown = chars.find((c) => !v.index.has(c));
  if (unknown !== undefined)
    return {
      ok: false,
      error: `text: character ${describeChar(unknown)} is not in the vocabulary`,
    };
  const all = encodeText(text, v);
  const n = all.length;
  const V = v.chars.length;
  const inputIndex = all.slice(0, n - 1);
  const targetIndex = all.slice(1);
  return {
    ok: true,
    value: {
      vocab: v,
      seq: { T: n - 1, D: V, K: V, inputs: oneHot(inputIndex, V), targets: oneHot(targetIndex, V) },
      inputIndex,
      targetIndex,
    },
  };
}

export interface CharScenarioOptions {
  text: string;
  /** H, the number of hidden units: a positive integer. */
  hidden: number;
  activation?: ActivationName; // default 'tanh'
  loss?: LossName; // default 'cross-entropy'
  /** The cell (default the vanilla one); a gated cell's U, W, b stack its gate blocks. */
  cell?: CellName;
  /** Seed of the weight initialisation: the same seed gives the same weights. */
  seed: number;
  /** Leaky units' keep rates, one for all units or one each (default CHOICES.keep's). */
  keep?: readonly number[];
  /** A fixed vocabulary (default: the text's own). */
  vocab?: Vocab;
  /** Scale of the initial weights, passed to initParams (default 1). */
  initScale?: number;
}

export interface CharScenario extends CharSequence {
  scenario: Scenario;
}

/**
 * The explorer's "type a sequence, get a trace": the character sequence of the text and a
 * network of `hidden` units with weights from initParams(createRng(seed)), biases and s_0 zero.
 */
export function makeCharScenario(opts: CharScenarioOptions): ParseResult<CharScenario> {
  const { text, hidden, seed } = opts;
  if (!Number.isInteger(hidden) || hidden < 1)
    return { ok: false, error: `hidden: expected a positive integer, got ${hidden}` };
  if (!Number.isFinite(seed))
    return { ok: false, error: `seed: expected a finite number, got ${seed}` };
  if (opts.keep && !ratesInBounds(CHOICES.keep, opts.keep, hidden))
    return {
      ok: false,
      error: `keep: expected one rate, or ${hidden}, each in [${CHOICES.keep.min}, ${CHOICES.keep.below}), got ${opts.keep.join(', ')}`,
    };
  const cs = charSequence(text, opts.vocab);
  if (!cs.ok) return cs;
  const { seq } = cs.value;
  const cell = cellOf(opts);
  const params = initParams(
    {
      H: hidden,
      D: seq.D,
      K: seq.K,
      ...cellField(cell),
      ...(opts.keep && CELLS[cell].keep ? { keep: ratesPerUnit(opts.keep, hidden) } : {}),
    },
    createRng(seed),
    opts.initScale,
  );
  return {
    ok: true,
    value: {
      ...cs.value,
      scenario: {
        activation: opts.activation ?? 'tanh',
        loss: opts.loss ?? 'cross-entropy',
        params,
        s0: new Float64Array(hidden),
        ...(CELLS[cell].cellState ? { m0: new Float64Array(hidden) } : {}),
        seq,
      },
    },
  };
}
