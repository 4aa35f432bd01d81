import { ACTIVATIONS, NOTATIONS } from '../core/model';
import type { LeakyExtras } from '../core/types';
import { colVec, matrix } from './equationsFormat';
import type { EquationBlock, EquationCtx } from './equations';
import { SYMBOLS } from './notation';

// Leaky units' derivation (spec/trace-format.md, "Leaky units, layers and directions"): the
// vanilla cell's blocks, with the ones where s_t = κ ⊙ s_{t-1} + (1 − κ) ⊙ f(a_t) changes the
// equation written anew. Every number comes from the trace; the one product computed here is
// the step's Jacobian diag(κ) + diag((1 − κ) ⊙ f′(a_t)) W, entry by entry.

const aligned = (lines: string[]) => `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
const text = (s: string) => `\\text{${s}}`;
const odot = SYMBOLS.hadamard;

function pieces(c: EquationCtx) {
  const { tr, n } = c;
  const lk = tr.leaky as LeakyExtras;
  const H = tr.H;
  const kappa = NOTATIONS[n.name].keep.tex;
  const keepVec = colVec(lk.keep, 0, H);
  const oneMinus = colVec(
    lk.keep.map((k) => 1 - k),
    0,
    H,
  );
  const act = ACTIVATIONS[tr.activation];
  // f'(a_t) from f(a_t), which leaky units keep apart from s_t (the activation's own table).
  const slope = (t: number) =>
    Float64Array.from({ length: H }, (_, i) =>
      act.df(tr.a[(t - 1) * H + i], lk.fa[(t - 1) * H + i]),
    );
  const dfAt = (t: string | number) =>
    act.dfTex(
      (i) => n.scalar('a', i),
      (i) => `${act.tex}(${n.scalar('a', i)})`,
      String(t),
    );
  return { lk, H, kappa, keepVec, oneMinus, act, slope, dfAt };
}

/** s_t written as the leak: the model's line and the forward block. */
function stateBlocks(c: EquationCtx, blocks: EquationBlock[], t: number): EquationBlock[] {
  const { tr, n } = c;
  const { lk, H, kappa, keepVec, oneMinus, act } = pieces(c);
  const r = t - 1;
  const sPrev = t === 1 ? colVec(tr.s0, 0, H) : colVec(tr.s, (r - 1) * H, H);
  return blocks.map((b) =>
    b.id !== 's'
      ? b
      : {
          id: 's',
          title: `Hidden state at t = ${t}: a share of the old state kept, the rest new`,
          general: `${n.vec('s', 't')} = ${kappa} ${odot} ${n.vec('s', 't-1')} + (1 - ${kappa}) ${odot} ${act.tex}(${n.vec('a', 't')}) \\quad ${text('(elementwise)')}`,
          substituted: aligned([
            `${n.vec('s', t)} &= ${keepVec} ${odot} ${sPrev} + ${oneMinus} ${odot} ${act.tex}\\left(${colVec(tr.a, r * H, H)}\\right)`,
            `&= ${keepVec} ${odot} ${sPrev} + ${oneMinus} ${odot} ${colVec(lk.fa, r * H, H)} = ${colVec(tr.s, r * H, H)}`,
          ]),
        },
  );
}

function modelBlocks(c: EquationCtx, blocks: EquationBlock[]): EquationBlock[] {
  const { n } = c;
  const { kappa, keepVec, act } = pieces(c);
  return blocks.map((b) =>
    b.id !== 'model'
      ? b
      : {
          ...b,
          title: `${b.title}, with leaky units`,
          general: b.general.replace(
            `${n.vec('s', 't')} &= ${act.tex}(${n.vec('a', 't')})`,
            `${n.vec('s', 't')} &= ${kappa} ${odot} ${n.vec('s', 't-1')} + (1 - ${kappa}) ${odot} ${act.tex}(${n.vec('a', 't')})`,
          ),
          substituted: b.substituted.replace(
            ' \\end{aligned}',
            ` \\\\ ${kappa} &= ${keepVec} \\quad ${text('(keep rates: fixed, not trained)')} \\end{aligned}`,
          ),
        },
  );
}

function backward(c: EquationCtx, blocks: EquationBlock[], t: number): EquationBlock[] {
  const { tr, n } = c;
  const { lk, H, kappa, keepVec, oneMinus, slope, dfAt } = pieces(c);
  const { K, T } = tr;
  const r = t - 1;
  const last = t === T;
  const fp = slope(t);
  const out = colVec(tr.dL_ds_out, r * H, H);
  const dLds: EquationBlock = {
    id: 'dL_ds',
    title: `Gradient at the hidden state, t = ${t}`,
    general: `${n.gradVec('s', 't')} = \\underbrace{${n.wT('V')} ${n.gradVec('o', 't')}}_{${text('from the output now')}} + \\underbrace{${n.wT('W')} ${n.gradVec('a', 't+1')}}_{${text('from the future, through W')}} + \\underbrace{${kappa} ${odot} ${n.gradVec('s', 't+1')}}_{${text('from the future, kept')}}`,
    substituted: last
      ? aligned([
          `${n.gradVec('s', t)} &= ${n.wT('V')} ${colVec(tr.dL_do, r * K, K)} + \\underbrace{0 + 0}_{${text(`no future at t = T = ${T}`)}}`,
          `&= ${out} = ${colVec(tr.dL_ds, r * H, H)}`,
        ])
      : aligned([
          `${n.gradVec('s', t)} &= ${n.wT('V')} ${colVec(tr.dL_do, r * K, K)} + ${n.wT('W')} ${colVec(tr.dL_da, t * H, H)} + ${keepVec} ${odot} ${colVec(tr.dL_ds, t * H, H)}`,
          `&= \\underbrace{${out}}_{${text('from ')}${n.vec('o', t)}} + \\underbrace{${colVec(lk.dL_ds_next_W, r * H, H)}}_{${text('through ')}${n.vec('a', t + 1)}} + \\underbrace{${colVec(lk.dL_ds_next_kept, r * H, H)}}_{${text('kept, from ')}${n.vec('s', t + 1)}}`,
          `&= ${colVec(tr.dL_ds, r * H, H)}`,
        ]),
  };
  const dLda: EquationBlock = {
    id: 'dL_da',
    title: `Gradient at the pre-activation, t = ${t}: only the new share passes through f`,
    general: `${n.gradVec('a', 't')} = (1 - ${kappa}) ${odot} f'(${n.vec('a', 't')}) ${odot} ${n.gradVec('s', 't')}, \\quad f'(${n.scalar('a', 't')}) = ${dfAt('t')}`,
    substituted: `${n.gradVec('a', t)} = ${oneMinus} ${odot} \\underbrace{${colVec(fp, 0, H)}}_{${dfAt(t)}} ${odot} ${colVec(tr.dL_ds, r * H, H)} = ${colVec(tr.dL_da, r * H, H)}`,
  };
  // ∂s_t/∂s_{t-1} = diag(κ) + diag((1 − κ) ⊙ f′(a_t)) W: what a step back multiplies by.
  const J = new Float64Array(H * H);
  for (let i = 0; i < H; i++)
    for (let j = 0; j < H; j++)
      J[i * H + j] = (i === j ? lk.keep[i] : 0) + (1 - lk.keep[i]) * fp[i] * c.p.W[i * H + j];
  const jac: EquationBlock = {
    id: 'jacobian',
    title: `How one step back scales the gradient, from t = ${t} to t = ${t - 1}`,
    general: `\\frac{\\partial ${n.vec('s', 't')}}{\\partial ${n.vec('s', 't-1')}} = \\mathrm{diag}(${kappa}) + \\mathrm{diag}\\big((1 - ${kappa}) ${odot} f'(${n.vec('a', 't')})\\big)\\, ${n.w('W')} \\quad ${text('(a unit with κ near 1 carries its gradient back)')}`,
    substituted: `\\frac{\\partial ${n.vec('s', t)}}{\\partial ${n.vec('s', t - 1)}} = \\mathrm{diag}\\left(${keepVec}\\right) + \\mathrm{diag}\\left(${oneMinus} ${odot} ${colVec(fp, 0, H)}\\right) ${matrix(c.p.W, 0, H, H)} = ${matrix(J, 0, H, H)}`,
  };
  return blocks.flatMap((b) => {
    if (b.id === 'dL_ds') return [dLds];
    if (b.id === 'dL_da') return [dLda, jac];
    if (b.id === 'dL_ds0')
      return [
        {
          ...b,
          general: `${n.gradVec('s', 0)} = ${n.wT('W')} ${n.gradVec('a', 1)} + ${kappa} ${odot} ${n.gradVec('s', 1)}`,
          substituted: `${n.gradVec('s', 0)} = ${n.wT('W')} ${colVec(tr.dL_da, 0, H)} + ${keepVec} ${odot} ${colVec(tr.dL_ds, 0, H)} = ${colVec(tr.grads.s0, 0, H)}`,
        },
      ];
    return [b];
  });
}

/** The vanilla cell's blocks at this cursor, rewritten where leaky units change them. */
export function leakyBlocks(
  c: EquationCtx,
  phase: 'init' | 'forward' | 'backward' | 'update',
  t: number,
  vanilla: EquationBlock[],
): EquationBlock[] {
  switch (phase) {
    case 'init':
      return modelBlocks(c, vanilla);
    case 'forward':
      return stateBlocks(c, vanilla, t);
    case 'backward':
      return backward(c, vanilla, t);
    case 'update':
      return vanilla;
  }
}
