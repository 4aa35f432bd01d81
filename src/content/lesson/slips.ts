import { ACTIVATIONS } from '../../core/activations';
import type { Params, Trace } from '../../core/types';
import { colVec, matrix, oneHotIndex, texNum, texNumApartFromOne } from '../equationsFormat';
import type { Notation } from '../notation';

// “Spot the slip”: the slips that published derivations of BPTT make, each shown as written,
// with choices for what is wrong, then the fix with the numbers of the trace on screen. The
// written slips are wrong on purpose; the fixes use the trace's own numbers (and, to show what
// a slip would give, the few products the slip itself writes down).

export interface SlipData {
  trace: Trace;
  params: Params;
  targets: Float64Array;
  lr: number;
  updated: { params: Params; loss: number };
}

export interface Slip {
  id: string;
  /** What the line is meant to say. */
  claim: string;
  /** The line as published, with its slip (TeX, in the notation). */
  written: (n: Notation) => string;
  choices: readonly { id: string; label: string }[];
  correct: string;
  /** Why, in one line (narration format). */
  why: string;
  /** The corrected line with this trace's numbers (TeX). */
  fix: (n: Notation, d: SlipData) => string;
}

const aligned = (lines: string[]) => `\\begin{aligned} ${lines.join(' \\\\ ')} \\end{aligned}`;
const text = (s: string) => `\\text{${s}}`;

/** W·v for a row-major H×H matrix (what the slip writes), and Wᵀ·v (what it should). */
function matVec(M: Float64Array, v: Float64Array, H: number, transpose: boolean): Float64Array {
  const out = new Float64Array(H);
  for (let i = 0; i < H; i++)
    for (let j = 0; j < H; j++) out[i] += (transpose ? M[j * H + i] : M[i * H + j]) * v[j];
  return out;
}

/** The time step a slip's numbers are shown at: the one before last, where the future counts. */
const tPrev = (tr: Trace) => Math.max(1, tr.T - 1);

export const SLIPS: readonly Slip[] = [
  {
    id: 'softmax-exp',
    claim: 'The softmax of the logits',
    // As published: the exponential on top, none in the sum below.
    written: () => `\\hat{y}_{t,k} = \\frac{e^{o_{t,k}}}{\\sum_j o_{t,j}}`,
    choices: [
      { id: 'exp', label: 'The denominator needs the exponentials too' },
      { id: 'sum', label: 'The sum should run over t, not j' },
      { id: 'index', label: 'The numerator should be summed too' },
    ],
    correct: 'exp',
    why: 'The denominator must add up the same $e^{o}$ as the numerator: only then do the shares sum to 1. A sum of raw logits can be anything, even negative or 0.',
    fix: (n, { trace }) => {
      const { K } = trace;
      const o = trace.o.subarray(0, K);
      const sum = o.reduce((a, b) => a + b, 0);
      return aligned([
        `\\hat{y}_{t,k} &= \\frac{e^{o_{t,k}}}{\\sum_j e^{o_{t,j}}}`,
        `${n.vec('yhat', 1)} &= ${n.color(n.colors?.grad ?? '', '\\operatorname{softmax}')}\\left(${colVec(o, 0, K)}\\right) = ${colVec(trace.yhat, 0, K)}`,
        `${text('the slip gives')}\\ \\frac{e^{${n.vec('o', 1)}}}{\\sum_j o_{1,j}} &= ${colVec(
          o.map((v) => Math.exp(v) / sum),
          0,
          K,
        )}`,
      ]);
    },
  },
  {
    id: 'dyhat-sign',
    claim: 'The gradient of the cross-entropy at the prediction',
    written: () =>
      `\\frac{\\partial L_t}{\\partial \\hat{y}_{t,k}} = \\frac{y_{t,k}}{\\hat{y}_{t,k}}`,
    choices: [
      { id: 'sign', label: 'It has lost its minus sign' },
      { id: 'log', label: 'It should be a logarithm' },
      { id: 'square', label: 'ŷ should be squared' },
    ],
    correct: 'sign',
    why: '$L_t = -\\sum_k y_{t,k} \\log \\hat{y}_{t,k}$, and the minus comes along: a larger probability for the target must lower the loss.',
    fix: (n, { trace, targets }) => {
      const { K } = trace;
      const k = Math.max(0, oneHotIndex(targets, 0, K));
      const p = trace.yhat[k];
      return aligned([
        `\\frac{\\partial L_t}{\\partial \\hat{y}_{t,k}} &= -\\frac{y_{t,k}}{\\hat{y}_{t,k}}`,
        `${text('at the target of t = 1:')}\\quad -\\frac{1}{${texNum(p)}} &= ${texNum(-1 / p)}`,
        `${text('after softmax:')}\\quad ${n.gradVec('o', 1)} &= ${n.vec('yhat', 1)} - ${n.vec('y', 1)} = ${colVec(trace.dL_do, 0, K)}`,
      ]);
    },
  },
  {
    id: 'update-plus',
    claim: 'One step of gradient descent',
    written: (n) => `${n.w('W')} \\leftarrow ${n.w('W')} + \\alpha\\, ${n.gradW('W')}`,
    choices: [
      { id: 'sign', label: 'Descent goes against the gradient: −, not +' },
      { id: 'alpha', label: 'α should divide the gradient' },
      { id: 'transpose', label: 'The gradient needs transposing' },
    ],
    correct: 'sign',
    why: 'The gradient points uphill, where the loss grows; a step of $+\\alpha \\nabla$ climbs.',
    fix: (n, { trace, params, lr, updated }) => {
      const { H } = trace;
      return aligned([
        `${n.w('W')} &\\leftarrow ${n.w('W')} - ${texNum(lr)}\\, ${n.gradW('W')}`,
        `&= ${matrix(params.W, 0, H, H)} - ${texNum(lr)}\\, ${matrix(trace.grads.W, 0, H, H)} = ${matrix(updated.params.W, 0, H, H)}`,
        `L &: ${texNum(trace.loss)} \\to ${texNum(updated.loss)}`,
      ]);
    },
  },
  {
    id: 'future-transpose',
    claim: 'The gradient at the hidden state, from the output now and from the future',
    written: (n) =>
      `${n.gradVec('s', 't')} = ${n.wT('V')} ${n.gradVec('o', 't')} + ${n.w('W')}\\, ${n.gradVec('a', 't+1')}`,
    choices: [
      { id: 'transpose', label: 'The future term needs the transpose of the recurrent weights' },
      { id: 'V', label: 'The output term should use V, not its transpose' },
      { id: 'sign', label: 'The two terms should be subtracted' },
    ],
    correct: 'transpose',
    why: 'A gradient goes back through a matrix by its transpose: $\\mathbf{a}_{t+1} = @W @s_t + \\dots$ gives $@W^\\top$. It matters whenever $@W$ is not symmetric.',
    fix: (n, { trace, params }) => {
      const { H } = trace;
      const t = tPrev(trace);
      const next = trace.dL_da.subarray(t * H, (t + 1) * H);
      return aligned([
        `${n.wT('W')} ${n.gradVec('a', t + 1)} &= ${colVec(trace.dL_ds_next, (t - 1) * H, H)}`,
        `${text('the slip gives')}\\ ${n.w('W')}\\, ${n.gradVec('a', t + 1)} &= ${colVec(matVec(params.W, next, H, false), 0, H)}`,
      ]);
    },
  },
  {
    id: 'future-derivative',
    claim: 'The future term, through the activation of the next step',
    written: (n) =>
      `${n.gradVec('s', 't')} = ${n.wT('V')} ${n.gradVec('o', 't')} + ${n.wT('W')} \\left(f'(${n.vec('s', 't')}) \\odot ${n.gradVec('s', 't+1')}\\right)`,
    choices: [
      { id: 'deriv', label: 'The derivative belongs at the next step’s pre-activation' },
      { id: 'transpose', label: 'The recurrent weights should not be transposed' },
      { id: 'product', label: '⊙ should be a matrix product' },
    ],
    correct: 'deriv',
    why: "The gradient comes back from step t + 1 through $@s_{t+1} = f(\\mathbf{a}_{t+1})$, so the derivative is $f'(\\mathbf{a}_{t+1})$, not f′ of this step’s state.",
    fix: (n, { trace }) => {
      const { H } = trace;
      const t = tPrev(trace);
      const act = ACTIVATIONS[trace.activation];
      const right = new Float64Array(H);
      const slip = new Float64Array(H);
      for (let i = 0; i < H; i++) {
        right[i] = act.df(trace.a[t * H + i], trace.s[t * H + i]);
        const st = trace.s[(t - 1) * H + i];
        slip[i] = act.df(st, act.f(st));
      }
      return aligned([
        `${n.gradVec('s', 't')} &= ${n.wT('V')} ${n.gradVec('o', 't')} + ${n.wT('W')} \\left(f'(${n.vec('a', 't+1')}) \\odot ${n.gradVec('s', 't+1')}\\right)`,
        `f'(${n.vec('a', t + 1)}) &= ${colVec(right, 0, H, texNumApartFromOne)}, \\quad ${text('the slip’s')}\\ f'(${n.vec('s', t)}) = ${colVec(slip, 0, H, texNumApartFromOne)}`,
      ]);
    },
  },
  {
    id: 'sum-over-t',
    claim: 'The gradient of the recurrent weights',
    written: (n) => `${n.gradW('W')} = ${n.gradVec('a', 't')}\\, ${n.vec('s', 't-1')}^{\\top}`,
    choices: [
      { id: 'sum', label: 'It is missing the sum over t' },
      { id: 'index', label: 'It should use this step’s state, not the one before' },
      { id: 'transpose', label: 'The state should not be transposed' },
    ],
    correct: 'sum',
    why: 'The same $@W$ is used at every step, so every step adds its share; one term is only one step’s part.',
    fix: (n, { trace }) => {
      const { H, T } = trace;
      const shares = Array.from({ length: T }, (_, i) => matrix(trace.contrib.W, i * H * H, H, H));
      return aligned([
        `${n.gradW('W')} &= \\textstyle\\sum_{t=1}^{${T}} ${n.gradVec('a', 't')}\\, ${n.vec('s', 't-1')}^{\\top}`,
        `&= ${shares.slice(0, 4).join(' + ')}${T > 4 ? ' + \\dots' : ''}`,
        `&= ${matrix(trace.grads.W, 0, H, H)}`,
      ]);
    },
  },
  {
    id: 'dV-loss',
    claim: 'One step’s share of the gradient of the output weights',
    written: (n) =>
      `\\frac{\\partial L_t}{\\partial ${n.w('V')}} = -\\textstyle\\sum_k y_{t,k} \\log \\hat{y}_{t,k}`,
    choices: [
      { id: 'loss', label: 'That is the loss itself, not its derivative' },
      { id: 'sign', label: 'The minus sign is wrong' },
      { id: 'sum', label: 'The sum should run over t' },
    ],
    correct: 'loss',
    why: 'The right side is $L_t$, a number; the gradient of $@V$ is a matrix the shape of $@V$: $(\\hat{\\mathbf{y}}_t - \\mathbf{y}_t)\\, @s_t^\\top$.',
    fix: (n, { trace }) => {
      const { H, K, T } = trace;
      const r = T - 1;
      return aligned([
        `\\frac{\\partial L_{${T}}}{\\partial ${n.w('V')}} &= (${n.vec('yhat', T)} - ${n.vec('y', T)})\\, ${n.vec('s', T)}^{\\top} = ${matrix(trace.contrib.V, r * K * H, K, H)}`,
        `${text('while')}\\ L_{${T}} &= ${texNum(trace.losses[r])}`,
      ]);
    },
  },
];
