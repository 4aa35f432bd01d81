import { whitespaceWord } from '../core/symbols';
// Numbers, vectors and matrices as LaTeX, shared by every equation builder: 3 significant
// digits, a true minus sign (KaTeX renders `-` in math mode as U+2212), `\times 10^{k}` for the
// tiny and the huge, and long vectors elided to their first two and last entries.

/** Vectors and matrices longer than this are elided: first 2, a dots row or column, last 1. */
export const ELIDE_ABOVE = 4;

function trimMantissa(m: string): string {
  return m.includes('.') ? m.replace(/\.?0+$/, '') : m;
}

/** A number as LaTeX to 3 significant digits. */
export function texNum(v: number): string {
  if (Number.isNaN(v)) return '\\text{NaN}';
  if (!Number.isFinite(v)) return v > 0 ? '\\infty' : '-\\infty';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e4) {
    const [m, e] = v.toExponential(2).split('e');
    return `${trimMantissa(m)} \\times 10^{${Number(e)}}`;
  }
  const p = Number(v.toPrecision(3));
  // Rounding can carry into the exponent range (9999.6 → 1.00e4); say it as a power then.
  if (Math.abs(p) >= 1e4) return texNum(p);
  return String(p);
}

/**
 * A number as LaTeX with as many digits as it takes (3 at least) not to read as ±1 when it is
 * not: f′(a) = 1 − s² of a small a is 0.9998, and "1" would say the activation passes the
 * gradient unchanged.
 */
export function texNumApartFromOne(v: number): string {
  if (!Number.isFinite(v) || Math.abs(v) === 1) return texNum(v);
  for (let digits = 3; digits <= 12; digits++) {
    const p = Number(v.toPrecision(digits));
    if (Math.abs(p) !== 1) return digits === 3 ? texNum(v) : String(p);
  }
  return texNum(v);
}

/** The indices shown for a dimension of size n; null marks the elided run. */
export function shownIndices(n: number): (number | null)[] {
  if (n <= ELIDE_ABOVE) return Array.from({ length: n }, (_, i) => i);
  return [0, 1, null, n - 1];
}

/** A column vector of n entries starting at off. */
export function colVec(
  d: ArrayLike<number>,
  off: number,
  n: number,
  num: (v: number) => string = texNum,
): string {
  const rows = shownIndices(n).map((i) => (i === null ? '\\vdots' : num(d[off + i])));
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
}

/** A row vector (a transposed column) of n entries starting at off. */
export function rowVec(d: ArrayLike<number>, off: number, n: number): string {
  const cells = shownIndices(n).map((i) => (i === null ? '\\cdots' : texNum(d[off + i])));
  return `\\begin{bmatrix} ${cells.join(' & ')} \\end{bmatrix}`;
}

/** A row-major R x C matrix starting at off. */
export function matrix(d: ArrayLike<number>, off: number, R: number, C: number): string {
  const cols = shownIndices(C);
  const rows = shownIndices(R).map((r) =>
    cols
      .map((c) => {
        if (r === null) return c === null ? '\\ddots' : '\\vdots';
        return c === null ? '\\cdots' : texNum(d[off + r * C + c]);
      })
      .join(' & '),
  );
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
}

/** The single 1 of a one-hot vector (all other entries 0), or -1 when it is not one-hot. */
export function oneHotIndex(d: ArrayLike<number>, off: number, n: number): number {
  let hot = -1;
  for (let i = 0; i < n; i++) {
    const v = d[off + i];
    if (v === 1 && hot < 0) hot = i;
    else if (v !== 0) return -1;
  }
  return hot;
}

/** LaTeX's special characters in text mode (the labels of the panel and of the LaTeX export). */
export const TEXT_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
};

/** A vocabulary symbol as LaTeX text in quotes; space, newline and tab are named. */
export function labelTex(label: string): string {
  const word = whitespaceWord(label);
  if (word) return `\\text{(${word})}`;
  let out = '';
  for (const ch of label) {
    const code = ch.codePointAt(0)!;
    if (TEXT_ESCAPES[ch]) out += TEXT_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f)
      out += `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `\\text{“${out}”}`;
}

/** The name of entry i of an input or output vector: its vocabulary symbol, or its 1-based index. */
export function entryName(labels: readonly string[] | null, i: number): string {
  return labels && labels[i] !== undefined ? labelTex(labels[i]) : String(i + 1);
}
