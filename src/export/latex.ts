import {
  ACTIVATIONS,
  CELLS,
  LOSSES,
  NOTATIONS,
  PARAM_NAMES,
  paramShape,
  type NotationName,
} from '../core/model';
import { cursorHeading } from '../core/cursor';
import type { Params, Scenario, Trace } from '../core/types';
import { buildEquations } from '../content/equations';
import { TEXT_ESCAPES, matrix, texNum } from '../content/equationsFormat';

// The worked example as a standalone LaTeX document: the blocks of the derivation panel, built
// by the same function (content/equations.ts) without colours or HTML classes, for one cursor
// position (the app) or for every one (the command line). It must compile with pdflatex and
// amsmath alone, so the few commands of the panel outside amsmath are rewritten here. The
// fragment is the same body without the preamble, to \input into notes of one's own.

export interface LatexInput {
  trace: Trace;
  scenario: Pick<Scenario, 'params' | 'seq'>;
  labels: readonly string[] | null;
  notation: NotationName;
  lr: number;
  updated?: { params: Params; loss: number };
  /** The cursor positions to write out, in order. */
  cursors: readonly number[];
}

/** Characters outside ASCII that the panel's text uses, in LaTeX text mode. */
const TEXT_CHARS: Record<string, string> = {
  '…': '\\ldots{}',
  '“': '``',
  '”': "''",
  '‘': '`',
  '’': "'",
  '–': '--',
  '—': '---',
  '×': '$\\times$',
  '≤': '$\\le$',
  '≥': '$\\ge$',
  '−': '$-$',
  '·': '$\\cdot$',
  '∂': '$\\partial$',
  α: '$\\alpha$',
  θ: '$\\theta$',
  '∇': '$\\nabla$',
  '←': '$\\leftarrow$',
  '→': '$\\rightarrow$',
  '₀': '$_0$',
  ₜ: '$_t$',
  ŷ: '$\\hat{y}$',
};

/** pdflatex's default fonts cover Latin-1; anything else is named by its code point. */
const codePoint = (ch: string) =>
  `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const latin1 = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7;
};

/** Plain words (a title) as LaTeX text. */
export function latexText(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (TEXT_ESCAPES[ch]) out += TEXT_ESCAPES[ch];
    else if (TEXT_CHARS[ch]) out += TEXT_CHARS[ch];
    else if (c < 0x20 || c === 0x7f) out += ' ';
    else if (c < 0x7f || latin1(ch)) out += ch;
    else out += codePoint(ch);
  }
  return out;
}

/**
 * An equation of the panel for amsmath alone: \mathbb (amssymb) becomes \mathbf, and the
 * characters outside ASCII (only ever inside \text{…}: labels, "…") are spelled in LaTeX.
 */
export function latexMath(tex: string): string {
  let out = '';
  for (const ch of tex.replace(/\\mathbb\{/g, '\\mathbf{')) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || latin1(ch)) out += ch;
    else if (ch === '…') out += '\\ldots{}';
    else if (TEXT_CHARS[ch] && !TEXT_CHARS[ch].includes('$')) out += TEXT_CHARS[ch];
    else out += codePoint(ch);
  }
  return out;
}

const PREAMBLE = [
  '\\documentclass[11pt]{article}',
  '\\usepackage{amsmath}',
  // Wide matrices: a wider text block than article's default, with base LaTeX lengths only.
  '\\setlength{\\textwidth}{17cm}',
  '\\setlength{\\oddsidemargin}{-0.5cm}',
  '\\setlength{\\evensidemargin}{-0.5cm}',
  '\\setlength{\\textheight}{23cm}',
  '\\setlength{\\topmargin}{-1.5cm}',
  '\\setlength{\\parindent}{0pt}',
  '\\setlength{\\parskip}{4pt}',
];

/** The cell's name and words, from its declaration (model.ts). */
function cellWords(tr: LatexInput['trace'], notation: NotationName): string {
  const cell = CELLS[tr.cell ?? 'rnn'];
  const decl = NOTATIONS[notation];
  const parts = cell.hasActivation
    ? [`activation ${latexText(ACTIVATIONS[tr.activation].label)}`]
    : [`gates: ${latexText(cell.gates.map((g) => g.words).join(', '))}`];
  if (cell.cellState)
    parts.push(`${latexText(cell.cellState.words)} $\\mathbf{${decl.cellState}}_t$`);
  return `${latexText(cell.label)}; ${parts.join('; ')}`;
}

/** The weights of the example, as numbers, so that each step's products can be checked. */
function parameterLines(inp: LatexInput): string[] {
  const { params } = inp.scenario;
  const decl = NOTATIONS[inp.notation];
  const lines = ['\\subsubsection*{The parameters of this example}', ''];
  for (const p of PARAM_NAMES) {
    const [R, C] = paramShape(p, params);
    lines.push('\\[', latexMath(`${decl.params[p].tex} = ${matrix(params[p], 0, R, C)}`), '\\]');
  }
  lines.push('');
  return lines;
}

/**
 * The body: the example's words and parameters, then each cursor's blocks. "With the numbers
 * of this step:" and its equation are kept on one page (a minipage), and the general form
 * asks not to be parted from them.
 */
function latexBody(inp: LatexInput): string[] {
  const { trace: tr, notation } = inp;
  const decl = NOTATIONS[notation];
  const names = Object.values(decl.params)
    .map((p) => `$${p.tex}$`)
    .join(', ');
  const phrase = CELLS[tr.cell ?? 'rnn'].phrase;
  const lines = [
    `\\section*{${latexText(phrase[0].toUpperCase() + phrase.slice(1))}, unrolled: the worked example}`,
    `${cellWords(tr, notation)}, loss ${latexText(LOSSES[tr.lossName].label)}; ` +
      `$T = ${tr.T}$ steps, $H = ${tr.H}$ hidden units, $D = ${tr.D}$ inputs, $K = ${tr.K}$ outputs; ` +
      `learning rate $\\alpha = ${texNum(inp.lr)}$. Parameters ${names}, hidden state $\\mathbf{${decl.state}}_t$.`,
    '',
    ...parameterLines(inp),
  ];
  for (const cursor of inp.cursors) {
    lines.push(`\\subsection*{${latexText(cursorHeading(cursor, tr.T, inp.lr))}}`, '');
    const blocks = buildEquations(tr, cursor, {
      scenario: inp.scenario,
      labels: inp.labels,
      notation,
      colors: null,
      lr: inp.lr,
      updated: inp.updated,
    });
    for (const b of blocks) {
      lines.push(
        `\\subsubsection*{${latexText(b.title)}}`,
        '\\[',
        latexMath(b.general),
        '\\]',
        '\\nopagebreak',
        '\\begin{minipage}{\\linewidth}',
        'With the numbers of this step:',
        '\\[',
        latexMath(b.substituted),
        '\\]',
        '\\end{minipage}',
        '',
      );
    }
  }
  return lines;
}

/** The document. Every equation is a display `\[ … \]` on lines of its own. */
export function latexDocument(inp: LatexInput): string {
  const cell = CELLS[inp.trace.cell ?? 'rnn'].phrase;
  return [
    `% The worked example of Unrolled: ${latexText(cell)} and backpropagation through time.`,
    '% Generated; compiles with pdflatex and amsmath alone.',
    ...PREAMBLE,
    '\\begin{document}',
    ...latexBody(inp),
    '\\end{document}',
    '',
  ].join('\n');
}

/** The same body without a preamble, for `\input{…}` into a document that loads amsmath. */
export function latexFragment(inp: LatexInput): string {
  const cell = CELLS[inp.trace.cell ?? 'rnn'].phrase;
  return [
    `% The worked example of Unrolled: ${latexText(cell)} and backpropagation through time.`,
    '% Generated. A fragment: \\input it into a document whose preamble loads amsmath.',
    ...latexBody(inp),
  ].join('\n');
}

/** The display equations of a document, in order (for tests and checks). */
export function displayEquations(doc: string): string[] {
  return [...doc.matchAll(/^\\\[\n([\s\S]*?)\n\\\]$/gm)].map((m) => m[1]);
}
