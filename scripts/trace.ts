// npm run -s trace -- FILE   (or - for standard input): prints the trace of a scenario as JSON.
//   --format latex       the worked example as a standalone LaTeX document instead
//   --format latex-fragment  the same without a preamble, to \input into notes of one's own
//   --notation wxh       W_xh, W_hh, W_hy, b_h, b_y, h_t (default uvw: U, W, V, b, c, s_t)
//   --step b2            LaTeX: this cursor position only (default: every position, 0 … update)
//   --lr 0.1             LaTeX: the learning rate of the update step (default 0.1, the app's)
import { readFileSync } from 'node:fs';
import { computeTrace, overflowError } from '../src/core/trace';
import { parseScenarioText } from '../src/core/scenarioSchema';
import { descend } from '../src/core/explore';
import { cursorCount, parseCursorLabel } from '../src/core/cursor';
import { CHOICES, NOTATION_NAMES, inBounds, type NotationName } from '../src/core/model';
import { traceJsonText } from '../src/export/traceJson';
import { latexDocument, latexFragment } from '../src/export/latex';
import { loadGatedEquations } from '../src/content/equations';

const USAGE =
  'usage: npm run -s trace -- FILE   (FILE or - for standard input)' +
  ' [--format json|latex|latex-fragment] [--notation uvw|wxh] [--step STEP] [--lr N]\n';

interface Options {
  file: string;
  format: 'json' | 'latex' | 'latex-fragment';
  notation: NotationName;
  step: string | null;
  lr: number;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = {
    file: '',
    format: 'json',
    notation: CHOICES.notation.default,
    step: null,
    lr: CHOICES.lr.default,
  };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const v = argv[++i];
    if (v === undefined) return `${a}: needs a value`;
    if (a === '--format' && (v === 'json' || v === 'latex' || v === 'latex-fragment')) o.format = v;
    else if (a === '--notation' && (NOTATION_NAMES as string[]).includes(v))
      o.notation = v as NotationName;
    else if (a === '--step') o.step = v;
    else if (a === '--lr' && inBounds(CHOICES.lr, Number(v))) o.lr = Number(v);
    else return `${a} ${v}: not a valid option`;
  }
  if (files.length !== 1) return '';
  o.file = files[0];
  return o;
}

async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    // One line on standard error, as for every refusal.
    process.stderr.write(opts ? `${opts} (see --format, --notation, --step, --lr)\n` : USAGE);
    return 2;
  }
  const { file } = opts;
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(
      `${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
    );
    return 1;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    return 1;
  }
  const scenario = parsed.value;
  const trace = computeTrace(scenario);
  const overflow = overflowError(trace);
  if (overflow) {
    process.stderr.write(`${overflow}\n`);
    return 1;
  }
  if (opts.format === 'json') {
    process.stdout.write(traceJsonText(trace, opts.notation));
    return 0;
  }
  let cursors = Array.from({ length: cursorCount(trace.T) }, (_, i) => i);
  if (opts.step !== null) {
    const c = parseCursorLabel(opts.step, trace.T);
    if (c === null) {
      process.stderr.write(
        `--step ${opts.step}: no such step (0, f1 … f${trace.T}, b${trace.T} … b1, update)\n`,
      );
      return 2;
    }
    cursors = [c];
  }
  // A gated cell's equations live in a module the app loads on demand.
  if (trace.gated) await loadGatedEquations();
  // The update step, as the app computes it (core/explore.ts): θ − α∇L, and the new loss.
  const params = descend(scenario.params, trace.grads, opts.lr);
  const after = computeTrace({ ...scenario, params });
  const write = opts.format === 'latex-fragment' ? latexFragment : latexDocument;
  process.stdout.write(
    write({
      trace,
      scenario,
      labels: scenario.symbols ?? null,
      notation: opts.notation,
      lr: opts.lr,
      updated: { params, loss: after.loss },
      cursors,
    }),
  );
  return 0;
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
