import {
  ACTIVATIONS,
  cellOf,
  LOSSES,
  NOTATIONS,
  PARAM_NAMES,
  PARAMS,
  paramShape,
  paramShapeSymbols,
  type NotationName,
  type ParamName,
} from '../core/model';
import type { Params, Scenario, Trace } from '../core/types';

import { cursorInfo } from '../core/cursor';
import { sumContrib } from '../core/contrib';
import type * as GatedEquations from './gatedEquations';
import { leakyBlocks } from './leakyEquations';
import {
  colVec,
  ELIDE_ABOVE,
  entryName,
  matrix,
  oneHotIndex,
  rowVec,
  shownIndices,
  texNum,
  texNumApartFromOne,
} from './equationsFormat';
import {
  notation,
  paramText,
  paramTitle,
  SYMBOLS,
  type EquationColors,
  type Notation,
} from './notation';

// The derivation panel's content: for each cursor position, the equations that hold there,
// once in general and once with this step's numbers. Pure functions of (trace, cursor,
// notation): every number comes from the trace (or from the scenario it was computed from, or
// the parameters after the update); the only arithmetic here is summing contributions the trace
// already holds, and f'(a_t) from the same activation table the core uses.

export interface EquationBlock {
  /** Stable id, e.g. `a`, `dL_ds`, `update-U`. */
  id: string;
  /** Plain words, e.g. "Hidden state at t = 3". */
  title: string;
  /** The equation in general (LaTeX). */
  general: string;
  /** The same equation with this step's numbers substituted (LaTeX). */
  substituted: string;
  /** A plain-text remark under the block (a convention the equations follow). */
  note?: string;
}

export interface EquationOptions {
  /** The parameters, s_0 and the sequence the trace was computed from. */
  scenario: Pick<Scenario, 'params' | 'seq'>;
  /** Vocabulary symbols of the one-hot inputs/outputs, or null for real-valued data. */
  labels: readonly string[] | null;
  notation: NotationName;
  /** null: plain LaTeX without colours or HTML classes (the LaTeX export). */
  colors: EquationColors | null;
  /** The learning rate α of the update. */
  lr: number;
  /** After θ ← θ − α∇L: the new parameters and the loss of the same sequence under them. */
  updated?: { params: Params; loss: number };
}

const aligned = (lines: string[]) => `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
const text = (s: string) => `\\text{${s}}`;

export interface EquationCtx {
  tr: Trace;
  n: Notation;
  opts: EquationOptions;
  x: Float64Array; // T x D
  y: Float64Array; // T x K
  p: Params;
  act: string;
  ce: boolean;
}
type Ctx = EquationCtx;

// ---------- cursor 0: the model, the sequence and the parameters ----------

function modelBlocks(c: Ctx): EquationBlock[] {
  const { n, tr, act } = c;
  const { H, D, K, T } = tr;
  const R = SYMBOLS.reals;
  const loss = LOSSES[tr.lossName];
  const yhatLine = `${n.vec('yhat', 't')} &= ${loss.yhatTex((t) => n.vec('o', t), 't')} && \\in ${R}^{K}`;
  const lossLine = `L_t &= ${loss.lossTex('t')} && \\in ${R}`;
  const model: EquationBlock = {
    id: 'model',
    title: `The model, for t = 1 … T (here T = ${T})`,
    general: aligned([
      `${n.vec('a', 't')} &= ${n.w('b')} + ${n.w('W')} ${n.vec('s', 't-1')} + ${n.w('U')} ${n.vec('x', 't')} && \\in ${R}^{H}`,
      `${n.vec('s', 't')} &= ${act}(${n.vec('a', 't')}) && \\in ${R}^{H}`,
      `${n.vec('o', 't')} &= ${n.w('c')} + ${n.w('V')} ${n.vec('s', 't')} && \\in ${R}^{K}`,
      yhatLine,
      lossLine,
      `L &= \\textstyle\\sum_{t=1}^{T} L_t`,
    ]),
    substituted: aligned([
      // Two rows, so the line fits a narrow panel instead of cutting off “T = 4 step…”.
      `H &= ${H} ${text(' hidden units,')} \\quad D = ${D} ${text(' inputs,')}`,
      `K &= ${K} ${text(' outputs,')} \\quad T = ${T} ${text(T === 1 ? ' step' : ' steps')}`,
      `${PARAM_NAMES.map((p, i) => `${n.w(p)} ${i === 0 ? '&' : ''}\\in ${R}^{${shapeTex(paramShape(p, tr))}}`).join(', \\quad ')}`,
      `${n.vec('s', 0)} &= ${colVec(tr.s0, 0, H)}`,
    ]),
  };
  return [model, sequenceBlock(c), ...paramBlocks(c)];
}

/** At most this many time steps are listed in the sequence table; longer ones are elided. */
const SEQ_SHOWN = 12;

function sequenceBlock(c: Ctx): EquationBlock {
  const { tr, x, y, n, opts } = c;
  const { T, D, K } = tr;
  const steps =
    T <= SEQ_SHOWN
      ? Array.from({ length: T }, (_, i) => i)
      : [...Array.from({ length: SEQ_SHOWN - 3 }, (_, i) => i), null, T - 2, T - 1];
  const xs: string[] = [];
  const ys: string[] = [];
  let allHot = true;
  for (let t = 0; t < T && allHot; t++) {
    if (oneHotIndex(x, t * D, D) < 0 || oneHotIndex(y, t * K, K) < 0) allHot = false;
  }
  for (const t of steps) {
    if (t === null) {
      xs.push('\\cdots');
      ys.push('\\cdots');
    } else if (allHot) {
      xs.push(entryName(opts.labels, oneHotIndex(x, t * D, D)));
      ys.push(entryName(opts.labels, oneHotIndex(y, t * K, K)));
    } else {
      xs.push(colVec(x, t * D, D));
      ys.push(colVec(y, t * K, K));
    }
  }
  const head = steps.map((t) => (t === null ? '\\cdots' : String(t + 1)));
  const table = `\\begin{array}{r|${'c'.repeat(steps.length)}} t & ${head.join(' & ')} \\\\ \\hline ${n.vec('x', 't')} & ${xs.join(' & ')} \\\\ ${n.vec('y', 't')} & ${ys.join(' & ')} \\end{array}`;
  return {
    id: 'sequence',
    title: allHot
      ? 'The sequence: each target is the next symbol'
      : 'The sequence: inputs and targets',
    general: allHot
      ? `${n.vec('x', 't')}, ${n.vec('y', 't')} ${text(' one-hot;')} \\quad ${n.vec('y', 't')} = ${n.vec('x', 't+1')}`
      : `(${n.vec('x', 1)}, ${n.vec('y', 1)}), \\dots, (${n.vec('x', 'T')}, ${n.vec('y', 'T')})`,
    substituted: table,
  };
}

/** A shape as TeX exponent: `3 \\times 2`, or `3` for a vector. */
const shapeTex = ([r, cols]: [number, number]) => (cols === 1 ? `${r}` : `${r} \\times ${cols}`);

function paramBlocks(c: Ctx): EquationBlock[] {
  const { n, p } = c;
  return PARAM_NAMES.map((name) => {
    const sh = paramShape(name, p);
    return {
      id: `param-${name}`,
      title: `${paramTitle(name, n.name)} (${sh[1] === 1 ? sh[0] : `${sh[0]} × ${sh[1]}`})`,
      // A gated cell's U, W and b stack one block of H rows per gate (its declaration says how many).
      general: `${n.w(name)} \\in ${SYMBOLS.reals}^{${paramShapeSymbols(name, cellOf(p)).replace('×', '\\times')}}`,
      substituted: `${n.w(name)} = ${valueTex(p[name], sh)}`,
    };
  });
}

/** A parameter's value: a column vector for a bias, a matrix otherwise. */
function valueTex(d: Float64Array, [r, cols]: [number, number], off = 0): string {
  return cols === 1 ? colVec(d, off, r) : matrix(d, off, r, cols);
}

// ---------- f_t: the forward pass at step t ----------

function forwardBlocks(c: Ctx, t: number): EquationBlock[] {
  const { tr, n, x, p, opts, act, ce } = c;
  const { H, D, K } = tr;
  const r = t - 1; // row of step t
  const sPrev = t === 1 ? colVec(tr.s0, 0, H) : colVec(tr.s, (r - 1) * H, H);
  const hot = oneHotIndex(x, r * D, D);
  // U x_t for a one-hot x_t is a column of U: say which, rather than multiply by zeros.
  const ux =
    hot >= 0
      ? `\\underbrace{${colVecStrided(p.U, hot, D, H)}}_{${text('column ')}${entryName(opts.labels, hot)} ${text(' of ')} ${n.w('U')}}`
      : `${matrix(p.U, 0, H, D)} ${colVec(x, r * D, D)}`;
  const blocks: EquationBlock[] = [
    {
      id: 'a',
      title: `Pre-activation at t = ${t}`,
      general: `${n.vec('a', 't')} = ${n.w('b')} + ${n.w('W')} ${n.vec('s', 't-1')} + ${n.w('U')} ${n.vec('x', 't')}`,
      substituted: aligned([
        `${n.vec('a', t)} &= ${colVec(p.b, 0, H)} + ${matrix(p.W, 0, H, H)} ${sPrev}`,
        `&\\phantom{=} + ${ux}`,
        `&= ${colVec(tr.a, r * H, H)}`,
      ]),
    },
    {
      id: 's',
      title: `Hidden state at t = ${t}`,
      general: `${n.vec('s', 't')} = ${act}(${n.vec('a', 't')}) \\quad ${text('(elementwise)')}`,
      substituted: `${n.vec('s', t)} = ${act}\\left(${colVec(tr.a, r * H, H)}\\right) = ${colVec(tr.s, r * H, H)}`,
    },
    {
      id: 'o',
      // Under squared error o_t is the prediction itself, not logits fed to a softmax.
      title: ce ? `Output logits at t = ${t}` : `Output (the prediction itself) at t = ${t}`,
      general: `${n.vec('o', 't')} = ${n.w('c')} + ${n.w('V')} ${n.vec('s', 't')}`,
      substituted: aligned([
        `${n.vec('o', t)} &= ${colVec(p.c, 0, K)} + ${matrix(p.V, 0, K, H)} ${colVec(tr.s, r * H, H)}`,
        `&= ${colVec(tr.o, r * K, K)}`,
      ]),
    },
    ce
      ? {
          id: 'yhat',
          title: `Predicted probabilities at t = ${t}`,
          general: `${n.vec('yhat', 't')} = ${SYMBOLS.softmax}(${n.vec('o', 't')}), \\quad \\hat{y}_{t,k} = \\frac{e^{o_{t,k}}}{\\sum_j e^{o_{t,j}}}`,
          substituted: `${n.vec('yhat', t)} = ${SYMBOLS.softmax}\\left(${colVec(tr.o, r * K, K)}\\right) = ${colVec(tr.yhat, r * K, K)}`,
        }
      : {
          id: 'yhat',
          title: `Prediction at t = ${t}`,
          general: `${n.vec('yhat', 't')} = ${n.vec('o', 't')} \\quad ${text('(squared error: no squashing)')}`,
          substituted: `${n.vec('yhat', t)} = ${colVec(tr.yhat, r * K, K)}`,
        },
    lossBlock(c, t),
    runningLossBlock(c, t),
  ];
  return blocks;
}

/** Column `col` of a row-major R x C matrix as a column vector (a strided view, no arithmetic). */
function colVecStrided(d: Float64Array, col: number, C: number, R: number): string {
  const v = new Float64Array(R);
  for (let i = 0; i < R; i++) v[i] = d[i * C + col];
  return colVec(v, 0, R);
}

function lossBlock(c: Ctx, t: number): EquationBlock {
  const { tr, y, n, opts, ce } = c;
  const { K } = tr;
  const r = t - 1;
  const Lt = texNum(tr.losses[r]);
  const title = `Loss at t = ${t}`;
  if (!ce) {
    return {
      id: 'Lt',
      title,
      general: `L_t = \\textstyle\\sum_k (o_{t,k} - y_{t,k})^2`,
      substituted: `L_{${t}} = \\left\\| ${colVec(tr.o, r * K, K)} - ${colVec(y, r * K, K)} \\right\\|^2 = ${Lt}`,
    };
  }
  const hot = oneHotIndex(y, r * K, K);
  if (hot >= 0) {
    const name = entryName(opts.labels, hot);
    return {
      id: 'Lt',
      title,
      general: aligned([
        `L_t &= -\\textstyle\\sum_k y_{t,k} \\log \\hat{y}_{t,k}`,
        `&= -\\log \\hat{y}_{t,\\,k^*} \\quad ${text('(')}k^*${text(': the target of the one-hot ')}${n.vec('y', 't')}${text(')')}`,
      ]),
      substituted: `L_{${t}} = -\\log \\hat{y}_{${t},\\,${name}} = -\\log ${texNum(tr.yhat[r * K + hot])} = ${Lt}`,
    };
  }
  // A soft target: every class with y > 0 contributes.
  const terms: string[] = [];
  for (let k = 0; k < K; k++) {
    const yk = y[r * K + k];
    if (yk > 0) terms.push(`${texNum(yk)} \\log ${texNum(tr.yhat[r * K + k])}`);
  }
  const shown =
    terms.length > 4 ? [...terms.slice(0, 2), '\\dots', terms[terms.length - 1]] : terms;
  return {
    id: 'Lt',
    title,
    general: `L_t = -\\textstyle\\sum_k y_{t,k} \\log \\hat{y}_{t,k}`,
    substituted: `L_{${t}} = -\\left(${shown.join(' + ')}\\right) = ${Lt}`,
  };
}

function runningLossBlock(c: Ctx, t: number): EquationBlock {
  const { tr } = c;
  const { T } = tr;
  let sum = 0;
  for (let i = 0; i < t; i++) sum += tr.losses[i];
  const total = t === T ? tr.loss : sum;
  const idx = shownIndices(t);
  const names = idx.map((i) => (i === null ? '\\dots' : `L_{${i + 1}}`)).join(' + ');
  const vals = idx.map((i) => (i === null ? '\\dots' : texNum(tr.losses[i]))).join(' + ');
  const rest = t < T ? ` \\quad ${text(`(${t + 1} … ${T} to come)`)}` : '';
  return {
    id: 'L',
    title: t === T ? 'Total loss' : `Loss so far (t ≤ ${t})`,
    general: `L = \\textstyle\\sum_{t=1}^{T} L_t`,
    substituted: aligned([
      `${t === T ? 'L' : `{\\textstyle\\sum_{t=1}^{${t}}} L_t`} &= ${names}`,
      `&= ${vals} = ${texNum(total)}${rest}`,
    ]),
  };
}

// ---------- b_t: the backward pass at step t ----------

function backwardBlocks(c: Ctx, t: number): EquationBlock[] {
  const { tr, n, y, x, opts, ce } = c;
  const { H, D, K, T } = tr;
  const r = t - 1;
  const actDecl = ACTIVATIONS[tr.activation];
  const dfAt = (tt: string | number) =>
    actDecl.dfTex(
      (i) => n.scalar('a', i),
      (i) => n.scalar('s', i),
      String(tt),
    );

  const dLdo: EquationBlock = ce
    ? {
        id: 'dL_do',
        title: `Gradient at the output, t = ${t}`,
        general: `${n.gradVec('o', 't')} = ${n.vec('yhat', 't')} - ${n.vec('y', 't')}`,
        substituted: `${n.gradVec('o', t)} = ${colVec(tr.yhat, r * K, K)} - ${colVec(y, r * K, K)} = ${colVec(tr.dL_do, r * K, K)}`,
      }
    : {
        id: 'dL_do',
        title: `Gradient at the output, t = ${t}`,
        general: `${n.gradVec('o', 't')} = 2\\,(${n.vec('o', 't')} - ${n.vec('y', 't')})`,
        substituted: `${n.gradVec('o', t)} = 2\\left(${colVec(tr.o, r * K, K)} - ${colVec(y, r * K, K)}\\right) = ${colVec(tr.dL_do, r * K, K)}`,
      };

  const out = colVec(tr.dL_ds_out, r * H, H);
  const last = t === T;
  const dLds: EquationBlock = {
    id: 'dL_ds',
    title: `Gradient at the hidden state, t = ${t}`,
    general: `${n.gradVec('s', 't')} = \\underbrace{${n.wT('V')} ${n.gradVec('o', 't')}}_{${text('from the output now')}} + \\underbrace{${n.wT('W')} ${n.gradVec('a', 't+1')}}_{${text('from the future')}}`,
    substituted: last
      ? aligned([
          `${n.gradVec('s', t)} &= ${n.wT('V')} ${colVec(tr.dL_do, r * K, K)} + \\underbrace{0}_{${text(`no future at t = T = ${T}`)}}`,
          `&= \\underbrace{${out}}_{${text('from ')}${n.vec('o', t)}} + 0 = ${colVec(tr.dL_ds, r * H, H)}`,
        ])
      : aligned([
          `${n.gradVec('s', t)} &= ${n.wT('V')} ${colVec(tr.dL_do, r * K, K)} + ${n.wT('W')} ${colVec(tr.dL_da, t * H, H)}`,
          `&= \\underbrace{${out}}_{${text('from ')}${n.vec('o', t)}} + \\underbrace{${colVec(tr.dL_ds_next, r * H, H)}}_{${text('from ')}${n.vec('s', t + 1)}} = ${colVec(tr.dL_ds, r * H, H)}`,
        ]),
  };

  // f'(a_t), from the same activation table the core used for dL/da_t.
  const df = new Float64Array(H);
  for (let i = 0; i < H; i++) df[i] = actDecl.df(tr.a[r * H + i], tr.s[r * H + i]);
  const dLda: EquationBlock = {
    id: 'dL_da',
    title: `Gradient at the pre-activation, t = ${t}`,
    general: `${n.gradVec('a', 't')} = f'(${n.vec('a', 't')}) ${SYMBOLS.hadamard} ${n.gradVec('s', 't')}, \\quad f'(${n.scalar('a', 't')}) = ${dfAt('t')}`,
    substituted: `${n.gradVec('a', t)} = \\underbrace{${colVec(df, 0, H, texNumApartFromOne)}}_{${dfAt(t)}} ${SYMBOLS.hadamard} ${colVec(tr.dL_ds, r * H, H)} = ${colVec(tr.dL_da, r * H, H)}`,
  };

  const D_ = (name: ParamName, tt: string | number) =>
    `${SYMBOLS.delta.replace('#', String(tt))} ${n.gradW(name)}`;
  const sT = rowVec(tr.s, r * H, H);
  const contribOut: EquationBlock = {
    id: 'contrib-out',
    title: `This step's share of the gradients of V and c, t = ${t}`,
    general: aligned([
      `${D_('V', 't')} &= ${n.gradVec('o', 't')} ${n.vec('s', 't')}^{\\top}`,
      `${D_('c', 't')} &= ${n.gradVec('o', 't')}`,
    ]),
    substituted: aligned([
      `${D_('V', t)} &= ${colVec(tr.dL_do, r * K, K)} ${sT}`,
      `&= ${matrix(tr.contrib.V, r * K * H, K, H)}`,
      `${D_('c', t)} &= ${colVec(tr.contrib.c, r * K, K)}`,
    ]),
  };

  const sPrevT = t === 1 ? rowVec(tr.s0, 0, H) : rowVec(tr.s, (r - 1) * H, H);
  const da = colVec(tr.dL_da, r * H, H);
  const hot = oneHotIndex(x, r * D, D);
  // A one-hot x_t touches one column of U only; when U is too wide to show whole, say which.
  const uLines =
    hot >= 0 && D > ELIDE_ABOVE
      ? [
          `${D_('U', t)} &= ${n.gradVec('a', t)} ${n.vec('x', t)}^{\\top}:`,
          `&\\quad ${text('column ')}${entryName(opts.labels, hot)} = ${da}, \\quad ${text(`the other ${D - 1} columns`)} = 0`,
        ]
      : [
          `${D_('U', t)} &= ${da} ${rowVec(x, r * D, D)}`,
          `&= ${matrix(tr.contrib.U, r * H * D, H, D)}`,
        ];
  const contribHidden: EquationBlock = {
    id: 'contrib-hidden',
    title: `This step's share of the gradients of W, U and b, t = ${t}`,
    general: aligned([
      `${D_('W', 't')} &= ${n.gradVec('a', 't')} ${n.vec('s', 't-1')}^{\\top}`,
      `${D_('U', 't')} &= ${n.gradVec('a', 't')} ${n.vec('x', 't')}^{\\top}`,
      `${D_('b', 't')} &= ${n.gradVec('a', 't')}`,
    ]),
    substituted: aligned([
      `${D_('W', t)} &= ${da} ${sPrevT}`,
      `&= ${matrix(tr.contrib.W, r * H * H, H, H)}`,
      ...uLines,
      `${D_('b', t)} &= ${colVec(tr.contrib.b, r * H, H)}`,
    ]),
  };

  // The accumulated sums over t' >= t; at t = 1 they are the full gradients of the trace.
  const full = t === 1;
  const acc = (name: ParamName, size: number) =>
    full ? tr.grads[name] : sumContrib(tr.contrib[name], size, t, T);
  const sumSym = full
    ? ''
    : `{\\textstyle\\sum_{t'=${t}}^{${T}}} ${SYMBOLS.delta.replace('#', "t'")} `;
  const accLine = (name: ParamName, value: string) =>
    full ? `${n.gradW(name)} &= ${value}` : `${sumSym}${n.gradW(name)} &= ${value}`;
  const accum: EquationBlock = {
    id: 'accum',
    title: full
      ? 'The full gradients (the sum over every step)'
      : `Gradients so far (the sum over t = ${t} … ${T})`,
    general: `${n.gradW('U')} = {\\textstyle\\sum_{t=1}^{T}} ${SYMBOLS.delta.replace('#', 't')} ${n.gradW('U')}, \\quad ${text('and so for ')} ${n.w('W')}, ${n.w('V')}, ${n.w('b')}, ${n.w('c')}`,
    substituted: aligned([
      accLine('V', matrix(acc('V', K * H), 0, K, H)),
      accLine('c', colVec(acc('c', K), 0, K)),
      accLine('W', matrix(acc('W', H * H), 0, H, H)),
      accLine('U', matrix(acc('U', H * D), 0, H, D)),
      accLine('b', colVec(acc('b', H), 0, H)),
    ]),
  };

  const blocks = [dLdo, dLds, dLda, contribOut, contribHidden, accum];
  if (t === 1) {
    blocks.push({
      id: 'dL_ds0',
      title: `Gradient reaching the initial state ${NOTATIONS[n.name].state}₀`,
      general: `${n.gradVec('s', 0)} = ${n.wT('W')} ${n.gradVec('a', 1)}`,
      substituted: `${n.gradVec('s', 0)} = ${n.wT('W')} ${colVec(tr.dL_da, 0, H)} = ${colVec(tr.grads.s0, 0, H)}`,
    });
  }
  return blocks;
}

// ---------- update: one step of gradient descent ----------

function updateBlocks(c: Ctx): EquationBlock[] {
  const { tr, n, p, opts } = c;
  const lr = texNum(opts.lr);
  // One matrix per row, aligned on "=": the old value, its gradient, then the new value, so
  // that the line is as wide as one matrix, not three side by side.
  const blocks: EquationBlock[] = PARAM_NAMES.map((name) => {
    const sh = paramShape(name, tr);
    const lines = [
      `${n.w(name)} &= ${valueTex(p[name], sh)}`,
      `${n.gradW(name)} &= ${valueTex(tr.grads[name], sh)}`,
    ];
    lines.push(`{${n.w(name)}}_{${text('new')}} &= ${n.w(name)} - ${lr}\\, ${n.gradW(name)}`);
    if (opts.updated) lines.push(`&= ${valueTex(opts.updated.params[name], sh)}`);
    return {
      id: `update-${name}`,
      title: `Update the ${PARAMS[name].words} ${paramText(name, n.name)}`,
      general: `${n.w(name)} ${SYMBOLS.update} ${n.w(name)} - ${SYMBOLS.lr}\\, ${n.gradW(name)} \\quad (${SYMBOLS.lr} = ${lr})`,
      substituted: aligned(lines),
    };
  });
  if (opts.updated) {
    const delta = opts.updated.loss - tr.loss;
    blocks.push({
      id: 'update-loss',
      title: 'The loss after the step, on the same sequence',
      general: `L(\\theta - ${SYMBOLS.lr} \\nabla_{\\theta} L) \\ ${text('vs')}\\ L(\\theta)`,
      substituted: aligned([
        `L_{${text('new')}} &= ${texNum(opts.updated.loss)}`,
        `L_{${text('old')}} &= ${texNum(tr.loss)} \\quad (${text('change ')} ${texNum(delta)})`,
      ]),
    });
  }
  return blocks;
}

let gatedModule: typeof GatedEquations | null = null;

/**
 * The gated cells' derivation loads on demand, with the first gated trace: the first picture
 * (a vanilla cell) does not need it. buildEquations returns no blocks for a gated trace until
 * this has resolved.
 */
export async function loadGatedEquations(): Promise<void> {
  gatedModule ??= await import('./gatedEquations');
}
export const gatedEquationsLoaded = () => gatedModule !== null;

/** The blocks of the derivation panel at one cursor position (see core/cursor.ts). */
export function buildEquations(
  trace: Trace,
  cursorIndex: number,
  opts: EquationOptions,
): EquationBlock[] {
  const c: Ctx = {
    tr: trace,
    n: notation(opts.notation, opts.colors),
    opts,
    x: opts.scenario.seq.inputs,
    y: opts.scenario.seq.targets,
    p: opts.scenario.params,
    act: ACTIVATIONS[trace.activation].tex,
    ce: LOSSES[trace.lossName].probabilistic,
  };
  const { phase, t } = cursorInfo(cursorIndex, trace.T);
  if (trace.gated) {
    // Not loaded yet (loadGatedEquations): nothing to show for a moment.
    if (!gatedModule) return [];
    const { gatedBackwardBlocks, gatedForwardBlocks, gatedModelBlock } = gatedModule;
    // A gated cell: its own model, gates and backward blocks; output, loss and update as here.
    const g = { tr: trace, n: c.n, x: c.x };
    switch (phase) {
      case 'init':
        return [gatedModelBlock(g), ...modelBlocks(c).slice(1)];
      case 'forward':
        return [...gatedForwardBlocks(g, t), ...forwardBlocks(c, t).slice(2)];
      case 'backward': {
        const [dLdo, , , contribOut] = backwardBlocks(c, t);
        return gatedBackwardBlocks(g, t, { dLdo, contribOut });
      }
      case 'update':
        return updateBlocks(c);
    }
  }
  const vanilla = vanillaBlocks(c, phase, t);
  // Leaky units rewrite the blocks where their state update changes the equation.
  return trace.leaky ? leakyBlocks(c, phase, t, vanilla) : vanilla;
}

function vanillaBlocks(c: Ctx, phase: ReturnType<typeof cursorInfo>['phase'], t: number) {
  switch (phase) {
    case 'init':
      return modelBlocks(c);
    case 'forward':
      return forwardBlocks(c, t);
    case 'backward':
      return backwardBlocks(c, t);
    case 'update':
      return updateBlocks(c);
  }
}
