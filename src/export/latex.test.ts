import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { explore, type ExploreRequest } from '../core/explore';
import { cursorCount } from '../core/cursor';
import type { NotationName } from '../core/model';
import { loadGatedEquations } from '../content/equations';
import {
  displayEquations,
  latexDocument,
  latexFragment,
  latexText,
  type LatexInput,
} from './latex';

// The gated cells' equations load on demand, as the export action and the CLI load them.
await loadGatedEquations();

// The LaTeX export: every display equation renders with KaTeX in strict mode, the document
// uses amsmath alone, and (where pdflatex is installed; CI has none) it compiles cleanly.

const example = JSON.parse(
  readFileSync(join(__dirname, '../../test/fixtures/example-scenario.json'), 'utf8'),
) as Extract<ExploreRequest, { kind: 'scenario' }>['scenario'];

function input(req: ExploreRequest, notation: NotationName, cursors?: number[]): LatexInput {
  const r = explore(req);
  if (!r.ok) throw new Error(r.error);
  const { trace, scenario, labels, updated } = r.value;
  return {
    trace,
    scenario,
    labels,
    notation,
    lr: updated.lr,
    updated,
    cursors: cursors ?? Array.from({ length: cursorCount(trace.T) }, (_, i) => i),
  };
}
const doc = (req: ExploreRequest, notation: NotationName, cursors?: number[]) =>
  latexDocument(input(req, notation, cursors));

const text = (t: string, extra: Partial<Extract<ExploreRequest, { kind: 'text' }>> = {}) =>
  ({
    kind: 'text',
    text: t,
    hidden: 5,
    activation: 'tanh',
    loss: 'cross-entropy',
    seed: 3,
    lr: 0.1,
    ...extra,
  }) as ExploreRequest;

const CASES: [string, string][] = [
  ['the example scenario, uvw', doc({ kind: 'scenario', scenario: example, lr: 0.1 }, 'uvw')],
  // Labels LaTeX and KaTeX both must survive: specials, a space, accents, an emoji.
  ['a typed sequence with awkward symbols, wxh', doc(text('a_b#%&$ é~^\\{}😀a_b'), 'wxh')],
  [
    'ReLU, squared error, a long sequence (elided), uvw',
    doc(text('the quick brown fox jumps', { activation: 'relu', loss: 'squared-error' }), 'uvw'),
  ],
  ['an LSTM, uvw', doc(text('hello', { cell: 'lstm' }), 'uvw')],
  ['a GRU, squared error, wxh', doc(text('hello', { cell: 'gru', loss: 'squared-error' }), 'wxh')],
];

describe('the LaTeX export', () => {
  it.each(CASES)('%s: every display equation renders with KaTeX, strict', (_, d) => {
    const eqs = displayEquations(d);
    expect(eqs.length).toBeGreaterThan(20);
    for (const tex of eqs)
      expect(() =>
        katex.renderToString(tex, { displayMode: true, strict: 'error', throwOnError: true }),
      ).not.toThrow();
  });

  it.each(CASES)('%s: amsmath only, no colours and no HTML macros', (_, d) => {
    expect(d.match(/\\usepackage(\[[^\]]*\])?\{[^}]*\}/g)).toEqual(['\\usepackage{amsmath}']);
    expect(d).not.toMatch(/\\(color|htmlClass|mathbb|textcolor)\b/);
    // Outside Latin-1 nothing is left for pdflatex's default fonts to miss.
    expect([...d].filter((c) => c.codePointAt(0)! > 0xff)).toEqual([]);
    expect(d.startsWith('%')).toBe(true);
    expect(d.trimEnd().endsWith('\\end{document}')).toBe(true);
  });

  it('writes a gated cell’s own equations: the LSTM’s cell state, the GRU’s gates', () => {
    const [lstm, gru] = [CASES[3][1], CASES[4][1]];
    expect(lstm).toMatch(/\\mathbf\{m\}_\{/);
    expect(lstm).toMatch(/\\mathbf\{f\}_\{/);
    expect(gru).toMatch(/\\mathbf\{z\}_\{/);
    expect(gru).not.toMatch(/\\mathbf\{m\}_\{/);
  });

  it('writes only the cursor asked for, in the notation asked for', () => {
    const d = doc({ kind: 'scenario', scenario: example, lr: 0.1 }, 'wxh', [5]);
    expect(d.match(/\\subsection\*/g)).toHaveLength(1);
    expect(d).toContain('Backward pass, t = 2');
    expect(d).toContain('W_{hh}');
    expect(d).not.toMatch(/\{W\}\^\{\\top\}/);
  });

  it('is titled and worded by the cell (its declaration), not always a vanilla RNN', () => {
    const [rnn, lstm, gru] = [CASES[0][1], CASES[3][1], CASES[4][1]];
    expect(rnn).toContain('\\section*{A vanilla RNN, unrolled: the worked example}');
    expect(rnn).toMatch(/activation tanh/);
    expect(lstm).toContain('\\section*{An LSTM, unrolled: the worked example}');
    expect(lstm).toContain('gates: input gate, forget gate, candidate, output gate');
    expect(lstm).toContain('cell state $\\mathbf{m}_t$');
    expect(gru).toContain('\\section*{A GRU, unrolled: the worked example}');
    // (The equations themselves may say "as in the vanilla cell": only the words about the cell.)
    for (const d of [lstm, gru])
      expect(d.slice(0, d.indexOf('\\subsection*'))).not.toMatch(/vanilla|activation/i);
  });

  it('gives the parameters’ numbers, so a one-step export can be checked by hand', () => {
    const d = doc({ kind: 'scenario', scenario: example, lr: 0.1 }, 'uvw', [5]);
    const eqs = displayEquations(d);
    for (const p of ['U', 'W', 'V', '\\mathbf{b}', '\\mathbf{c}'])
      expect(eqs.some((e) => e.startsWith(`${p} = \\begin{bmatrix}`))).toBe(true);
    // V of the example (test/fixtures/example-scenario.json), row by row.
    expect(eqs.find((e) => e.startsWith('V = '))).toBe(
      'V = \\begin{bmatrix} 1 & -1 \\\\ 0.5 & 0.5 \\\\ -0.7 & 0.8 \\end{bmatrix}',
    );
  });

  it('keeps “With the numbers of this step:” on the page of its equation', () => {
    const d = CASES[0][1];
    const withs = d.split('\n').flatMap((l, i) => (l.startsWith('With the numbers') ? [i] : []));
    expect(withs.length).toBeGreaterThan(20);
    const lines = d.split('\n');
    for (const i of withs) {
      expect(lines[i - 1]).toBe('\\begin{minipage}{\\linewidth}');
      expect(lines[i - 2]).toBe('\\nopagebreak');
      expect(lines.slice(i + 1, i + 5).join('\n')).toMatch(
        /^\\\[\n[^\n]*\n\\\]\n\\end\{minipage\}$/,
      );
    }
  });

  it('writes a fragment to \\input into one’s own notes: the body, no preamble', () => {
    const inp = input({ kind: 'scenario', scenario: example, lr: 0.1 }, 'uvw', [5]);
    const frag = latexFragment(inp);
    expect(frag).not.toMatch(
      /\\(documentclass|usepackage|begin\{document\}|end\{document\}|setlength)/,
    );
    expect(frag).toContain('\\section*{A vanilla RNN, unrolled: the worked example}');
    expect(displayEquations(frag)).toEqual(displayEquations(latexDocument(inp)));
    expect(frag).toMatchSnapshot();
  });

  it('escapes plain words for LaTeX text', () => {
    expect(latexText('t ≤ 3 … W_xh 50% & #1 “q” 😀')).toBe(
      "t $\\le$ 3 \\ldots{} W\\_xh 50\\% \\& \\#1 ``q'' U+1F600",
    );
  });

  const pdflatex = spawnSync('pdflatex', ['--version']).status === 0;
  it.skipIf(!pdflatex).each(CASES)(
    '%s: compiles with pdflatex, without missing characters',
    { timeout: 60_000 },
    (_, d) => {
      const dir = mkdtempSync(join(tmpdir(), 'unrolled-tex-'));
      try {
        writeFileSync(join(dir, 'worked.tex'), d);
        const r = spawnSync(
          'pdflatex',
          ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'worked.tex'],
          { cwd: dir, encoding: 'utf8' },
        );
        const log = readFileSync(join(dir, 'worked.log'), 'utf8');
        expect(r.status, log.slice(-2000)).toBe(0);
        expect(log).not.toMatch(/Missing character|Undefined control sequence/);
        expect(readFileSync(join(dir, 'worked.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it.skipIf(!pdflatex)(
    'the fragment compiles when \\input into notes that load amsmath',
    { timeout: 60_000 },
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'unrolled-tex-'));
      try {
        const frag = latexFragment(
          input({ kind: 'scenario', scenario: example, lr: 0.1 }, 'uvw', [5]),
        );
        writeFileSync(join(dir, 'worked.tex'), frag);
        writeFileSync(
          join(dir, 'notes.tex'),
          '\\documentclass{article}\n\\usepackage{amsmath}\n\\begin{document}\nMy notes.\n\\input{worked}\n\\end{document}\n',
        );
        const r = spawnSync(
          'pdflatex',
          ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'notes.tex'],
          { cwd: dir, encoding: 'utf8' },
        );
        const log = readFileSync(join(dir, 'notes.log'), 'utf8');
        expect(r.status, log.slice(-2000)).toBe(0);
        expect(log).not.toMatch(/Missing character|Undefined control sequence/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
