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
      '$@U$ brings the input in, $@W$ carries the state from one step to the next, $@V$ reads the output out; $@b$ and $@c$ are their biases. There is one of each for the whole sequence, not one per step. This worked example has H = 2 hidden units, 3 symbols and T = 3 steps.',
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
    prediction: PREDICTIONS.lossNext,
    notes: 'Wait for the room to commit to an answer before revealing.',
  },
  {
    id: 'loss',
    title: 'The loss is a sum over time',
    narration:
      'Each step has its own loss $L_t$, the cross-entropy of its prediction against the next symbol. The loss of the sequence is their sum $L = \\sum_t L_t$, so every step’s prediction counts, and every step will send a gradient back.',
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
    title: '∂L/∂@s_t has two terms',
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
      "Step back through time. At each step the gradient passes through the activation, $\\partial L/\\partial \\mathbf{a}_t = f'(\\mathbf{a}_t) \\odot \\partial L/\\partial @s_t$, and then through $@W^\\top$ into the step before. The future term of $@s_t$ carries $f'(\\mathbf{a}_{t+1})$, the derivative at the step it comes back from.",
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
    title: '∂L/∂@W and ∂L/∂@U are sums over time',
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
      "Going back one step multiplies the gradient by $@W^\\top \\operatorname{diag}(f'(\\mathbf{a}_{t}))$. Over many steps these products shrink the gradient towards zero (vanishing) or blow it up (exploding), so early inputs barely teach the network, or training breaks. The bars show how much of the last loss reaches each state, $\\lVert \\partial L_T/\\partial @s_t \\rVert$, as the cursor walks back.",
    scenario: LONG,
    view: 'unrolled',
    cursor: 'bT',
    walkTo: 'b1',
    chart: 'last-loss-grad',
    prediction: PREDICTIONS.vanishing,
    link: { href: labHref({ task: 'copy' }), text: 'Try it in the training lab (copy task)' },
    notes:
      'tanh′ ≤ 1, so with small recurrent weights each step back shrinks the gradient; large weights can make it grow instead.',
  },
  {
    id: 'next',
    title: 'What comes next: gated cells',
    narration:
      'Gated cells keep a second, additive memory. An LSTM writes to a cell state through gates (forget, input, output) and a GRU mixes old and new state with an update gate; because the state is carried forward by addition with a gate near 1, the gradient can cross many steps without being multiplied down at every one. They are trained with exactly the backpropagation through time you have just stepped.',
    scenario: EXAMPLE,
    view: 'folded',
    cursor: 'update',
    notes: 'Point students to the training lab to compare plain and gated cells on long sequences.',
  },
  {
    id: 'cell-state',
    title: 'Why the cell state keeps the gradient alive',
    narration:
      "An LSTM carries a second state from step to step, the cell state $@m_t$, and it carries it by addition through the forget gate. Going back one step along it, the gradient is only multiplied by that gate: $\\partial @m_t/\\partial @m_{t-1} = \\operatorname{diag}(\\mathbf{f}_t)$, with no $@W^\\top$ and no $f'$ in between. When $\\mathbf{f}_t \\approx 1$ that is nearly the identity, and the gradient crosses the step almost unchanged. Here the forget bias starts at 1, so the forget gates sit around σ(1) ≈ 0.73: the cell state's gradient still shrinks, but by a steady factor the network can learn to raise. Step back through time and watch $\\partial L/\\partial @m_t$ arrive along the cell-state line; the bars (log scale) show what reaches $@m_t$ and $@s_t$ next to a vanilla RNN's $@s_t$ on the same text.",
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
      'The cell state is the additive path; the forget gate is the only thing multiplying along it. A vanilla RNN has no such path: every step back goes through Wᵀ and tanh′.',
  },
];

/** A cursor label of a step, for a sequence of length T (`fT` → `f3`, `bT-1` → `b2`). */
export function resolveLabel(label: string, T: number): string {
  return label.replace(/T-1$/, String(Math.max(1, T - 1))).replace(/T$/, String(T));
}
