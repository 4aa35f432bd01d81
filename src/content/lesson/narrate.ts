import { NOTATIONS, PARAM_NAMES, type NotationName, type ParamName } from '../../core/model';
import type { Notation } from '../notation';

// Lesson text follows the notation the user chose. It is plain text with inline maths between
// `$…$`; `@U @W @V @b @c` stand for the parameters, `@s` for the hidden state's letter and `@m`
// for an LSTM's cell state (m under `uvw`, where c is a bias; c under `wxh`), so the same
// sentence reads “W” under `uvw` and “W_hh” under `wxh`. Nothing else names a symbol.

export type NarrationPart = { kind: 'text'; text: string } | { kind: 'tex'; tex: string };

const TOKEN = /@([UWVbcsm])/g;

/** One `@x` token as plain text under a notation. */
function textOf(token: string, name: NotationName): string {
  const decl = NOTATIONS[name];
  if (token === 's') return decl.state;
  if (token === 'm') return decl.cellState;
  return decl.params[token as ParamName].text;
}

/** One `@x` token as TeX: weights coloured (and hoverable) as in the derivation panel. */
function texOf(token: string, n: Notation): string {
  if (token === 's') return `\\mathbf{${NOTATIONS[n.name].state}}`;
  if (token === 'm') return `\\mathbf{${NOTATIONS[n.name].cellState}}`;
  return n.w(token as ParamName);
}

/** Text and inline-maths parts of a narration, with every symbol in the notation. */
export function narrate(source: string, n: Notation): NarrationPart[] {
  return source.split('$').flatMap((chunk, i): NarrationPart[] => {
    if (chunk === '') return [];
    return i % 2 === 1
      ? [{ kind: 'tex', tex: chunk.replace(TOKEN, (_, k: string) => `{${texOf(k, n)}}`) }]
      : [{ kind: 'text', text: chunk.replace(TOKEN, (_, k: string) => textOf(k, n.name)) }];
  });
}

/** A narration as plain text only (speaker notes, titles, the notes window). */
export function narrateText(source: string, name: NotationName): string {
  return (
    source
      .replace(TOKEN, (_, k: string) => textOf(k, name))
      .replace(/\$/g, '')
      // ∂ is a prefix: "\partial L" reads ∂L
      .replace(/\\partial\s*/g, '∂')
      .replace(
        /\\(partial|top|odot|leftarrow|alpha|nabla|theta|hat|mathbf|sum)\b/g,
        (_, w) => PLAIN[w],
      )
      .replace(/[{}]/g, '')
  );
}

const PLAIN: Record<string, string> = {
  partial: '∂',
  top: 'ᵀ',
  odot: '⊙',
  leftarrow: '←',
  alpha: 'α',
  nabla: '∇',
  theta: 'θ',
  hat: '',
  mathbf: '',
  sum: 'Σ',
};

/** The tokens a narration may use (for tests). */
export const NARRATION_TOKENS = [...PARAM_NAMES, 's', 'm'] as const;

/** A run of narration laid out as one piece: maths with the punctuation right after it. */
export type NarrationRun = { parts: NarrationPart[]; keep: boolean };

/**
 * The parts in runs, each piece of maths kept on one line with the punctuation that follows
 * it (“$x$: 20 …” must not break before the colon).
 */
export function glueRuns(parts: NarrationPart[]): NarrationRun[] {
  const runs: NarrationRun[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const next = parts[i + 1];
    const after = p.kind === 'tex' && next?.kind === 'text' ? next.text : '';
    const punct = /^[:;,.!?)’”]+/.exec(after);
    if (!punct) {
      runs.push({ parts: [p], keep: false });
      continue;
    }
    runs.push({ parts: [p, { kind: 'text', text: punct[0] }], keep: true });
    const rest = after.slice(punct[0].length);
    if (rest) runs.push({ parts: [{ kind: 'text', text: rest }], keep: false });
    i++;
  }
  return runs;
}
