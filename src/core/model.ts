import { ACTIVATION_NAMES, ACTIVATIONS, type ActivationName } from './activations';
import { LOSS_NAMES, LOSSES, type LossName } from './losses';

// The model, declared once (DESIGN.md, "Declare the model once"): its parameters with their
// roles, shapes and words, its activations and losses (activations.ts, losses.ts), its two
// notations, and every choice a user makes with its bounds and default. The scenario schema,
// the URL table, the settings panel, the equations, the notation table, the graph and the
// heatmaps derive from here; nothing else writes a parameter name, a shape or a bound.

export { ACTIVATIONS, ACTIVATION_NAMES, LOSSES, LOSS_NAMES };
export type { ActivationName, LossName };

/** H hidden units, D input features, K outputs. */
export type DimName = 'H' | 'D' | 'K';

// ---------- cells ----------

/** One gate (or candidate) of a gated cell: a block of H rows of U, W and b. */
export interface GateDecl {
  /** Its letter in the equations and the trace (`gates.i`). */
  name: string;
  /** The nonlinearity that makes it from its pre-activation. */
  fn: 'sigmoid' | 'tanh';
  words: string;
}

export interface CellDecl {
  label: string;
  /** The cell in a sentence, with its article: "an LSTM", "a GRU". */
  phrase: string;
  /**
   * The blocks of H rows that U, W and b stack, in PyTorch's order (spec/trace-format.md,
   * "Gated cells"); empty for the vanilla cell, whose U, W, b are one block.
   */
  gates: readonly GateDecl[];
  /** A gated cell has fixed nonlinearities: no activation to choose. */
  hasActivation: boolean;
  /** The LSTM's cell state m_t, carried beside s_t; null for the others. */
  cellState: { letter: string; words: string } | null;
  /**
   * Where its gradient through time comes from, for the lab's words and tools: `W` when
   * ∂s_t/∂s_{t-1} = diag(f′(a_t)) W (so ρ(W) and ‖W‖₂ speak of it), `gates` when gates scale it.
   */
  recurrence: 'W' | 'gates';
  /** One gate's bias block starts at a value other than 0 (an LSTM's forget gate, at 1). */
  initBias?: { gate: string; value: number };
  /**
   * Leaky units (Goodfellow et al., 10.9.2): each unit keeps a fixed, untrained share of its old
   * state, s_t = keep ⊙ s_{t-1} + (1 − keep) ⊙ f(a_t), chosen as CHOICES.keep.
   */
  keep: boolean;
}

export const CELLS = {
  rnn: {
    label: 'Vanilla RNN',
    phrase: 'a vanilla RNN',
    gates: [],
    hasActivation: true,
    cellState: null,
    recurrence: 'W',
    keep: false,
  },
  leaky: {
    label: 'Leaky units',
    phrase: 'an RNN of leaky units',
    gates: [],
    hasActivation: true,
    cellState: null,
    recurrence: 'W',
    keep: true,
  },
  lstm: {
    label: 'LSTM',
    phrase: 'an LSTM',
    gates: [
      { name: 'i', fn: 'sigmoid', words: 'input gate' },
      { name: 'f', fn: 'sigmoid', words: 'forget gate' },
      { name: 'g', fn: 'tanh', words: 'candidate' },
      { name: 'q', fn: 'sigmoid', words: 'output gate' },
    ],
    hasActivation: false,
    cellState: { letter: 'm', words: 'cell state' },
    recurrence: 'gates',
    // Gers et al. 2000; Jozefowicz et al. 2015: f_t ≈ σ(1) ≈ 0.73 keeps the cell state, and its
    // gradient, alive from the first step.
    initBias: { gate: 'f', value: 1 },
    keep: false,
  },
  gru: {
    label: 'GRU',
    phrase: 'a GRU',
    gates: [
      { name: 'r', fn: 'sigmoid', words: 'reset gate' },
      { name: 'z', fn: 'sigmoid', words: 'update gate' },
      { name: 'n', fn: 'tanh', words: 'candidate' },
    ],
    hasActivation: false,
    cellState: null,
    recurrence: 'gates',
    keep: false,
  },
} as const satisfies Record<string, CellDecl>;

export type CellName = keyof typeof CELLS;
export const CELL_NAMES = Object.keys(CELLS) as CellName[];
export const isCellName = (v: unknown): v is CellName =>
  typeof v === 'string' && (CELL_NAMES as string[]).includes(v);

/** The cell a model has when none is named: the one place the default is written. */
export const DEFAULT_CELL = 'rnn' satisfies CellName;

/** The cell of a set of dimensions (absent: the default cell). */
export const cellOf = (dims: { cell?: CellName }): CellName => dims.cell ?? DEFAULT_CELL;

/** The cell field of a set of dimensions: absent for the default cell, so old files match. */
export const cellField = (cell: CellName | undefined): { cell?: CellName } =>
  cell && cell !== DEFAULT_CELL ? { cell } : {};

/** "an LSTM", "a GRU": a cell's label in a sentence. */
export const cellWithArticle = (cell: CellName): string => CELLS[cell].phrase;

/** How many blocks of H rows the per-gate parameters (U, W, b) stack: 1, 4 (LSTM) or 3 (GRU). */
export const gateMultiplier = (cell: CellName = DEFAULT_CELL): number =>
  Math.max(1, CELLS[cell].gates.length);

/** Entries of the state a cell carries from step to step: s, and a cell state beside it. */
export const stateSize = (cell: CellName, H: number): number => (CELLS[cell].cellState ? 2 * H : H);

export interface ParamDecl {
  /** What it does in the cell. */
  role: 'input' | 'recurrent' | 'output' | 'hidden-bias' | 'output-bias';
  /** Rows and columns from the dimensions; a vector has one column. */
  shape: readonly [DimName, DimName | 1];
  /** Plain words for titles and labels. */
  words: string;
  /** What it connects, in the graph's legend. */
  flow: string;
  /** Drawn as edges in the graph (the shared weight matrices U, W, V); biases are not. */
  edge: boolean;
  /** The dimension that feeds it, for N(0, 1/fan-in) initialisation; biases start at 0. */
  fanIn: DimName | null;
  /** One block of rows per gate in a gated cell (U, W, b): its rows are H times the gates. */
  perGate: boolean;
}

export const PARAMS = {
  U: {
    role: 'input',
    shape: ['H', 'D'],
    words: 'input-to-hidden weights',
    flow: 'input → state',
    edge: true,
    fanIn: 'D',
    perGate: true,
  },
  W: {
    role: 'recurrent',
    shape: ['H', 'H'],
    words: 'hidden-to-hidden (recurrent) weights',
    flow: 'state → next state',
    edge: true,
    fanIn: 'H',
    perGate: true,
  },
  V: {
    role: 'output',
    shape: ['K', 'H'],
    words: 'hidden-to-output weights',
    flow: 'state → output',
    edge: true,
    fanIn: 'H',
    perGate: false,
  },
  b: {
    role: 'hidden-bias',
    shape: ['H', 1],
    words: 'hidden bias',
    flow: 'added to the pre-activation',
    edge: false,
    fanIn: null,
    perGate: true,
  },
  c: {
    role: 'output-bias',
    shape: ['K', 1],
    words: 'output bias',
    flow: 'added to the output',
    edge: false,
    fanIn: null,
    perGate: false,
  },
} as const satisfies Record<string, ParamDecl>;

export type ParamName = keyof typeof PARAMS;
/** The names of the parameter tensors, in the order optimizers and panels walk them. */
export const PARAM_NAMES = Object.keys(PARAMS) as ParamName[];

/** The parameters drawn as graph edges: U, W and V. */
export type EdgeWeight = {
  [P in ParamName]: (typeof PARAMS)[P]['edge'] extends true ? P : never;
}[ParamName];
export const EDGE_WEIGHTS = PARAM_NAMES.filter((p) => PARAMS[p].edge) as EdgeWeight[];
export const isEdgeWeight = (v: unknown): v is EdgeWeight =>
  typeof v === 'string' && (EDGE_WEIGHTS as string[]).includes(v);

export interface Dims {
  H: number;
  D: number;
  K: number;
  /** The cell these parameters belong to; absent means the vanilla cell. */
  cell?: CellName;
}

/** Shape [rows, cols] of a parameter for these dimensions (vectors are one column). */
export function paramShape(name: ParamName, dims: Dims): [number, number] {
  const [r, c] = PARAMS[name].shape;
  const rows = dims[r] * (PARAMS[name].perGate ? gateMultiplier(dims.cell) : 1);
  return [rows, c === 1 ? 1 : dims[c]];
}

/** A parameter's shape in symbols: "H × D", "4H × D" for an LSTM, or "H" for a vector. */
export function paramShapeSymbols(name: ParamName, cell: CellName = DEFAULT_CELL): string {
  const [r, c] = PARAMS[name].shape;
  const g = PARAMS[name].perGate ? gateMultiplier(cell) : 1;
  const rows = g === 1 ? r : `${g}${r}`;
  return c === 1 ? rows : `${rows} × ${c}`;
}

// ---------- notations ----------

export interface NotationDecl {
  label: string;
  /** The letter of the hidden state: s_t or h_t. */
  state: string;
  /** The letter of an LSTM's cell state: m_t (c is the output bias here) or c_t. */
  cellState: string;
  /** Each parameter's symbol as TeX and as plain text (for accessible labels and titles). */
  params: Record<ParamName, { tex: string; text: string }>;
  /** Leaky units' keep rates (not α: that is the learning rate here). */
  keep: { tex: string; text: string };
}

export const NOTATIONS = {
  uvw: {
    label: 'U, W, V, b, c, sₜ',
    state: 's',
    cellState: 'm',
    params: {
      U: { tex: 'U', text: 'U' },
      W: { tex: 'W', text: 'W' },
      V: { tex: 'V', text: 'V' },
      b: { tex: '\\mathbf{b}', text: 'b' },
      c: { tex: '\\mathbf{c}', text: 'c' },
    },
    keep: { tex: '\\boldsymbol{\\kappa}', text: 'κ' },
  },
  wxh: {
    label: 'W_xh, W_hh, W_hy, b_h, b_y, hₜ',
    state: 'h',
    cellState: 'c',
    params: {
      U: { tex: 'W_{xh}', text: 'W_xh' },
      W: { tex: 'W_{hh}', text: 'W_hh' },
      V: { tex: 'W_{hy}', text: 'W_hy' },
      b: { tex: '\\mathbf{b}_{h}', text: 'b_h' },
      c: { tex: '\\mathbf{b}_{y}', text: 'b_y' },
    },
    keep: { tex: '\\boldsymbol{\\kappa}', text: 'κ' },
  },
} as const satisfies Record<string, NotationDecl>;

export type NotationName = keyof typeof NOTATIONS;
export const NOTATION_NAMES = Object.keys(NOTATIONS) as NotationName[];

// ---------- the user's choices, with bounds and defaults ----------

export interface IntChoice {
  kind: 'int';
  min: number;
  max: number;
  default: number;
  label: string;
}
export interface NumberChoice {
  kind: 'number';
  /** Exclusive lower bound. */
  above: number;
  max: number;
  default: number;
  label: string;
}
export interface EnumChoice<T extends string> {
  kind: 'enum';
  options: readonly T[];
  /** Each option's words for a menu. */
  labels: Record<T, string>;
  default: T;
  label: string;
}
/** One rate for every unit, or one per unit: each in [min, below). */
export interface RatesChoice {
  kind: 'rates';
  min: number;
  /** Exclusive upper bound. */
  below: number;
  default: readonly number[];
  label: string;
}
export interface TextChoice {
  kind: 'text';
  /** In characters (code points). */
  minLength: number;
  maxLength: number;
  default: string;
  label: string;
}

const labelsOf = <T extends string>(table: Record<T, { label: string }>) =>
  Object.fromEntries(
    Object.entries(table).map(([k, v]) => [k, (v as { label: string }).label]),
  ) as Record<T, string>;

/**
 * Every choice the model takes from a user. T = characters - 1 (each character predicts the
 * next), so text's bounds are T's bounds plus one.
 */
export const CHOICES = {
  text: {
    kind: 'text',
    minLength: 2,
    maxLength: 201,
    default: 'hello',
    label: 'Sequence',
  } satisfies TextChoice,
  hidden: { kind: 'int', min: 1, max: 16, default: 3, label: 'Hidden size' } satisfies IntChoice,
  act: {
    kind: 'enum',
    options: ACTIVATION_NAMES,
    labels: labelsOf(ACTIVATIONS),
    default: 'tanh',
    label: 'Activation',
  } satisfies EnumChoice<ActivationName>,
  loss: {
    kind: 'enum',
    options: LOSS_NAMES,
    labels: labelsOf(LOSSES),
    default: 'cross-entropy',
    label: 'Loss',
  } satisfies EnumChoice<LossName>,
  seed: { kind: 'int', min: 0, max: 2 ** 31 - 1, default: 1, label: 'Seed' } satisfies IntChoice,
  lr: {
    kind: 'number',
    above: 0,
    max: 10,
    default: 0.1,
    label: 'Learning rate α',
  } satisfies NumberChoice,
  notation: {
    kind: 'enum',
    options: NOTATION_NAMES,
    labels: labelsOf(NOTATIONS),
    default: 'uvw',
    label: 'Notation',
  } satisfies EnumChoice<NotationName>,
  cell: {
    kind: 'enum',
    options: CELL_NAMES,
    labels: labelsOf(CELLS),
    default: DEFAULT_CELL,
    label: 'Cell',
  } satisfies EnumChoice<CellName>,
  // A cell with `keep` (leaky units): the share of its old state each unit keeps per step.
  // Below 1: a unit that kept everything would never read its input.
  keep: {
    kind: 'rates',
    min: 0,
    below: 1,
    default: [0.5],
    label: 'Keep rate',
  } satisfies RatesChoice,
} as const;

export type ChoiceName = keyof typeof CHOICES;

/** The limits of a scenario the explorer can show, from a file as from typed text. */
export const LIMITS = {
  /** Time steps: as many as the longest text gives. */
  T: { min: 1, max: CHOICES.text.maxLength - 1 },
  H: { min: CHOICES.hidden.min, max: CHOICES.hidden.max },
  /** Inputs and outputs: a vocabulary of distinct characters, or real-valued features. */
  D: { min: 1, max: CHOICES.text.maxLength },
  K: { min: 1, max: CHOICES.text.maxLength },
} as const;

/** Does a rates choice accept these rates for H units (one for all, or one each)? */
export function ratesInBounds(c: RatesChoice, rates: readonly number[], H: number): boolean {
  return (
    (rates.length === 1 || rates.length === H) &&
    rates.every((r) => Number.isFinite(r) && r >= c.min && r < c.below)
  );
}

/** One rate per unit: a single rate given for all units is repeated H times. */
export const ratesPerUnit = (rates: readonly number[], H: number): Float64Array =>
  Float64Array.from({ length: H }, (_, i) => (rates.length === 1 ? rates[0] : rates[i]));

/** Does an integer-valued choice accept v? */
export function inBounds(c: IntChoice | NumberChoice, v: number): boolean {
  if (!Number.isFinite(v) || v > c.max) return false;
  return c.kind === 'int' ? Number.isInteger(v) && v >= c.min : v > c.above;
}
