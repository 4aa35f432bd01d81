import { lastLossGradNorms } from '../../core/lastLossGrad';
import { lastLossGradLstm, rowNorms } from '../../core/lastLossGradLstm';
import type { Params, Trace } from '../../core/types';
import { texNum } from '../equationsFormat';

// “Ask before showing”: a lesson step asks the student to predict, and the answer is given by
// stepping the cursor to `revealAt`. Every answer is computed from the trace on screen, never
// written down, so it holds for any scenario and both notations.

export interface PredictionData {
  trace: Trace;
  params: Pick<Params, 'W' | 'V'>;
  /** The loss of the same sequence after the update. */
  updatedLoss: number;
  /** A vanilla RNN on the same text, for a gated step's comparison (vanillaTwin.ts). */
  vanilla?: { trace: Trace; params: Pick<Params, 'W' | 'V'> } | null;
}

export interface PredictionAnswer {
  /** The id of the right choice. */
  correct: string;
  /** One line on why, with the numbers of this trace (narration format: $…$, @W). */
  why: string;
}

export interface Prediction {
  /** Narration format; depends on T (and on the trace for the wording of s_0). */
  question: (d: PredictionData) => string;
  choices: readonly { id: string; label: string }[];
  /** The cursor label that shows the answer (`T` stands for the length). */
  revealAt: string;
  answer: (d: PredictionData) => PredictionAnswer;
}

const norm = (d: Float64Array, off: number, n: number) => Math.hypot(...d.subarray(off, off + n));
const num = (v: number) => texNum(v);
const LARGER_SMALLER = [
  { id: 'larger', label: 'Larger' },
  { id: 'smaller', label: 'Smaller' },
] as const;

const lossNext: Prediction = {
  question: () => 'The first loss is known. Will $L_2$ be larger or smaller than $L_1$?',
  choices: LARGER_SMALLER,
  revealAt: 'f2',
  answer: ({ trace }) => {
    const [l1, l2] = trace.losses;
    return {
      correct: l2 > l1 ? 'larger' : 'smaller',
      why: `$L_2 = ${num(l2)}$ against $L_1 = ${num(l1)}$: each loss is −log of the probability given to the right target, so it depends on how sure this step’s prediction is, not on the step’s place.`,
    };
  },
};

const stateGrad: Prediction = {
  question: ({ trace }) =>
    `Will $\\lVert \\partial L/\\partial @s_{${trace.T - 1}} \\rVert$ be larger or smaller than $\\lVert \\partial L/\\partial @s_{${trace.T}} \\rVert$?`,
  choices: LARGER_SMALLER,
  revealAt: 'bT-1',
  answer: ({ trace }) => {
    const { T, H } = trace;
    const last = norm(trace.dL_ds, (T - 1) * H, H);
    const prev = norm(trace.dL_ds, (T - 2) * H, H);
    const future = norm(trace.dL_ds_next, (T - 2) * H, H);
    return {
      correct: prev > last ? 'larger' : 'smaller',
      why: `$${num(prev)}$ against $${num(last)}$: $@s_{${T - 1}}$ gets a term from its own output and one from the future (of norm $${num(future)}$), and the two can add up or partly cancel.`,
    };
  },
};

const firstShare: Prediction = {
  question: ({ trace }) => {
    const zero = trace.s0.every((v) => v === 0);
    return `Which entries of $\\partial L/\\partial @W$ does t = 1 add to${zero ? ', when $@s_0 = 0$' : ', with this $@s_0$'}?`;
  },
  choices: [
    { id: 'none', label: 'None of them' },
    { id: 'some', label: 'Some of them' },
    { id: 'all', label: 'All of them' },
  ],
  revealAt: 'b1',
  answer: ({ trace }) => {
    const { H } = trace;
    const share = trace.contrib.W.subarray(0, H * H);
    const nonzero = share.filter((v) => v !== 0).length;
    const correct = nonzero === 0 ? 'none' : nonzero === H * H ? 'all' : 'some';
    return {
      correct,
      why: `Its share is $\\partial L/\\partial \\mathbf{a}_1\\, @s_0^\\top$, with ${nonzero} of ${H * H} entries not zero: ${nonzero === 0 ? 'a zero initial state gives the first step nothing to say about @W' : 'each entry is a product of an entry of ∂L/∂a_1 and one of @s_0'}.`,
    };
  },
};

const lossAfter: Prediction = {
  question: () =>
    'After one step of gradient descent, will the loss of the same sequence be lower or higher?',
  choices: [
    { id: 'lower', label: 'Lower' },
    { id: 'higher', label: 'Higher' },
  ],
  revealAt: 'update',
  answer: ({ trace, updatedLoss }) => ({
    correct: updatedLoss < trace.loss ? 'lower' : 'higher',
    why: `$L$ goes from $${num(trace.loss)}$ to $${num(updatedLoss)}$: ${updatedLoss < trace.loss ? 'a small enough step against the gradient goes downhill' : 'this step was too long for the curvature here; a smaller α would go downhill'}.`,
  }),
};

const vanishing: Prediction = {
  question: ({ trace }) =>
    `Will $\\lVert \\partial L_{${trace.T}}/\\partial @s_1 \\rVert$ be larger or smaller than $\\lVert \\partial L_{${trace.T}}/\\partial @s_{${trace.T}} \\rVert$?`,
  choices: LARGER_SMALLER,
  revealAt: 'b1',
  answer: ({ trace, params }) => {
    const n = lastLossGradNorms(trace, params);
    const first = n[0];
    const last = n[trace.T - 1];
    return {
      correct: first > last ? 'larger' : 'smaller',
      why: `$${num(first)}$ against $${num(last)}$: ${trace.T - 1} multiplications by $@W^\\top \\operatorname{diag}(f'(\\mathbf{a}_t))$ ${first < last ? 'shrank it: the gradient vanishes' : 'grew it: the gradient explodes'}.`,
    };
  },
};

/** ‖x_1‖ / ‖x_T‖ of a list of norms. */
const keptShare = (n: Float64Array) => n[0] / n[n.length - 1];

const cellState: Prediction = {
  question: ({ trace }) =>
    `Back at t = 1, which keeps the larger share of the last loss’s gradient: the LSTM’s cell state, $\\lVert \\partial L_{${trace.T}}/\\partial @m_1 \\rVert \\,/\\, \\lVert \\partial L_{${trace.T}}/\\partial @m_{${trace.T}} \\rVert$, or a vanilla RNN’s state on the same text, $\\lVert \\partial L_{${trace.T}}/\\partial @s_1 \\rVert \\,/\\, \\lVert \\partial L_{${trace.T}}/\\partial @s_{${trace.T}} \\rVert$?`,
  choices: [
    { id: 'lstm', label: 'The LSTM’s cell state' },
    { id: 'rnn', label: 'The vanilla RNN’s state' },
  ],
  revealAt: 'b1',
  answer: ({ trace, params, vanilla }) => {
    if (!trace.gated || trace.gated.cell !== 'lstm' || !vanilla)
      throw new Error('cellState: needs an LSTM trace and its vanilla twin');
    const { T, H } = trace;
    const lstm = keptShare(rowNorms(lastLossGradLstm(trace, params).dm, T, H));
    const rnn = keptShare(lastLossGradNorms(vanilla.trace, vanilla.params));
    const f = trace.gated.gates.f.subarray(H);
    return {
      correct: lstm > rnn ? 'lstm' : 'rnn',
      why: `$${num(lstm)}$ against $${num(rnn)}$: along the cell state each step back multiplies by $\\mathbf{f}_t$ (here between $${num(Math.min(...f))}$ and $${num(Math.max(...f))}$), where the vanilla RNN multiplies by $@W^\\top \\operatorname{diag}(f'(\\mathbf{a}_t))$${lstm > rnn ? '' : ', which on this text shrinks it less'}.`,
    };
  },
};

export const PREDICTIONS = {
  lossNext,
  stateGrad,
  firstShare,
  lossAfter,
  vanishing,
  cellState,
} as const;
