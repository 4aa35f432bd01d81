import { NOTATIONS, PARAMS, isEdgeWeight, type NotationName, type ParamName } from '../core/model';
import { WEIGHT_CLASS_PREFIX } from './katexOptions';

// The notation as data: every symbol is a LaTeX template, `#` stands for the time index (a
// letter such as `t` in the general equations, a number such as `3` once substituted).
// Parameter symbols and the hidden state's letter come from the declaration of the model
// (core/model.ts: NOTATIONS), so `uvw` and `wxh` differ there and nowhere else.

/** Vectors indexed by time; `S` is the hidden state's letter of the notation. */
const VECTOR_TEMPLATES = {
  x: '\\mathbf{x}_{#}',
  y: '\\mathbf{y}_{#}',
  a: '\\mathbf{a}_{#}',
  s: '\\mathbf{S}_{#}',
  o: '\\mathbf{o}_{#}',
  yhat: '\\hat{\\mathbf{y}}_{#}',
} as const;
export type VectorSymbol = keyof typeof VECTOR_TEMPLATES;

/** One entry (or an elementwise scalar) of each vector: `s_{#}`, not bold. */
const SCALAR_TEMPLATES: Record<VectorSymbol, string> = {
  x: 'x_{#}',
  y: 'y_{#}',
  a: 'a_{#}',
  s: 'S_{#}',
  o: 'o_{#}',
  yhat: '\\hat{y}_{#}',
};

/** Other symbols of the derivation. */
export const SYMBOLS = {
  totalLoss: 'L',
  lr: '\\alpha',
  transpose: '^{\\top}',
  hadamard: '\\odot',
  update: '\\leftarrow',
  reals: '\\mathbb{R}',
  softmax: '\\operatorname{softmax}',
  /** Prefix for one step's share of a gradient. */
  delta: '\\Delta_{#}',
} as const;

/** Substitute the time index into a template. */
export function at(template: string, t: string | number): string {
  return template.replace(/#/g, String(t));
}

/** The colours of the equations (KaTeX \color cannot read CSS variables): one per parameter. */
export interface EquationColors {
  weights: Record<ParamName, string>;
  grad: string;
}

/** A symbol table bound to a notation and colours: weights in their colours, gradients in the accent. */
export interface Notation {
  name: NotationName;
  vec: (name: VectorSymbol, t: string | number) => string;
  /** The same symbol as an elementwise scalar (not bold), e.g. in f'(a_t) = 1 - s_t². */
  scalar: (name: VectorSymbol, t: string | number) => string;
  loss: (t: string | number) => string;
  /** A weight symbol in its colour. */
  w: (name: ParamName) => string;
  /** A transposed weight symbol, coloured. */
  wT: (name: ParamName) => string;
  /** ∂L/∂(inner), coloured as a gradient. */
  grad: (inner: string) => string;
  /** ∂L/∂(vector symbol at t). */
  gradVec: (name: VectorSymbol, t: string | number) => string;
  /** ∂L/∂(weight), coloured as a gradient around a coloured weight. */
  gradW: (name: ParamName) => string;
  /** Wrap LaTeX in a colour (in braces only, without colours). */
  color: (hex: string, tex: string) => string;
  colors: EquationColors | null;
}

/**
 * `colors: null` writes plain LaTeX, without `\\color` and `\\htmlClass`: the LaTeX export,
 * which must compile with amsmath alone.
 */
export function notation(name: NotationName, colors: EquationColors | null): Notation {
  const decl = NOTATIONS[name];
  const vecTemplate = (v: VectorSymbol) => VECTOR_TEMPLATES[v].replace('S', decl.state);
  const color = (hex: string, tex: string) => (colors ? `{\\color{${hex}}${tex}}` : `{${tex}}`);
  const plain = (p: ParamName) => color(colors?.weights[p] ?? '', decl.params[p].tex);
  // U, W and V carry a class, so hovering one in an equation lights up every edge that shares it.
  const w = (p: ParamName) =>
    colors && isEdgeWeight(p) ? `\\htmlClass{${WEIGHT_CLASS_PREFIX}${p}}{${plain(p)}}` : plain(p);
  const grad = (inner: string) =>
    color(colors?.grad ?? '', `\\frac{\\partial L}{\\partial ${inner}}`);
  return {
    name,
    vec: (v, t) => at(vecTemplate(v), t),
    scalar: (v, t) => at(SCALAR_TEMPLATES[v].replace('S', decl.state), t),
    loss: (t) => `L_{${t}}`,
    w,
    wT: (p) => `${w(p)}${SYMBOLS.transpose}`,
    grad,
    gradVec: (v, t) => grad(at(vecTemplate(v), t)),
    gradW: (p) => color(colors?.grad ?? '', `\\frac{\\partial L}{\\partial ${plain(p)}}`),
    color,
    colors,
  };
}

// ---------- plain text, for titles, tooltips and accessible labels ----------

/** A parameter's name in plain text under a notation: "U" or "W_xh". */
export const paramText = (p: ParamName, n: NotationName): string => NOTATIONS[n].params[p].text;

/** The hidden state at t in plain text: "s_3" or "h_3". */
export const stateText = (t: string | number, n: NotationName): string =>
  `${NOTATIONS[n].state}_${t}`;

/** "Input-to-hidden weights U" (or W_xh), for headings. */
export const paramTitle = (p: ParamName, n: NotationName): string => {
  const words = PARAMS[p].words;
  return `${words[0].toUpperCase()}${words.slice(1)} ${paramText(p, n)}`;
};
