import katex from 'katex';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { equationColors } from '../components/encoding';
import { parseCursorLabel } from '../core/cursor';
import { gateMultiplier, paramShapeSymbols } from '../core/model';
import { parseScenario } from '../core/scenarioSchema';
import { computeTrace } from '../core/trace';
import { buildEquations, loadGatedEquations, type EquationOptions } from './equations';
import { colVec, rowVec } from './equationsFormat';
import { katexOptions } from './katexOptions';

// The derivation of a gated cell: which blocks each cursor shows, and that their numbers are
// the trace's (the LaTeX of the same vector, formatted the same way), in both notations.

function load(cell: 'lstm' | 'gru') {
  const r = parseScenario(JSON.parse(readFileSync(`test/fixtures/${cell}-scenario.json`, 'utf8')));
  if (!r.ok) throw new Error(r.error);
  const sc = r.value;
  return { sc, tr: computeTrace(sc) };
}

const optsFor = (sc: ReturnType<typeof load>['sc'], notation: 'uvw' | 'wxh'): EquationOptions => ({
  scenario: sc,
  labels: null,
  notation,
  colors: equationColors('light'),
  lr: 0.1,
});

const at = (label: string, T: number) => parseCursorLabel(label, T)!;

beforeAll(() => loadGatedEquations());

describe('gated derivation', () => {
  it('an LSTM: gates, m_t and s_t forward; ∂L/∂m_t with its two terms backward', () => {
    const { sc, tr } = load('lstm');
    const g = tr.gated!;
    if (g.cell !== 'lstm') throw new Error('not an LSTM');
    const f2 = buildEquations(tr, at('f2', tr.T), optsFor(sc, 'uvw'));
    expect(f2.map((b) => b.id).slice(0, 4)).toEqual(['gates', 'm', 's', 'o']);
    const m = f2.find((b) => b.id === 'm')!;
    expect(m.substituted).toContain(colVec(g.m, 2, 2)); // m_2
    expect(m.substituted).toContain(colVec(g.m, 0, 2)); // m_1
    const b2 = buildEquations(tr, at('b2', tr.T), optsFor(sc, 'wxh'));
    expect(b2.map((b) => b.id)).toEqual([
      'dL_do',
      'dL_ds',
      'dL_dm',
      'dL_dgates',
      'contrib-out',
      'contrib-hidden',
      'accum',
    ]);
    const dm = b2.find((b) => b.id === 'dL_dm')!;
    expect(dm.substituted).toContain(colVec(g.dL_dm_from_s, 2, 2));
    expect(dm.substituted).toContain(colVec(g.dL_dm_from_next, 2, 2));
    expect(dm.substituted).toContain(colVec(g.dL_dm, 2, 2));
    // Under wxh the cell state is c_t and the state h_t.
    expect(dm.general).toContain('\\mathbf{c}_{t}');
    expect(dm.general).toContain('\\mathbf{h}_{t}');
    const b1 = buildEquations(tr, at('b1', tr.T), optsFor(sc, 'uvw'));
    expect(b1.map((b) => b.id)).toContain('dL_dm0');
    expect(b1.find((b) => b.id === 'dL_dm0')!.substituted).toContain(colVec(tr.grads.m0!, 0, 2));
  });

  it('a GRU at b2: the gate gradients, the four paths back and the W blocks are the trace’s', () => {
    const { sc, tr } = load('gru');
    const g = tr.gated!;
    if (g.cell !== 'gru') throw new Error('not a GRU');
    const b2 = buildEquations(tr, at('b2', tr.T), optsFor(sc, 'uvw'));
    const grads = b2.find((b) => b.id === 'dL_dgates')!;
    // Step 2's stacked ∂L/∂a is row 1 of dL_da (6 = 3H wide): r, z, n blocks of 2.
    for (const k of [0, 1, 2]) expect(grads.substituted).toContain(colVec(tr.dL_da, 6 + 2 * k, 2));
    const back = b2.find((b) => b.id === 'dL_dsprev')!;
    for (const part of [g.dL_dsprev_direct, g.dL_dsprev_z, g.dL_dsprev_n, g.dL_dsprev_r])
      expect(back.substituted).toContain(colVec(part, 2, 2));
    expect(back.substituted).toContain(colVec(tr.dL_ds_next, 0, 2));
    const share = b2.find((b) => b.id === 'contrib-hidden')!;
    // W_n's share multiplies r_2 ⊙ s_1.
    expect(share.general).toContain('\\mathbf{r}_{t}');
    expect(share.substituted).toContain(rowVec(g.rs, 2, 2));
  });

  it('at cursor 0 gives U, W, b the rows the cell declares (4H, 3H), and V, c the vanilla ones', () => {
    for (const cell of ['lstm', 'gru'] as const) {
      const { sc, tr } = load(cell);
      const blocks = buildEquations(tr, 0, optsFor(sc, 'uvw'));
      const general = (id: string) => blocks.find((b) => b.id === id)!.general;
      const rows = `${gateMultiplier(cell)}H`;
      expect(general('param-U')).toContain(
        `^{${paramShapeSymbols('U', cell).replace('×', '\\times')}}`,
      );
      expect(general('param-U')).toContain(`^{${rows} \\times D}`);
      expect(general('param-W')).toContain(`^{${rows} \\times H}`);
      expect(general('param-b')).toContain(`^{${rows}}`);
      expect(general('param-V')).toContain('^{K \\times H}');
      expect(general('gated-model')).not.toContain(cell === 'lstm' ? '^{3H}' : '^{4H}');
    }
  });

  it('says which GRU it is: Cho et al., not PyTorch’s, on the model block', () => {
    const { sc, tr } = load('gru');
    const model = buildEquations(tr, 0, optsFor(sc, 'uvw')).find((b) => b.id === 'gated-model')!;
    expect(model.note).toMatch(/Cho et al\. \(2014\)/);
    expect(model.note).toMatch(/PyTorch/);
    const lstm = load('lstm');
    const lstmModel = buildEquations(lstm.tr, 0, optsFor(lstm.sc, 'uvw')).find(
      (b) => b.id === 'gated-model',
    )!;
    expect(lstmModel.note).toBeUndefined();
  });

  it('renders every block of every cursor of both cells with KaTeX, without errors', () => {
    for (const cell of ['lstm', 'gru'] as const) {
      const { sc, tr } = load(cell);
      for (let cur = 0; cur <= 2 * tr.T + 1; cur++)
        for (const b of buildEquations(tr, cur, optsFor(sc, 'uvw'))) {
          for (const tex of [b.general, b.substituted])
            expect(() =>
              katex.renderToString(tex, { ...katexOptions, throwOnError: true }),
            ).not.toThrow();
        }
    }
  });
});
