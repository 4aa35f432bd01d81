// How many lines of text a TeX string stands when typeset, from its environments alone: an
// aligned block adds its lines, a matrix in a line makes that line as tall as its rows. <Tex>
// keeps that height free while KaTeX loads, so the equations do not push the page about.

const TOKEN = /\\begin\{[^}]*\}|\\end\{[^}]*\}|\\\\/g;

/** Lines of text the typeset TeX stands (at least 1). */
export function texRows(tex: string): number {
  // Per open environment: the rows finished so far, and the tallest thing in the current row.
  const stack = [{ done: 0, row: 1 }];
  for (const [token] of tex.matchAll(TOKEN)) {
    const top = stack[stack.length - 1];
    if (token === '\\\\') {
      top.done += top.row;
      top.row = 1;
    } else if (token.startsWith('\\begin')) {
      stack.push({ done: 0, row: 1 });
    } else if (stack.length > 1) {
      stack.pop();
      const parent = stack[stack.length - 1];
      parent.row = Math.max(parent.row, top.done + top.row);
    }
  }
  // An environment left open counts as closed at the end.
  while (stack.length > 1) {
    const top = stack.pop()!;
    const parent = stack[stack.length - 1];
    parent.row = Math.max(parent.row, top.done + top.row);
  }
  return stack[0].done + stack[0].row;
}

/** Lines of KaTeX in the derivation panel, in em of the text around them (measured). */
const ROW_EM = 1.22;
const PAD_EM = 0.3;
/** A fraction stands about this much taller than a line. */
const FRAC_EM = 0.8;

/** About the height a display equation takes once typeset, in em. */
export function texHeightEm(tex: string): number {
  const rows = Math.min(texRows(tex), 24);
  return rows * ROW_EM + PAD_EM + (/\\[dt]?frac\b/.test(tex) ? FRAC_EM : 0);
}
