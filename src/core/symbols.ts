// How a vocabulary symbol reads on screen and aloud: whitespace gets a visible glyph and a
// name. One table serves the graph, the heatmaps, the live region and the equations.

const WHITESPACE: Record<string, { glyph: string; word: string }> = {
  ' ': { glyph: '␣', word: 'space' },
  '\n': { glyph: '↵', word: 'newline' },
  '\t': { glyph: '⇥', word: 'tab' },
};

/** The symbol as it can be seen: space, newline and tab get stand-ins. */
export const visibleSymbol = (ch: string): string => WHITESPACE[ch]?.glyph ?? ch;

/** The name of a whitespace symbol ("space"), or null for any other. */
export const whitespaceWord = (ch: string): string | null => WHITESPACE[ch]?.word ?? null;

/** The words for a symbol, for titles and screen readers: “a”, “space”. */
export const spokenSymbol = (ch: string): string => `“${whitespaceWord(ch) ?? ch}”`;

/** Index of the largest of n entries from off (the first on ties); -1 when none is > -∞. */
export function argmax(v: ArrayLike<number>, off = 0, n = v.length - off): number {
  let best = -1;
  let bv = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = v[off + i];
    if (x > bv) {
      bv = x;
      best = i;
    }
  }
  return best;
}
