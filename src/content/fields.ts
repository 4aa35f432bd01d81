import type { IntChoice, NumberChoice, TextChoice } from '../core/model';

// What the settings' fields say about what was typed: pure, from the declared bounds of
// core/model.ts (never written again here), so a field can hold a half-typed value (an empty
// box while retyping) and say why it is not used yet.

export type FieldRead<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Small counts in words, as a sentence reads them. */
const inWords = (n: number) => ['no', 'one', 'two', 'three', 'four'][n] ?? String(n);

/** "1 time step", "4 time steps". */
export const timeSteps = (n: number): string => `${n} time step${n === 1 ? '' : 's'}`;

/** A whole number in the choice's bounds, or what is wrong, naming the range. */
export function readIntField(raw: string, c: IntChoice): FieldRead<number> {
  const range = `${c.label} is a whole number from ${c.min} to ${c.max}`;
  const s = raw.trim();
  if (s === '') return { ok: false, problem: `${range}.` };
  const v = Number(s);
  if (!Number.isFinite(v) || !Number.isInteger(v)) return { ok: false, problem: `${range}.` };
  if (v < c.min || v > c.max) return { ok: false, problem: `${range}: ${s} is out of range.` };
  return { ok: true, value: v };
}

/** A number above the choice's lower bound and at most its max, or what is wrong. */
export function readNumberField(raw: string, c: NumberChoice): FieldRead<number> {
  const range = `${c.label} is a number above ${c.above}, at most ${c.max}`;
  const s = raw.trim();
  const v = Number(s);
  if (s === '' || !Number.isFinite(v)) return { ok: false, problem: `${range}.` };
  if (v <= c.above || v > c.max) return { ok: false, problem: `${range}: ${s} is out of range.` };
  return { ok: true, value: v };
}

/** The characters of a text as a reader sees them (grapheme clusters), where the platform can. */
function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function')
    return Array.from(
      new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
      (s) => s.segment,
    );
  return Array.from(text);
}

const codes = (ch: string) =>
  Array.from(ch, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(
    ' ',
  );

export interface SequenceRead {
  /** The text the network reads (possibly the first maxLength characters); null: none. */
  use: string | null;
  /** The line under the field: how many steps, what is cut, or what is wrong. */
  words: string;
  /** The words say what is wrong (shown as a problem). */
  problem: boolean;
}

/**
 * The sequence field: one symbol per character as a reader counts them. A character made of
 * several code points (an emoji with a skin tone or a presentation selector, a flag) is refused
 * with the reason, since the network reads one code point a step; so is one the browser has no
 * font to draw (`drawable`). Too long: the first maxLength are used, and the words say so.
 */
export function readSequence(
  text: string,
  c: TextChoice,
  drawable: (ch: string) => boolean = () => true,
): SequenceRead {
  const chars = graphemes(text);
  const composed = chars.find((ch) => Array.from(ch).length > 1);
  if (composed)
    return {
      use: null,
      problem: true,
      words: `“${composed}” is one character on screen but ${Array.from(composed).length} symbols to the network (${codes(composed)}), which reads one code point a step: use a character made of one.`,
    };
  const undrawable = chars.find((ch) => !drawable(ch));
  if (undrawable)
    return {
      use: null,
      problem: true,
      words: `This browser has no font that draws “${undrawable}” (${codes(undrawable)}): it would show as an empty box. Use another character.`,
    };
  const n = chars.length;
  if (n < c.minLength)
    return {
      use: null,
      problem: true,
      words: `Type at least ${inWords(c.minLength)} characters: each step predicts the next one.`,
    };
  if (n > c.maxLength)
    return {
      use: chars.slice(0, c.maxLength).join(''),
      problem: true,
      words: `${n} characters: only the first ${c.maxLength} are used (${timeSteps(c.maxLength - 1)}, the most here).`,
    };
  return {
    use: text,
    problem: false,
    words: `${timeSteps(n - 1)}: each character predicts the next.`,
  };
}
