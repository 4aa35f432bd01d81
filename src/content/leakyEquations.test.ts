import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseCursorLabel } from '../core/cursor';
import { parseScenario } from '../core/scenarioSchema';
import { computeTrace } from '../core/trace';
import { buildEquations, type EquationOptions } from './equations';
import { colVec, matrix } from './equationsFormat';
import { katexOptions } from './katexOptions';

// Leaky units' derivation: the vanilla blocks, with the state update, ∂L/∂s_t's three terms,
// ∂L/∂a_t's (1 − κ) and the step's Jacobian written anew, every number from the trace.

const parsed = parseScenario(
  JSON.parse(readFileSync('test/fixtures/leaky-scenario.json', 'utf8')) as unknown,
);
if (!parsed.ok) throw new Error(parsed.error);
const sc = parsed.value;
const tr = computeTrace(sc);
const lk = tr.leaky!;
const H = tr.H;
const opts: EquationOptions = {
  scenario: sc,
  labels: ['h', 'e', 'l'],
  notation: 'uvw',
  colors: null,
  lr: 0.1,
};
const at = (label: string) => buildEquations(tr, parseCursorLabel(label, tr.T)!, opts);
const block = (label: string, id: string) => {
  const b = at(label).find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id} at ${label}`);
  return b;
};

describe('leaky units in the derivation', () => {
  it('write the model and each state with κ, and its numbers', () => {
    expect(block('0', 'model').general).toContain('\\boldsymbol{\\kappa} \\odot \\mathbf{s}_{t-1}');
    expect(block('0', 'model').substituted).toContain(colVec(lk.keep, 0, H));
    const s2 = block('f2', 's').substituted;
    expect(s2).toContain(colVec(lk.fa, H, H));
    expect(s2).toContain(colVec(tr.s, H, H));
  });

  it('split ∂L/∂s_t into the output, the future through W and the kept future', () => {
    const b = block('b2', 'dL_ds').substituted;
    expect(b).toContain(colVec(tr.dL_ds_out, H, H));
    expect(b).toContain(colVec(lk.dL_ds_next_W, H, H));
    expect(b).toContain(colVec(lk.dL_ds_next_kept, H, H));
    expect(b).toContain(colVec(tr.dL_ds, H, H));
    expect(block('b2', 'dL_da').general).toContain('(1 - \\boldsymbol{\\kappa})');
    expect(block('b1', 'dL_ds0').substituted).toContain(colVec(tr.grads.s0, 0, H));
  });

  it('give the step’s Jacobian diag(κ) + diag((1 − κ) ⊙ f′(a_t)) W', () => {
    const t = 3;
    const J = new Float64Array(H * H);
    for (let i = 0; i < H; i++) {
      const f = lk.fa[(t - 1) * H + i];
      const slope = 1 - f * f; // tanh
      for (let j = 0; j < H; j++)
        J[i * H + j] =
          (i === j ? lk.keep[i] : 0) + (1 - lk.keep[i]) * slope * sc.params.W[i * H + j];
    }
    expect(block(`b${t}`, 'jacobian').substituted).toContain(matrix(J, 0, H, H));
  });

  it('render every block with KaTeX at every cursor', () => {
    for (let i = 0; i < 2 * tr.T + 2; i++)
      for (const b of buildEquations(tr, i, opts)) {
        katex.renderToString(b.general, { ...katexOptions, throwOnError: true });
        katex.renderToString(b.substituted, { ...katexOptions, throwOnError: true });
      }
  });
});
