import { CELLS, NOTATIONS, gateMultiplier, paramShape, type ParamName } from '../core/model';
import { sumContrib } from '../core/contrib';
import type { GruExtras, LstmExtras, Trace } from '../core/types';
import type { EquationBlock } from './equations';
import { colVec, matrix, rowVec } from './equationsFormat';
import { SYMBOLS, type Notation } from './notation';

// The derivation of a gated cell (spec/trace-format.md, "Gated cells"): the gate equations
// with this step's numbers in the forward pass; in the backward pass ∂L/∂s_t, an LSTM's
// ∂L/∂m_t with its two terms (or a GRU's four paths back to s_{t-1}), the gradients at each
// gate's pre-activation, and each gate block's share of the weight gradients. Every number is
// read from the trace; the only arithmetic is summing the contributions it holds.

const aligned = (lines: string[]) => `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
const text = (s: string) => `\\text{${s}}`;
const odot = SYMBOLS.hadamard;

export interface GatedCtx {
  tr: Trace;
  n: Notation;
  x: Float64Array;
}

/** Symbols of a gated cell under a notation: gate vectors, the cell state, block weights. */
function symbols(n: Notation) {
  const decl = NOTATIONS[n.name];
  const cellLetter = decl.cellState;
  return {
    gate: (g: string, t: string | number) => `\\mathbf{${g}}_{${t}}`,
    m: (t: string | number) => `\\mathbf{${cellLetter}}_{${t}}`,
    /** Gate g's block of a stacked parameter: W_f, b_i, … */
    block: (p: ParamName, g: string) => `{${n.w(p)}}_{${g}}`,
    blockT: (p: ParamName, g: string) => `{${n.w(p)}}_{${g}}^{\\top}`,
    gradBlock: (p: ParamName, g: string) =>
      n.color(n.colors?.grad ?? '', `\\frac{\\partial L}{\\partial {${n.w(p)}}_{${g}}}`),
    /** ∂L/∂a_{g,t}, the gradient at gate g's pre-activation. */
    gradA: (g: string, t: string | number) => n.grad(`\\mathbf{a}_{${g},${t}}`),
    gradM: (t: string | number) => n.grad(`\\mathbf{${cellLetter}}_{${t}}`),
  };
}

/** Rows of one gate block of a stacked T x GH array at step t. */
const blockVec = (a: Float64Array, tr: Trace, t: number, k: number) =>
  colVec(a, (t - 1) * gateMultiplier(tr.cell) * tr.H + k * tr.H, tr.H);

const vecAt = (a: Float64Array, H: number, t: number) => colVec(a, (t - 1) * H, H);

// ---------- cursor 0: the model ----------

export function gatedModelBlock(c: GatedCtx): EquationBlock {
  const { tr, n } = c;
  const S = symbols(n);
  const g = tr.gated!;
  const names = CELLS[g.cell].gates.map((d) => d.name);
  const R = SYMBOLS.reals;
  const output = `${n.vec('o', 't')} &= ${n.w('c')} + ${n.w('V')} ${n.vec('s', 't')}, \\quad L = \\textstyle\\sum_{t=1}^{T} L_t \\quad ${text('(output and loss as in the vanilla cell)')}`;
  const stacked = `\\begin{bmatrix} ${names.map((k) => `\\mathbf{a}_{${k},t}`).join(' \\\\ ')} \\end{bmatrix}`;
  const lines =
    g.cell === 'lstm'
      ? [
          `${stacked} &= ${n.w('b')} + ${n.w('W')} ${n.vec('s', 't-1')} + ${n.w('U')} ${n.vec('x', 't')} && \\in ${R}^{${gateMultiplier(g.cell)}H}`,
          `${S.gate('i', 't')} = \\sigma(\\mathbf{a}_{i,t}), \\; ${S.gate('f', 't')} &= \\sigma(\\mathbf{a}_{f,t}), \\; ${S.gate('g', 't')} = \\tanh(\\mathbf{a}_{g,t}), \\; ${S.gate('q', 't')} = \\sigma(\\mathbf{a}_{q,t})`,
          `${S.m('t')} &= ${S.gate('f', 't')} ${odot} ${S.m('t-1')} + ${S.gate('i', 't')} ${odot} ${S.gate('g', 't')} && ${text('cell state')}`,
          `${n.vec('s', 't')} &= ${S.gate('q', 't')} ${odot} \\tanh(${S.m('t')})`,
          output,
        ]
      : [
          `${S.gate('r', 't')} &= \\sigma(${S.block('b', 'r')} + ${S.block('W', 'r')} ${n.vec('s', 't-1')} + ${S.block('U', 'r')} ${n.vec('x', 't')})`,
          `${S.gate('z', 't')} &= \\sigma(${S.block('b', 'z')} + ${S.block('W', 'z')} ${n.vec('s', 't-1')} + ${S.block('U', 'z')} ${n.vec('x', 't')})`,
          `${S.gate('n', 't')} &= \\tanh(${S.block('b', 'n')} + ${S.block('W', 'n')} (${S.gate('r', 't')} ${odot} ${n.vec('s', 't-1')}) + ${S.block('U', 'n')} ${n.vec('x', 't')})`,
          `${n.vec('s', 't')} &= ${S.gate('z', 't')} ${odot} ${n.vec('s', 't-1')} + (1 - ${S.gate('z', 't')}) ${odot} ${S.gate('n', 't')}`,
          output,
        ];
  return {
    id: 'gated-model',
    title: `The ${CELLS[g.cell].label} cell: ${CELLS[g.cell].gates.map((d) => `${d.name} the ${d.words}`).join(', ')} (blocks of H rows of U, W, b in this order)`,
    general: aligned(lines),
    substituted: aligned([
      `${names.length}H &= ${names.length * tr.H} ${text(' rows of ')} ${n.w('U')}, ${n.w('W')}, ${n.w('b')}`,
      ...(g.cell === 'lstm' ? [`${S.m(0)} &= ${colVec(g.m0, 0, tr.H)}`] : []),
    ]),
    ...(g.cell === 'gru' ? { note: GRU_CONVENTION } : {}),
  };
}

/** Which GRU this is, since the two in use compute different things from the same weights. */
export const GRU_CONVENTION =
  'This GRU follows Cho et al. (2014): the reset gate r multiplies the old state before the ' +
  'candidate’s recurrent weights (r ⊙ s, then W), and z keeps the old state. PyTorch’s nn.GRU ' +
  '(whose z also keeps the old state) applies r after them, r ⊙ (W_hn h + b_hn), with a ' +
  'second bias b_hn, so weights copied from a PyTorch GRU give different outputs here.';

// ---------- f_t ----------

export function gatedForwardBlocks(c: GatedCtx, t: number): EquationBlock[] {
  const { tr, n } = c;
  const S = symbols(n);
  const { H } = tr;
  const g = tr.gated!;
  const sPrev = t === 1 ? colVec(tr.s0, 0, H) : vecAt(tr.s, H, t - 1);
  if (g.cell === 'lstm') {
    const gates = g.gates;
    const mPrev = t === 1 ? colVec(g.m0, 0, H) : vecAt(g.m, H, t - 1);
    const gateLine = (k: number, name: 'i' | 'f' | 'g' | 'q') => {
      const fn = name === 'g' ? '\\tanh' : '\\sigma';
      return `${S.gate(name, t)} &= ${fn}\\left(${blockVec(tr.a, tr, t, k)}\\right) = ${vecAt(gates[name], H, t)}`;
    };
    return [
      {
        id: 'gates',
        title: `The gates at t = ${t}`,
        general: aligned([
          `\\mathbf{a}_{t} &= ${n.w('b')} + ${n.w('W')} ${n.vec('s', 't-1')} + ${n.w('U')} ${n.vec('x', 't')} \\quad ${text('(blocks i, f, g, q)')}`,
          `${S.gate('i', 't')}, ${S.gate('f', 't')}, ${S.gate('q', 't')} &= \\sigma(\\mathbf{a}_{i,t}), \\sigma(\\mathbf{a}_{f,t}), \\sigma(\\mathbf{a}_{q,t}), \\quad ${S.gate('g', 't')} = \\tanh(\\mathbf{a}_{g,t})`,
        ]),
        substituted: aligned([
          `${n.vec('s', t - 1)} &= ${sPrev}`,
          gateLine(0, 'i'),
          gateLine(1, 'f'),
          gateLine(2, 'g'),
          gateLine(3, 'q'),
        ]),
      },
      {
        id: 'm',
        title: `Cell state at t = ${t}`,
        general: `${S.m('t')} = ${S.gate('f', 't')} ${odot} ${S.m('t-1')} + ${S.gate('i', 't')} ${odot} ${S.gate('g', 't')}`,
        substituted: aligned([
          `${S.m(t)} &= ${vecAt(gates.f, H, t)} ${odot} ${mPrev} + ${vecAt(gates.i, H, t)} ${odot} ${vecAt(gates.g, H, t)}`,
          `&= ${vecAt(g.m, H, t)}`,
        ]),
      },
      {
        id: 's',
        title: `Hidden state at t = ${t}`,
        general: `${n.vec('s', 't')} = ${S.gate('q', 't')} ${odot} \\tanh(${S.m('t')})`,
        substituted: `${n.vec('s', t)} = ${vecAt(gates.q, H, t)} ${odot} \\tanh\\left(${vecAt(g.m, H, t)}\\right) = ${vecAt(tr.s, H, t)}`,
      },
    ];
  }
  const gates = g.gates;
  return [
    {
      id: 'gates',
      title: `The reset and update gates at t = ${t}`,
      general: aligned([
        `${S.gate('r', 't')} &= \\sigma(\\mathbf{a}_{r,t}), \\quad \\mathbf{a}_{r,t} = ${S.block('b', 'r')} + ${S.block('W', 'r')} ${n.vec('s', 't-1')} + ${S.block('U', 'r')} ${n.vec('x', 't')}`,
        `${S.gate('z', 't')} &= \\sigma(\\mathbf{a}_{z,t}), \\quad \\mathbf{a}_{z,t} = ${S.block('b', 'z')} + ${S.block('W', 'z')} ${n.vec('s', 't-1')} + ${S.block('U', 'z')} ${n.vec('x', 't')}`,
      ]),
      substituted: aligned([
        `${n.vec('s', t - 1)} &= ${sPrev}`,
        `${S.gate('r', t)} &= \\sigma\\left(${blockVec(tr.a, tr, t, 0)}\\right) = ${vecAt(gates.r, H, t)}`,
        `${S.gate('z', t)} &= \\sigma\\left(${blockVec(tr.a, tr, t, 1)}\\right) = ${vecAt(gates.z, H, t)}`,
      ]),
    },
    {
      id: 'n',
      title: `The candidate at t = ${t} (the reset gate acts on ${NOTATIONS[n.name].state}ₜ₋₁ first)`,
      general: `${S.gate('n', 't')} = \\tanh(${S.block('b', 'n')} + ${S.block('W', 'n')} (${S.gate('r', 't')} ${odot} ${n.vec('s', 't-1')}) + ${S.block('U', 'n')} ${n.vec('x', 't')})`,
      substituted: aligned([
        `${S.gate('r', t)} ${odot} ${n.vec('s', t - 1)} &= ${vecAt(g.rs, H, t)}`,
        `${S.gate('n', t)} &= \\tanh\\left(${blockVec(tr.a, tr, t, 2)}\\right) = ${vecAt(gates.n, H, t)}`,
      ]),
    },
    {
      id: 's',
      title: `Hidden state at t = ${t}`,
      general: `${n.vec('s', 't')} = ${S.gate('z', 't')} ${odot} ${n.vec('s', 't-1')} + (1 - ${S.gate('z', 't')}) ${odot} ${S.gate('n', 't')}`,
      substituted: aligned([
        `${n.vec('s', t)} &= ${vecAt(gates.z, H, t)} ${odot} ${sPrev} + \\left(1 - ${vecAt(gates.z, H, t)}\\right) ${odot} ${vecAt(gates.n, H, t)}`,
        `&= ${vecAt(tr.s, H, t)}`,
      ]),
    },
  ];
}

// ---------- b_t ----------

/** ∂L/∂s_t with its two terms; for a gated cell the future term comes from every gate of t+1. */
function dLdsBlock(c: GatedCtx, t: number): EquationBlock {
  const { tr, n } = c;
  const { H, T } = tr;
  const future =
    tr.gated!.cell === 'lstm'
      ? `${n.wT('W')} ${n.gradVec('a', 't+1')}`
      : text('what step t+1 sends back, four paths');
  const out = vecAt(tr.dL_ds_out, H, t);
  return {
    id: 'dL_ds',
    title: `Gradient at the hidden state, t = ${t}`,
    general: `${n.gradVec('s', 't')} = \\underbrace{${n.wT('V')} ${n.gradVec('o', 't')}}_{${text('from the output now')}} + \\underbrace{${future}}_{${text('from the future')}}`,
    substituted:
      t === T
        ? `${n.gradVec('s', t)} = \\underbrace{${out}}_{${text('from ')}${n.vec('o', t)}} + \\underbrace{0}_{${text(`no future at t = T = ${T}`)}} = ${vecAt(tr.dL_ds, H, t)}`
        : `${n.gradVec('s', t)} = \\underbrace{${out}}_{${text('from ')}${n.vec('o', t)}} + \\underbrace{${vecAt(tr.dL_ds_next, H, t)}}_{${text('from ')}${n.vec('s', t + 1)}} = ${vecAt(tr.dL_ds, H, t)}`,
  };
}

function lstmBackward(c: GatedCtx, t: number, g: LstmExtras): EquationBlock[] {
  const { tr, n } = c;
  const S = symbols(n);
  const { H, T } = tr;
  const last = t === T;
  const dLdm: EquationBlock = {
    id: 'dL_dm',
    title: `Gradient at the cell state, t = ${t}: through ${NOTATIONS[n.name].state}ₜ and along the cell state`,
    general: `${S.gradM('t')} = \\underbrace{${n.gradVec('s', 't')} ${odot} ${S.gate('q', 't')} ${odot} (1 - \\tanh^2 ${S.m('t')})}_{${text('through ')}${n.vec('s', 't')}} + \\underbrace{${S.gradM('t+1')} ${odot} ${S.gate('f', 't+1')}}_{${text('from ')}${S.m('t+1')}}`,
    substituted: aligned([
      `${S.gradM(t)} &= ${vecAt(tr.dL_ds, H, t)} ${odot} ${vecAt(g.gates.q, H, t)} ${odot} \\left(1 - \\tanh^2 ${vecAt(g.m, H, t)}\\right) + ${
        last
          ? `\\underbrace{0}_{${text('no ')}${S.m(t + 1)}${text(' at t = T')}}`
          : `${vecAt(g.dL_dm, H, t + 1)} ${odot} ${vecAt(g.gates.f, H, t + 1)}`
      }`,
      `&= \\underbrace{${vecAt(g.dL_dm_from_s, H, t)}}_{${text('through ')}${n.vec('s', t)}} + \\underbrace{${vecAt(g.dL_dm_from_next, H, t)}}_{${text('from ')}${S.m(t + 1)}} = ${vecAt(g.dL_dm, H, t)}`,
    ]),
  };
  const mPrev = t === 1 ? colVec(g.m0, 0, H) : vecAt(g.m, H, t - 1);
  const gatesGrad: EquationBlock = {
    id: 'dL_dgates',
    title: `Gradients at the gates' pre-activations, t = ${t}`,
    general: aligned([
      `${S.gradA('i', 't')} &= ${S.gradM('t')} ${odot} ${S.gate('g', 't')} ${odot} ${S.gate('i', 't')} ${odot} (1 - ${S.gate('i', 't')})`,
      `${S.gradA('f', 't')} &= ${S.gradM('t')} ${odot} ${S.m('t-1')} ${odot} ${S.gate('f', 't')} ${odot} (1 - ${S.gate('f', 't')})`,
      `${S.gradA('g', 't')} &= ${S.gradM('t')} ${odot} ${S.gate('i', 't')} ${odot} (1 - ${S.gate('g', 't')}^2)`,
      `${S.gradA('q', 't')} &= ${n.gradVec('s', 't')} ${odot} \\tanh(${S.m('t')}) ${odot} ${S.gate('q', 't')} ${odot} (1 - ${S.gate('q', 't')})`,
    ]),
    substituted: aligned([
      `${S.m(t - 1)} &= ${mPrev}`,
      ...['i', 'f', 'g', 'q'].map((k, i) => `${S.gradA(k, t)} &= ${blockVec(tr.dL_da, tr, t, i)}`),
    ]),
  };
  const blocks = [dLdsBlock(c, t), dLdm, gatesGrad];
  if (t === 1)
    blocks.push({
      id: 'dL_dm0',
      title: `Gradient reaching the initial cell state ${NOTATIONS[n.name].cellState}₀`,
      general: `${S.gradM(0)} = ${S.gradM(1)} ${odot} ${S.gate('f', 1)}`,
      substituted: `${S.gradM(0)} = ${vecAt(g.dL_dm, H, 1)} ${odot} ${vecAt(g.gates.f, H, 1)} = ${colVec(tr.grads.m0!, 0, H)}`,
    });
  return blocks;
}

function gruBackward(c: GatedCtx, t: number, g: GruExtras): EquationBlock[] {
  const { tr, n } = c;
  const S = symbols(n);
  const { H } = tr;
  const sPrev = t === 1 ? colVec(tr.s0, 0, H) : vecAt(tr.s, H, t - 1);
  const gatesGrad: EquationBlock = {
    id: 'dL_dgates',
    title: `Gradients at the gates' pre-activations, t = ${t}`,
    general: aligned([
      `${S.gradA('n', 't')} &= ${n.gradVec('s', 't')} ${odot} (1 - ${S.gate('z', 't')}) ${odot} (1 - ${S.gate('n', 't')}^2)`,
      `${S.gradA('z', 't')} &= ${n.gradVec('s', 't')} ${odot} (${n.vec('s', 't-1')} - ${S.gate('n', 't')}) ${odot} ${S.gate('z', 't')} ${odot} (1 - ${S.gate('z', 't')})`,
      `${S.gradA('r', 't')} &= (${S.blockT('W', 'n')} ${S.gradA('n', 't')}) ${odot} ${n.vec('s', 't-1')} ${odot} ${S.gate('r', 't')} ${odot} (1 - ${S.gate('r', 't')})`,
    ]),
    substituted: aligned([
      `${S.gradA('n', t)} &= ${blockVec(tr.dL_da, tr, t, 2)}`,
      `${S.gradA('z', t)} &= ${blockVec(tr.dL_da, tr, t, 1)}`,
      `${S.gradA('r', t)} &= ${blockVec(tr.dL_da, tr, t, 0)}`,
    ]),
  };
  const back: EquationBlock = {
    id: 'dL_dsprev',
    title: `What step ${t} sends back to ${NOTATIONS[n.name].state}${t - 1 === 0 ? '₀' : `ₜ₋₁ (t − 1 = ${t - 1})`}: four paths`,
    general: `\\underbrace{${S.gate('z', 't')} ${odot} ${n.gradVec('s', 't')}}_{${text('straight')}} + \\underbrace{${S.blockT('W', 'z')} ${S.gradA('z', 't')}}_{${text('via ')} z} + \\underbrace{${S.gate('r', 't')} ${odot} ${S.blockT('W', 'n')} ${S.gradA('n', 't')}}_{${text('via ')} n} + \\underbrace{${S.blockT('W', 'r')} ${S.gradA('r', 't')}}_{${text('via ')} r}`,
    // It opens with the gradient it sums (not the state's value, which the z path uses).
    substituted: aligned([
      `${n.gradVec('s', t - 1)}\\Big|_{${text(`from t = ${t}`)}} &= ${vecAt(g.dL_dsprev_direct, H, t)} + ${vecAt(g.dL_dsprev_z, H, t)} + ${vecAt(g.dL_dsprev_n, H, t)} + ${vecAt(g.dL_dsprev_r, H, t)}`,
      `&= ${t === 1 ? colVec(tr.grads.s0, 0, H) : vecAt(tr.dL_ds_next, H, t - 1)} \\quad ${text(t === 1 ? '(the whole gradient at the initial state)' : '(the part of the gradient at t − 1 from the future)')}`,
      `${text('with')}\\ ${n.vec('s', t - 1)} &= ${sPrev} \\quad ${text('(the gradient at z above uses it)')}`,
    ]),
  };
  return [dLdsBlock(c, t), gatesGrad, back];
}

/** Each gate block's share of ∂L/∂W, ∂L/∂U, ∂L/∂b at step t, and the sums so far. */
function gatedContribBlocks(c: GatedCtx, t: number): EquationBlock[] {
  const { tr, n, x } = c;
  const S = symbols(n);
  const { H, D, T } = tr;
  const g = tr.gated!;
  const names = CELLS[g.cell].gates.map((d) => d.name);
  const G = names.length;
  const r = t - 1;
  const D_ = (p: ParamName, k: string, tt: string | number) =>
    `${SYMBOLS.delta.replace('#', String(tt))} ${S.gradBlock(p, k)}`;
  const sPrevT = t === 1 ? rowVec(tr.s0, 0, H) : rowVec(tr.s, (r - 1) * H, H);
  const lines: string[] = [];
  names.forEach((k, i) => {
    // A GRU's W_n multiplies r_t ⊙ s_{t-1}, not s_{t-1}.
    const v = g.cell === 'gru' && k === 'n' ? rowVec(g.rs, r * H, H) : sPrevT;
    lines.push(
      `${D_('W', k, t)} &= ${blockVec(tr.dL_da, tr, t, i)} ${v} = ${matrix(tr.contrib.W, (r * G + i) * H * H, H, H)}`,
      `${D_('U', k, t)} &= ${blockVec(tr.dL_da, tr, t, i)} ${rowVec(x, r * D, D)}, \\quad ${D_('b', k, t)} = ${blockVec(tr.dL_da, tr, t, i)}`,
    );
  });
  const vT = (k: string) =>
    g.cell === 'gru' && k === 'n'
      ? `(${S.gate('r', 't')} ${odot} ${n.vec('s', 't-1')})^{\\top}`
      : `${n.vec('s', 't-1')}^{\\top}`;
  const share: EquationBlock = {
    id: 'contrib-hidden',
    title: `This step's share of the gradients of W, U and b, gate block by gate block, t = ${t}`,
    general: aligned(
      names.map(
        (k) =>
          `${D_('W', k, 't')} &= ${S.gradA(k, 't')} ${vT(k)}, \\quad ${D_('U', k, 't')} = ${S.gradA(k, 't')} ${n.vec('x', 't')}^{\\top}, \\quad ${D_('b', k, 't')} = ${S.gradA(k, 't')}`,
      ),
    ),
    substituted: aligned(lines),
  };
  const full = t === 1;
  const acc = (name: ParamName) => {
    const [rows, cols] = paramShape(name, tr);
    return full ? tr.grads[name] : sumContrib(tr.contrib[name], rows * cols, t, T);
  };
  const sumSym = full
    ? ''
    : `{\\textstyle\\sum_{t'=${t}}^{${T}}} ${SYMBOLS.delta.replace('#', "t'")} `;
  const accum: EquationBlock = {
    id: 'accum',
    title: full
      ? 'The full gradients (the sum over every step), blocks stacked'
      : `Gradients so far (the sum over t = ${t} … ${T}), blocks stacked`,
    general: `${n.gradW('W')} = {\\textstyle\\sum_{t=1}^{T}} ${SYMBOLS.delta.replace('#', 't')} ${n.gradW('W')} = \\begin{bmatrix} ${names.map((k) => S.gradBlock('W', k)).join(' \\\\ ')} \\end{bmatrix}, \\quad ${text('and so for ')} ${n.w('U')}, ${n.w('b')}, ${n.w('V')}, ${n.w('c')}`,
    substituted: aligned([
      `${sumSym}${n.gradW('V')} &= ${matrix(acc('V'), 0, tr.K, H)}`,
      `${sumSym}${n.gradW('c')} &= ${colVec(acc('c'), 0, tr.K)}`,
      `${sumSym}${n.gradW('W')} &= ${matrix(acc('W'), 0, G * H, H)}`,
      `${sumSym}${n.gradW('U')} &= ${matrix(acc('U'), 0, G * H, D)}`,
      `${sumSym}${n.gradW('b')} &= ${colVec(acc('b'), 0, G * H)}`,
    ]),
  };
  return [share, accum];
}

/**
 * The backward blocks of a gated cell at t, given the cell-independent ones the vanilla panel
 * builds (∂L/∂o_t first, the share of V and c, ∂L/∂s_0 at t = 1).
 */
export function gatedBackwardBlocks(
  c: GatedCtx,
  t: number,
  common: { dLdo: EquationBlock; contribOut: EquationBlock },
): EquationBlock[] {
  const g = c.tr.gated!;
  const cellBlocks = g.cell === 'lstm' ? lstmBackward(c, t, g) : gruBackward(c, t, g);
  const [share, accum] = gatedContribBlocks(c, t);
  const blocks = [common.dLdo, ...cellBlocks, common.contribOut, share, accum];
  if (t === 1 && g.cell === 'lstm') {
    const { tr, n } = c;
    blocks.push({
      id: 'dL_ds0',
      title: `Gradient reaching the initial state ${NOTATIONS[n.name].state}₀`,
      general: `${n.gradVec('s', 0)} = ${n.wT('W')} ${n.gradVec('a', 1)} \\quad ${text('(every gate of step 1)')}`,
      substituted: `${n.gradVec('s', 0)} = ${n.wT('W')} ${colVec(tr.dL_da, 0, 4 * tr.H)} = ${colVec(tr.grads.s0, 0, tr.H)}`,
    });
  }
  return blocks;
}
