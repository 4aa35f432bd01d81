import { LONG_DELAY_SETUP, type LabChoiceName } from '../../core/lab/choices';
import type { PresetId } from '../../core/presets';
import type { Params, Trace } from '../../core/types';
import { PREDICTIONS, type Prediction } from './predictions';

// The guided lesson as data: the classic RNN tutorial, step by step, finished correctly (the
// descent's minus sign, Wᵀ and f'(a_{t+1}) in the future term, the sums over t). Each step sets
// a scenario, a view and a cursor through the store's one goTo action, may walk the cursor on
// (the clicker keys walk it before going on to the next step), may light up a shared weight,
// and shows the general form of some blocks of the derivation panel (content/equations.ts),
// by id: the maths is written once, there. Text follows the notation (narrate.ts: @W, @s, $…$).

/** A link to the training lab with these of its choices (its URL keys, core/lab/choices.ts). */
const labHref = (choices: Partial<Record<LabChoiceName | 'compare', string | number>>) =>
  `?${new URLSearchParams({ page: 'lab', ...Object.fromEntries(Object.entries(choices).map(([k, v]) => [k, String(v)])) })}`;

/** Where a step puts the app. `T` in a cursor label stands for the sequence's length. */
export interface LessonScenario {
  /** A built-in scenario with exact weights… */
  preset?: PresetId;
  /** …or a typed sequence with seeded weights (tanh, cross-entropy). */
  text?: string;
  hidden?: number;
  /** A gated cell for the typed sequence (default the vanilla RNN). */
  cell?: 'lstm';
}

export interface LessonStep {
  id: string;
  title: string;
  /** A few sentences; `$…$` is inline maths, `@W` a symbol of the notation. */
  narration: string;
  scenario: LessonScenario;
  view: 'folded' | 'unrolled';
  /** The cursor the step sets: 0, f1, fT, bT, bT-1, b2, update. */
  cursor: string;
  /** The last position the clicker walks the cursor to before the next step. */
  walkTo?: string;
  /** A shared weight lit up in the graph, as hovering it does. */
  highlight?: 'U' | 'W' | 'V';
  /** Ids of derivation blocks (content/equations.ts) whose general form the step shows. */
  equations?: readonly string[];
  /** A few lines of code beside the cell (step 2's for-loop), in the notation. */
  code?: string;
  /** For the presenter only (speaker notes window). */
  notes?: string;
  prediction?: Prediction;
  /** ‖∂L_T/∂s_t‖ against t, drawn from the trace; or, for an LSTM, ‖∂L_T/∂m_t‖ and
   * ‖∂L_T/∂s_t‖ beside the vanilla RNN's ‖∂L_T/∂s_t‖ on the same text. */
  chart?: 'last-loss-grad' | 'cell-state-grad';
  link?: { href: string; text: string };
}

export type { Prediction };
export interface LessonData {
  trace: Trace;
  params: Params;
  /** The loss of the same sequence after the update. */
  updatedLoss: number;
}

const EXAMPLE: LessonScenario = { preset: 'worked-example' };
const HELLO: LessonScenario = { text: 'hello', hidden: 3 };
const LONG: LessonScenario = { text: 'the cat sat on the mat', hidden: 3 };
const LONG_LSTM: LessonScenario = { ...LONG, cell: 'lstm' };

export const LESSON: readonly LessonStep[] = [
  {
    id: 'memory',
    title: 'Why sequences need memory',
    narration:
      'Read “hello” one letter at a time and guess the next one. After the first l comes l; after the second l comes o. The letter in front of you is the same both times: only what came before tells the two apart. A network that reads one symbol at a time needs a memory of what it has read, a hidden state $@s_t$.',
    scenario: HELLO,
    view: 'folded',
    cursor: '0',
    notes:
      'Ask the room to predict the letter after “l”. Both answers are right, depending on the past. That is the whole case for recurrence.',
  },
  {
    id: 'loop',
    title: 'An RNN is a loop',
    narration:
      'The same few operations run at every step, carrying the state from one step to the next. Step through the loop: each press is one turn, and the cell shows the step it is at.',
    scenario: HELLO,
    view: 'folded',
    cursor: '0',
    walkTo: 'fT',
    code: '@s = @s0\nfor t in 1 … T:\n    a = @b + @W @s + @U x[t]\n    @s = f(a)\n    o = @c + @V @s\n    ŷ[t] = softmax(o)',
    notes:
      'The loop body never changes with t. The only thing that flows from one turn to the next is the state.',
  },
  {
    id: 'cell',
    title: 'The folded cell and its weights',
    narration:
      '$@U$ brings the input in, $@W$ carries the state from one step to the next, $@V$ reads the output out; $@b$ and $@c$ are their biases. There is one of each for the whole sequence, not one per step. From here on the lesson leaves “hello” for a worked example small enough to check by hand, with exact weights: H = 2 hidden units, 3 symbols and T = 3 steps, so every number in the derivation fits on screen.',
    scenario: EXAMPLE,
    view: 'folded',
    cursor: '0',
    equations: ['model'],
    notes: 'Point at the three arrows of the cell and name each weight by its colour.',
  },
  {
    id: 'unroll',
    title: 'Unrolling: the same weights at every step',
    narration:
      'Unrolled, the loop becomes a chain with one column per time step. Every recurrent arrow is the same matrix $@W$ (lit up): the chain has T copies of the arrow but one set of weights. Hover or focus any weight to light up all the edges that share it.',
    scenario: EXAMPLE,
    view: 'unrolled',
    cursor: '0',
    highlight: 'W',
    notes:
      'Sharing is why the gradient of W will be a sum over time: every copy of the arrow contributes.',
  },
  {
    id: 'forward',
    title: 'The forward equations, stepped',
    narration:
      'Each step computes $\\mathbf{a}_t$ from the previous state and the input, squashes it into $@s_t$, reads out the logits $\\mathbf{o}_t$ and turns them into probabilities $\\hat{\\mathbf{y}}_t$. Step forward to run the chain.',
    scenario: EXAMPLE,
    view: 'unrolled',
    cursor: 'f1',
    walkTo: 'fT',
    equations: ['a', 's', 'o', 'yhat'],
    prediction: PREDICTIONS.dependsOnPast,
    notes: 'Wait for the room to commit to an answer before revealing.',
  },
  {
    id: 'loss',
    title: 'The loss is a sum over time',
    narration:
      'Each step has its own loss $L_t$, the cross-entropy of its prediction against the next symbol: $L_t = -\\log \\hat{y}_{t,\\text{target}}$, which depends only on the probability given to the right target. A confident prediction of the wrong symbol has a high loss. The loss of the sequence is their sum $L = \\sum_t L_t$, so every step’s prediction counts, and every step will send a gradient back.',
    scenario: EXAMPLE,
    view: 'unrolled',
    cursor: 'fT',
    equations: ['Lt', 'L'],
  },
  {
    id: 'output-grad',
    title: 'The gradient at the output, and of @V',
    narration:
      'Backpropagation starts at the last step. With softmax and cross-entropy, the gradient at the logits is simply $\\hat{\\mathbf{y}}_t - \\mathbf{y}_t$: the prediction minus the target. Each step adds its own outer product to $\\partial L/\\partial @V$.',
    scenario: EXAMPLE,
    view: 'unrolled',
    cursor: 'bT',
    equations: ['dL_do', 'contrib-out'],
    notes: 'The minus sign is in the loss, −log ŷ; it disappears into ŷ − y after softmax.',
  },
  {
    id: 'two-terms',
    title: '$\\partial L/\\partial @s_t$ has two terms',
    narration:
      'A hidden state feeds two things: the output now, and the next state. So its gradient is a sum of two terms: $@V^\\top \\partial L/\\partial \\mathbf{o}_t$ from the output now, and $@W^\\top \\partial L/\\partial \\mathbf{a}_{t+1}$ from the future. At t = T there is no future yet.',
    scenario: EXAMPLE,
    view: 'unrolled',
    cursor: 'bT',
    walkTo: 'bT-1',
    equations: ['dL_ds'],
    prediction: PREDICTIONS.stateGrad,
  },
  {
    id: 'recursion',
    title: 'The backward recursion, from T to 1',
    narration:
      "Walk the backward pass with the step button in this panel (the transport's Step forward ▶ and the → key do the same): each press moves the cursor on and the gradient one step back in time, from t = T to 1. At each step the gradient passes through the activation, $\\partial L/\\partial \\mathbf{a}_t = f'(\\mathbf{a}_t) \\odot \\partial L/\\partial @s_t$, and then through $@W^\\top$ into the step before. The future term of $@s_t$ carries $f'(\\mathbf{a}_{t+1})$, the derivative at the step it comes back from.",
    scenario: EXAMPLE,
    view: 'unrolled',
    cursor: 'bT',
    walkTo: 'b1',
    equations: ['dL_ds', 'dL_da'],
    notes:
      'Watch the two parts of each hidden state’s gradient arrive: one from above, one from the right.',
  },
  {
    id: 'sums',
    title: '$\\partial L/\\partial @W$ and $\\partial L/\\partial @U$ are sums over time',
    narration:
      'Every copy of a shared weight gets its own share: step t adds $\\partial L/\\partial \\mathbf{a}_t\\, @s_{t-1}^\\top$ to $\\partial L/\\partial @W$ and $\\partial L/\\partial \\mathbf{a}_t\\, \\mathbf{x}_t^\\top$ to $\\partial L/\\partial @U$. The gradients are the sums of these shares over t = 1 … T.',
    scenario: EXAMPLE,
    view: 'unrolled',
    cursor: 'b2',
    walkTo: 'b1',
    equations: ['contrib-hidden', 'accum'],
    prediction: PREDICTIONS.firstShare,
  },
  {
    id: 'update',
    title: 'The update: θ ← θ − α ∇θ L',
    narration:
      'With the full gradients, every weight takes one step against its gradient: $\\theta \\leftarrow \\theta - \\alpha \\nabla_\\theta L$. The minus sign makes it descent: the gradient points uphill. Then the same sequence is run again with the new weights.',
    scenario: EXAMPLE,
    view: 'unrolled',
    cursor: 'b1',
    walkTo: 'update',
    equations: ['update-W', 'update-loss'],
    prediction: PREDICTIONS.lossAfter,
  },
  {
    id: 'vanishing',
    title: 'Vanishing and exploding gradients',
    narration:
      "Going back one step multiplies the gradient by $@W^\\top \\operatorname{diag}(f'(\\mathbf{a}_{t}))$. Over many steps these factors multiply: when they shrink vectors, what a distant loss sends back fades towards zero (vanishing); when they stretch them, it can grow until training breaks (exploding). What vanishes is the signal from far-away losses: an early input still learns from the losses near it, but not from one many steps later, so a dependency that long gets no signal. That is why the bars follow the last loss alone, $\\lVert \\partial L_T/\\partial @s_t \\rVert$, as the cursor walks back: the sum over all losses would hide the fading under the nearby ones.",
    scenario: LONG,
    view: 'unrolled',
    cursor: 'bT',
    walkTo: 'b1',
    chart: 'last-loss-grad',
    prediction: PREDICTIONS.vanishing,
    link: { href: labHref({ task: 'copy' }), text: 'Try it in the training lab (copy task)' },
    notes:
      'One step back stretches the gradient by at most ‖W‖₂ · max f′ (max tanh′ = 1, max σ′ = 1/4): below 1, every step back shrinks it. Above 1 nothing is promised either way. ρ(W) < 1 alone is not enough.',
  },
  {
    id: 'next',
    title: 'What comes next: gated cells',
    narration:
      "The simplest such path needs no gate: leaky units keep a fixed share $\\boldsymbol{\\kappa}$ of their old state, $@s_t = \\boldsymbol{\\kappa} \\odot @s_{t-1} + (1 - \\boldsymbol{\\kappa}) \\odot f(\\mathbf{a}_t)$, so along the kept share going back one step multiplies the gradient by $\\boldsymbol{\\kappa}$ alone, with no $@W$; a unit with $\\kappa$ near 1 carries it far, but $\\kappa$ is fixed, not learned, and such a unit is slow to take in anything new. Gated cells add a path on which going back a step multiplies the gradient by a gate, entry by entry, instead of by $@W^\\top \\operatorname{diag}(f'(\\mathbf{a}_t))$, and the gate is computed from the input and the state, so the network learns when to keep and when to forget. An LSTM keeps a second state, the cell state: the forget gate scales what it keeps, the input gate what is written to it, and the output gate reads it out into $@s_t$ (it does not write it). A GRU keeps no second state: its update gate mixes the old state with a new candidate. On these paths the gradient is still multiplied at every step, by the gate, so it crosses many steps only where the gate stays near 1; the network can learn to hold a gate there, which it cannot do with $@W$ and the slope of tanh. Both are trained with exactly the backpropagation through time you have just stepped.",
    // An LSTM cell on the screen the title names (the next step unrolls the same one).
    scenario: LONG_LSTM,
    view: 'folded',
    cursor: '0',
    link: {
      href: labHref({ ...LONG_DELAY_SETUP, compare: 'leaky' }),
      text: `Train a vanilla RNN and leaky units side by side in the lab (delayed copy, k = ${LONG_DELAY_SETUP.delay})`,
    },
    notes:
      'Point students to the training lab to compare plain, leaky and gated cells on long sequences. Leaky units (κ fixed) are the bridge: a path with no W on it, but one the network cannot open or close.',
  },
  {
    id: 'cell-state',
    title: 'Why the cell state keeps the gradient alive',
    narration:
      "An LSTM carries a second state from step to step, the cell state $@m_t = \\mathbf{f}_t \\odot @m_{t-1} + \\mathbf{i}_t \\odot \\mathbf{g}_t$. Along that edge alone, going back one step multiplies the gradient by the forget gate only: $\\partial @m_t/\\partial @m_{t-1} = \\operatorname{diag}(\\mathbf{f}_t)$ on the cell-state edge, with no $@W^\\top$ and no $f'$ in between. When $\\mathbf{f}_t \\approx 1$ that is nearly the identity. It is not the whole derivative: $@m_{t-1}$ also reaches $@m_t$ through $@s_{t-1}$ and the gates, which all read $@s_{t-1}$, and the bars follow every path. The forget bias starts at 1, so the forget gates start near σ(1): along the cell state the gradient still shrinks at every step, by a steady factor the network can learn to raise. Walk the backward pass with the step button in this panel (or Step forward ▶, →), back in time from t = T, and watch $\\partial L/\\partial @m_t$ arrive along the cell-state line; the bars (log scale) show what reaches $@m_t$ and $@s_t$ next to a vanilla RNN's $@s_t$ on the same text.",
    scenario: LONG_LSTM,
    view: 'unrolled',
    cursor: 'bT',
    walkTo: 'b1',
    equations: ['dL_dm'],
    chart: 'cell-state-grad',
    prediction: PREDICTIONS.cellState,
    link: {
      href: labHref({ ...LONG_DELAY_SETUP, compare: 'lstm' }),
      text: `Train a vanilla RNN and an LSTM side by side in the lab (delayed copy, k = ${LONG_DELAY_SETUP.delay})`,
    },
    notes:
      'On the cell-state edge the forget gate is the only factor; the full ∂m_t/∂m_{t−1} adds the paths through s_{t−1} and the gates. A vanilla RNN has no such edge: every step back goes through Wᵀ and tanh′.',
  },
  {
    id: 'truncation',
    title: 'Truncated backpropagation through time',
    narration:
      'On a long text, backpropagation through all of it is too costly, so training cuts the sequence into chunks and runs BPTT within each: the state is carried forward from one chunk to the next, the gradient is not carried back. Predict what that does to the last loss’s gradient, then step back and compare with the bars, which show full BPTT.',
    scenario: LONG,
    view: 'unrolled',
    cursor: 'bT',
    walkTo: 'b1',
    chart: 'last-loss-grad',
    prediction: PREDICTIONS.truncation,
    link: {
      href: labHref({ ...LONG_DELAY_SETUP, cell: 'lstm', tbptt: 10 }),
      text: `In the lab: an LSTM on delayed copy (k = ${LONG_DELAY_SETUP.delay}) with truncation 10; train it, then set truncation to ${LONG_DELAY_SETUP.tbptt} and compare the accuracy with chance`,
    },
    notes:
      'Truncation keeps the forward state but drops gradients older than the chunk: dependencies longer than the truncation get no signal. The reason to truncate is memory: BPTT stores O(T·H) activations.',
  },
  {
    id: 'clipping',
    title: 'Clipping the gradient',
    narration:
      'When gradients explode, training clips them before the update: by value, capping every entry at ±c, or by norm, scaling the whole gradient down when it is longer than c. Predict which of the two keeps the direction the gradient points in.',
    scenario: LONG,
    view: 'unrolled',
    cursor: 'bT',
    walkTo: 'b1',
    equations: ['accum'],
    prediction: PREDICTIONS.clipping,
    notes:
      'Clipping treats exploding gradients only; it never makes a gradient longer, so it cannot help a vanishing one. By value it turns the gradient; by norm it keeps its direction.',
  },
  {
    id: 'teacher-forcing',
    title: 'Teacher forcing, and generating on its own',
    narration:
      'Every loss in this lesson was computed while the network read the real text. When it writes text of its own there is no real text to read, so something else has to go in at each step. First predict what training feeds it at step t + 1, then step forward and look at the inputs.',
    scenario: LONG,
    view: 'unrolled',
    cursor: 'f1',
    walkTo: 'fT',
    prediction: PREDICTIONS.teacherForcing,
    link: {
      href: labHref({ task: 'text' }),
      text: 'In the lab, compare the training loss with the samples the network writes',
    },
    notes:
      'Teacher forcing: training feeds the true previous character. Free-running generation feeds back the model’s own samples. The gap between the two (exposure bias) is why a low training loss can go with looping samples.',
  },
];

/** A cursor label of a step, for a sequence of length T (`fT` → `f3`, `bT-1` → `b2`). */
export function resolveLabel(label: string, T: number): string {
  return label.replace(/T-1$/, String(Math.max(1, T - 1))).replace(/T$/, String(T));
}
