import katex from 'katex';
import { equationColors } from '../components/encoding';
import { katexOptions } from './katexOptions';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../core/scenarioSchema';
import { computeTrace, sumContrib } from '../core/trace';
import { descend } from '../core/explore';
import type { Scenario } from '../core/types';
import { parseCursorLabel } from '../core/cursor';
import workedExample from '../core/presets/worked-example.json';
import { buildEquations, type EquationBlock, type EquationOptions } from './equations';
import { colVec, labelTex, matrix, texNum, texNumApartFromOne } from './equationsFormat';
import { GRAD_HEX, WEIGHT_HEX } from '../components/encoding';

function scenario(json: unknown): Scenario {
  const r = parseScenario(json);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const sc = scenario(workedExample);
const trace = computeTrace(sc);
const lr = 0.1;
const params = descend(sc.params, trace.grads, lr);
const updated = { params, loss: computeTrace({ ...sc, params }).loss };
const opts: EquationOptions = {
  scenario: sc,
  labels: ['a', 'b', 'c'],
  notation: 'uvw',
  colors: equationColors('light'),
  lr,
  updated,
};

const at = (label: string, o = opts) => buildEquations(trace, parseCursorLabel(label, trace.T)!, o);
const render = (s: string) => katex.renderToString(s, { ...katexOptions, throwOnError: true });

/** A character-level scenario with a vocabulary larger than the elision threshold. */
function bigScenario(loss: 'cross-entropy' | 'squared-error', act: 'tanh' | 'sigmoid' | 'relu') {
  const H = 8;
  const vocab = ['h', 'e', 'l', 'o', ' ', 'w', 'r', 'd'];
  const K = vocab.length;
  const text = 'hello world';
  const ids = [...text].map((ch) => vocab.indexOf(ch));
  const oneHot = (i: number) => Array.from({ length: K }, (_, k) => (k === i ? 1 : 0));
  const wave = (r: number, c: number, s: number) => Math.sin(1.3 * r + 0.7 * c + s) * 0.5;
  const mat = (R: number, C: number, s: number) =>
    Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => wave(r, c, s)));
  return scenario({
    activation: act,
    loss,
    params: {
      U: mat(H, K, 1),
      W: mat(H, H, 2),
      V: mat(K, H, 3),
      b: mat(1, H, 4)[0],
      c: mat(1, K, 5)[0],
    },
    inputs: ids.slice(0, -1).map(oneHot),
    targets: ids.slice(1).map(oneHot),
  });
}

describe('texNum', () => {
  it('gives 3 significant digits and powers of ten for the tiny and the huge', () => {
    expect(texNum(0)).toBe('0');
    expect(texNum(-0)).toBe('0');
    expect(texNum(0.123456)).toBe('0.123');
    expect(texNum(-1.5)).toBe('-1.5');
    expect(texNum(12345)).toBe('1.23 \\times 10^{4}');
    expect(texNum(-0.000123456)).toBe('-1.23 \\times 10^{-4}');
    expect(texNum(9999.7)).toBe('1 \\times 10^{4}');
    expect(texNum(1e-300)).toBe('1 \\times 10^{-300}');
  });
  it('keeps a number that is not ±1 from reading as 1 (f′ of a small pre-activation)', () => {
    expect(texNumApartFromOne(0.99979)).toBe('0.9998');
    expect(texNumApartFromOne(0.999997)).toBe('0.999997');
    expect(texNumApartFromOne(-0.99995)).toBe('-0.99995');
    expect(texNumApartFromOne(1)).toBe('1');
    expect(texNumApartFromOne(0.42)).toBe('0.42');
    expect(texNumApartFromOne(1.0004)).toBe('1.0004');
    expect(texNumApartFromOne(1 - 1e-15)).toBe('1');
  });
  it('elides long vectors and matrices', () => {
    const v = Float64Array.from([1, 2, 3, 4, 5, 6]);
    expect(colVec(v, 0, 6)).toBe('\\begin{bmatrix} 1 \\\\ 2 \\\\ \\vdots \\\\ 6 \\end{bmatrix}');
    expect(matrix(v, 0, 1, 6)).toBe('\\begin{bmatrix} 1 & 2 & \\cdots & 6 \\end{bmatrix}');
    expect(matrix(v, 0, 6, 1)).toBe('\\begin{bmatrix} 1 \\\\ 2 \\\\ \\vdots \\\\ 6 \\end{bmatrix}');
  });
  it('escapes vocabulary symbols', () => {
    expect(labelTex(' ')).toBe('\\text{(space)}');
    expect(labelTex('$')).toBe('\\text{“\\$”}');
    for (const ch of ['\\', '{', '}', '^', '_', '%', '~', '#', '&', '\n', '\u0001', 'é'])
      render(labelTex(ch));
  });
});

describe('buildEquations on the worked example', () => {
  const labels = ['0', 'f1', 'f2', 'f3', 'b3', 'b2', 'b1', 'update'];

  it.each(['0', 'f1', 'f3', 'b3', 'b2', 'b1', 'update'])('matches the snapshot at %s', (label) => {
    expect(at(label)).toMatchSnapshot();
  });

  it('renders every string with KaTeX, in both themes', () => {
    for (const theme of ['light', 'dark'] as const)
      for (const label of labels)
        for (const b of at(label, { ...opts, colors: equationColors(theme) })) {
          expect(() => render(b.general)).not.toThrow();
          expect(() => render(b.substituted)).not.toThrow();
          expect(b.title).not.toMatch(/\\/);
        }
  });

  it('shows both terms of dL/ds_2 at b2, from the trace', () => {
    const b = at('b2').find((x) => x.id === 'dL_ds')!;
    const { H } = trace;
    const row = 2 - 1;
    for (let i = 0; i < H; i++) {
      expect(b.substituted).toContain(texNum(trace.dL_ds_out[row * H + i]));
      expect(b.substituted).toContain(texNum(trace.dL_ds_next[row * H + i]));
      expect(b.substituted).toContain(texNum(trace.dL_ds[row * H + i]));
    }
    expect(b.substituted).toContain(colVec(trace.dL_ds_out, row * H, H));
    expect(b.substituted).toContain(colVec(trace.dL_ds_next, row * H, H));
  });

  it('says there is no future at t = T', () => {
    const b = at('b3').find((x) => x.id === 'dL_ds')!;
    expect(b.substituted).toContain('no future at t = T');
    expect(b.substituted).not.toContain('\\mathbf{s}_{4}');
  });

  it('shows the values of the forward step', () => {
    const bs = at('f3');
    const { H, K } = trace;
    const get = (id: string) => bs.find((x) => x.id === id)!.substituted;
    expect(get('a')).toContain(colVec(trace.a, 2 * H, H));
    expect(get('a')).toContain(colVec(trace.s, 1 * H, H)); // s_2
    expect(get('s')).toContain(colVec(trace.s, 2 * H, H));
    expect(get('o')).toContain(colVec(trace.o, 2 * K, K));
    expect(get('yhat')).toContain(colVec(trace.yhat, 2 * K, K));
    expect(get('Lt')).toContain(texNum(trace.losses[2]));
    expect(get('L')).toContain(texNum(trace.loss));
  });

  it('accumulates contributions of t >= K, and uses the full gradients at b1', () => {
    const b2 = at('b2').find((x) => x.id === 'accum')!;
    const { H, K, T } = trace;
    expect(b2.substituted).toContain(matrix(sumContrib(trace.contrib.V, K * H, 2, T), 0, K, H));
    const b1 = at('b1').find((x) => x.id === 'accum')!;
    expect(b1.substituted).toContain(matrix(trace.grads.W, 0, H, H));
    expect(sumContrib(trace.contrib.U, H * trace.D, 1, T)).toEqual(trace.grads.U);
    expect(at('b1').some((x) => x.id === 'dL_ds0')).toBe(true);
    expect(at('b2').some((x) => x.id === 'dL_ds0')).toBe(false);
  });

  it('writes the update with alpha and the new weights and loss', () => {
    const bs = at('update');
    const u = bs.find((x) => x.id === 'update-W')!;
    expect(u.substituted).toContain('0.1');
    expect(u.substituted).toContain(matrix(updated.params.W, 0, trace.H, trace.H));
    const l = bs.find((x) => x.id === 'update-loss')!;
    expect(l.substituted).toContain(texNum(updated.loss));
    expect(l.substituted).toContain(texNum(trace.loss));
    // Without the updated parameters, the update is still written, just not its result.
    expect(() => at('update', { ...opts, updated: undefined })).not.toThrow();
  });

  it('colours weights and gradients by theme', () => {
    const light = at('f2')
      .map((b) => b.general)
      .join(' ');
    const dark = at('f2', { ...opts, colors: equationColors('dark') })
      .map((b) => b.general)
      .join(' ');
    expect(light).toContain(`\\color{${WEIGHT_HEX.light.U}}`);
    expect(dark).toContain(`\\color{${WEIGHT_HEX.dark.W}}`);
    expect(
      at('b2')
        .map((b) => b.general)
        .join(' '),
    ).toContain(`\\color{${GRAD_HEX.light}}`);
  });
});

describe('buildEquations on larger and other scenarios', () => {
  it.each([
    ['cross-entropy', 'tanh'],
    ['cross-entropy', 'relu'],
    ['squared-error', 'sigmoid'],
  ] as const)('elides and renders for %s / %s', (loss, act) => {
    const s = bigScenario(loss, act);
    const tr = computeTrace(s);
    const o = {
      scenario: s,
      labels: ['h', 'e', 'l', 'o', ' ', 'w', 'r', 'd'],
      notation: 'uvw' as const,
      colors: equationColors('dark'),
      lr: 0.5,
    };
    const all: EquationBlock[] = [];
    for (let i = 0; i < 2 * tr.T + 2; i++) all.push(...buildEquations(tr, i, o));
    for (const b of all) {
      expect(() => render(b.general)).not.toThrow();
      expect(() => render(b.substituted)).not.toThrow();
      // 8 entries elide to 2 + dots + 1: no column or row has more than 4 shown entries.
      if (b.id !== 'sequence') expect(b.substituted).not.toMatch(/(&[^&\\]*){4,}\\\\/);
    }
    expect(all.map((b) => b.substituted).join(' ')).toContain('\\vdots');
  });
});

describe('buildEquations follows the model declaration', () => {
  it('writes the wxh notation everywhere: W_xh, W_hh, W_hy, b_h, b_y and h_t', () => {
    const all = ['0', 'f2', 'b2', 'b1', 'update']
      .flatMap((l) => at(l, { ...opts, notation: 'wxh' }))
      .map((b) => `${b.title} ${b.general} ${b.substituted}`)
      .join(' ');
    for (const sym of [
      'W_{xh}',
      'W_{hh}',
      'W_{hy}',
      '\\mathbf{b}_{h}',
      '\\mathbf{b}_{y}',
      '\\mathbf{h}_{',
    ])
      expect(all).toContain(sym);
    expect(all).not.toMatch(/\\mathbf\{s\}_/);
    expect(all).toContain('initial state h₀');
    for (const b of at('b2', { ...opts, notation: 'wxh' })) {
      expect(() => render(b.general)).not.toThrow();
      expect(() => render(b.substituted)).not.toThrow();
    }
  });

  it('writes a new activation from its one entry (softsign: f and f′)', () => {
    const s = { ...sc, activation: 'softsign' as const };
    const tr = computeTrace(s);
    const o = { ...opts, scenario: s };
    const f1 = buildEquations(tr, parseCursorLabel('f1', tr.T)!, o);
    expect(f1.find((b) => b.id === 's')!.general).toContain('\\operatorname{softsign}');
    const b1 = buildEquations(tr, parseCursorLabel('b1', tr.T)!, o);
    const da = b1.find((b) => b.id === 'dL_da')!;
    expect(da.general).toContain('\\frac{1}{(1 + |a_{t}|)^{2}}');
    expect(() => render(da.substituted)).not.toThrow();
  });
});
