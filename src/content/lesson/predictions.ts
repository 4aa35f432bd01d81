import { clipByGlobalNorm, clipElementwise, globalNorm } from '../../core/clip';
import { ACTIVATIONS } from '../../core/activations';
import { lastLossGradNorms } from '../../core/lastLossGrad';
import { PARAM_NAMES } from '../../core/model';
import { argmax } from '../../core/symbols';
import { lastLossGradLstm, rowNorms } from '../../core/lastLossGradLstm';
import type { Params, Sequence, Trace } from '../../core/types';
import { texNum } from '../equationsFormat';

// “Ask before showing”: a lesson step asks the student to predict, and the answer is given by
// stepping the cursor to `revealAt`. Every answer is computed from the trace on screen, never
// written down, so it holds for any scenario and both notations.

export interface PredictionData {
  trace: Trace;
  params: Pick<Params, 'W' | 'V' | 'U'>;
  /** The loss of the same sequence after the update. */
  updatedLoss: number;
  /** The inputs and targets the trace was computed on. */
  seq?: Sequence;
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

/** ‖∂s_2/∂x_1‖_F = ‖diag(f′(a_2)) W diag(f′(a_1)) U‖_F: how much s_2 moves with x_1. */
function secondStateOnFirstInput(trace: Trace, params: Pick<Params, 'W' | 'U'>): number {
  const { H, D } = trace;
  const df = ACTIVATIONS[trace.activation].df;
  const d1 = Array.from({ length: H }, (_, i) => df(trace.a[i], trace.s[i]));
  const d2 = Array.from({ length: H }, (_, i) => df(trace.a[H + i], trace.s[H + i]));
  let sum = 0;
  for (let i = 0; i < H; i++)
    for (let d = 0; d < D; d++) {
      let v = 0;
      for (let j = 0; j < H; j++) v += params.W[i * H + j] * d1[j] * params.U[j * D + d];
      sum += (d2[i] * v) ** 2;
    }
  return Math.sqrt(sum);
}

const dependsOnPast: Prediction = {
  question: () =>
    'Step 1 reads $\\mathbf{x}_1$ and step 2 reads $\\mathbf{x}_2$. Will $@s_2$ depend on $\\mathbf{x}_1$ too?',
  choices: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No, only on x₂' },
  ],
  revealAt: 'f2',
  answer: ({ trace, params }) => {
    const n = secondStateOnFirstInput(trace, params);
    return {
      correct: n > 0 ? 'yes' : 'no',
      why: `$\\mathbf{a}_2 = @b + @W @s_1 + @U \\mathbf{x}_2$ and $@s_1$ was made from $\\mathbf{x}_1$, so $\\mathbf{x}_1$ reaches $@s_2$ through $@W$: here $\\lVert \\partial @s_2/\\partial \\mathbf{x}_1 \\rVert = ${num(n)}$. That carried state is the network’s memory.`,
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
      why: `$${num(first)}$ against $${num(last)}$: ${trace.T - 1} multiplications by $@W^\\top \\operatorname{diag}(f'(\\mathbf{a}_t))$ ${first < last ? `shrank it ${num(last / first)} times: the signal from $L_{${trace.T}}$ fades on its way back` : `grew it ${num(first / last)} times; one ratio above 1 is growth, not yet an explosion, which is growth compounding over many steps until training breaks`}.`,
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
    // Along the cell-state edge alone, unit i keeps the product of its forget gates f_2 … f_T.
    let edge = 0;
    for (let i = 0; i < H; i++) {
      let p = 1;
      for (let t = 1; t < T; t++) p *= trace.gated.gates.f[t * H + i];
      edge = Math.max(edge, p);
    }
    return {
      correct: lstm > rnn ? 'lstm' : 'rnn',
      why: `$${num(lstm)}$ against $${num(rnn)}$: along the cell state each step back multiplies by $\\mathbf{f}_t$ (here between $${num(Math.min(...f))}$ and $${num(Math.max(...f))}$), where the vanilla RNN multiplies by $@W^\\top \\operatorname{diag}(f'(\\mathbf{a}_t))$${lstm > rnn ? '' : ', which on this text shrinks it less'}. The product of the forget gates alone, the cell-state edge’s $\\operatorname{diag}(\\mathbf{f}_t)$ over ${T - 1} steps, keeps at most $${num(edge)}$ of any unit; the share shown is ${lstm > edge ? 'larger' : 'not larger'} because the full $\\partial @m_t/\\partial @m_{t-1}$ also runs through $@s_{t-1}$ and the gates.`,
    };
  },
};

/** The chunk length of the truncation step's question: a third of the sequence, at least 2. */
export const truncationChunk = (T: number) => Math.max(2, Math.ceil(T / 3));

const truncation: Prediction = {
  question: ({ trace }) =>
    `Cut the backward pass into chunks of ${truncationChunk(trace.T)} steps from step 1, as truncated BPTT does: the state still flows forward across each cut, the gradient stops there. How much of $L_{${trace.T}}$’s gradient reaches $@s_1$?`,
  choices: [
    { id: 'same', label: 'As much as without the cut' },
    { id: 'less', label: 'Less, but some' },
    { id: 'none', label: 'None at all' },
  ],
  revealAt: 'b1',
  answer: ({ trace, params }) => {
    const { T, H } = trace;
    const k = truncationChunk(T);
    const full = lastLossGradNorms(trace, params);
    // Chunks run from step 1, as the lab cuts them: the last holds steps edge+1 … T, and the
    // gradient of L_T reaches the state it starts from, s_edge, and stops; earlier states get 0.
    const edge = Math.floor((T - 1) / k) * k;
    const truncated = (t: number) => (t >= edge ? full[t - 1] : 0);
    const atFirst = edge <= 1 ? full[0] : truncated(1);
    return {
      correct: atFirst === 0 ? 'none' : atFirst < full[0] ? 'less' : 'same',
      why: `Without the cut, $\\lVert \\partial L_{${T}}/\\partial @s_1 \\rVert = ${num(full[0])}$; ${edge < 1 ? `one chunk of ${k} holds the whole sequence, so nothing is cut.` : `with chunks of ${k} the gradient of $L_{${T}}$ stops at $@s_{${edge}}$ (${num(full[edge - 1])})${edge > 1 ? ' and every earlier state gets exactly 0' : ''}.`} So a dependency longer than the chunk gets no signal, although the carried state still shaped $L_{${T}}$. One truncates anyway because BPTT keeps every $\\mathbf{a}_t$ and $@s_t$ until the backward pass: ${T} × ${H} numbers of each here, ${k} × ${H} per chunk, O(T·H) memory that grows with the sequence.`,
    };
  },
};

/** The trace's gradient as one list of tensors (U, W, V, b, c). */
const gradTensors = (trace: Trace) => PARAM_NAMES.map((p) => trace.grads[p].slice());
const dot = (a: Float64Array[], b: Float64Array[]) =>
  a.reduce((s, x, p) => s + x.reduce((t, v, i) => t + v * b[p][i], 0), 0);
const angleDeg = (a: Float64Array[], b: Float64Array[]) =>
  (Math.acos(Math.min(1, dot(a, b) / (globalNorm(a) * globalNorm(b)))) * 180) / Math.PI;

/** Clipping this trace's gradient both ways at half its size: the cap, the norm, the turns. */
export function clippingDemo(trace: Trace) {
  const g = gradTensors(trace);
  const norm = globalNorm(g);
  const cap = Math.max(...g.map((x) => Math.max(...x.map(Math.abs)))) / 2;
  const byValue = gradTensors(trace);
  const capped = clipElementwise(byValue, cap);
  const byNorm = gradTensors(trace);
  clipByGlobalNorm(byNorm, norm / 2);
  const entries = g.reduce((n, x) => n + x.length, 0);
  return {
    cap,
    norm,
    capped,
    entries,
    valueTurn: angleDeg(g, byValue),
    normTurn: angleDeg(g, byNorm),
  };
}

const clipping: Prediction = {
  question: ({ trace }) => {
    const c = clippingDemo(trace);
    return `This sequence’s gradient has length ${num(c.norm)}. Clipping by value caps each of its ${c.entries} entries at ±${num(c.cap)}; clipping by norm scales the whole gradient down to length ${num(c.norm / 2)}. Which of the two keeps the gradient’s direction?`;
  },
  choices: [
    { id: 'value', label: 'By value' },
    { id: 'norm', label: 'By norm' },
    { id: 'both', label: 'Both' },
  ],
  revealAt: 'b1',
  answer: ({ trace }) => {
    const c = clippingDemo(trace);
    // acos of a rounded cosine: a direction kept to the last bit reads as about 1e-6°.
    const keeps = (deg: number) => deg < 1e-3;
    const turn = (deg: number) => (keeps(deg) ? 'less than 0.001°' : `${num(deg)}°`);
    return {
      correct:
        keeps(c.valueTurn) && keeps(c.normTurn) ? 'both' : keeps(c.normTurn) ? 'norm' : 'value',
      why: `By value, ${c.capped} of the ${c.entries} entries were capped and the gradient turned by ${turn(c.valueTurn)}; by norm every entry is scaled by the same factor and it turned by ${turn(c.normTurn)}. Either way clipping only shortens a gradient: it treats exploding gradients, and can do nothing for one that vanished.`,
    };
  },
};

const teacherForcing: Prediction = {
  question: () =>
    'During training, what does the network read at step t + 1: its own most likely guess from step t, or the true next character?',
  choices: [
    { id: 'own', label: 'Its own guess' },
    { id: 'true', label: 'The true character' },
  ],
  revealAt: 'fT',
  answer: ({ trace, seq }) => {
    if (!seq) throw new Error('teacherForcing: needs the sequence');
    const { T, K, D } = trace;
    let fed = 0;
    let wrong = 0;
    for (let t = 0; t + 1 < T; t++) {
      const target = argmax(seq.targets, t * K, K);
      if (argmax(seq.inputs, (t + 1) * D, D) === target) fed++;
      if (argmax(trace.yhat, t * K, K) !== target) wrong++;
    }
    return {
      correct: fed === T - 1 ? 'true' : 'own',
      why: `At ${fed} of the ${T - 1} steps, $\\mathbf{x}_{t+1}$ is the true character, step t’s target, ${wrong === 0 ? '(here each of its own guesses was right anyway)' : wrong === T - 1 ? `even though $\\hat{\\mathbf{y}}_t$’s most likely character was wrong at every one of them` : `even at the ${wrong} steps where $\\hat{\\mathbf{y}}_t$’s most likely character was wrong`}. That is teacher forcing, and the loss is measured on it. The lab’s sampler feeds back its own draws instead, so after one slip it reads inputs it never trained on: a low training loss can go with samples that loop or drift.`,
    };
  },
};

export const PREDICTIONS = {
  dependsOnPast,
  truncation,
  clipping,
  teacherForcing,
  stateGrad,
  firstShare,
  lossAfter,
  vanishing,
  cellState,
} as const;
