import type { WeightName } from '../components/encoding';
import { WEIGHT_HEX } from '../components/encoding';
import { WEIGHT_CLASS_PREFIX } from './katexOptions';

// The notation of the derivation panel as data: every symbol is a LaTeX template, `#` stands
// for the time index (a letter such as `t` in the general equations, a number such as `3`
// once substituted). equations.ts builds every string from this table, so renaming a symbol
// (say s_t to h_t) is a one-line change here.

export type ThemeName = 'light' | 'dark';

/** Vectors indexed by time. */
export const VECTOR_SYMBOLS = {
  x: '\\mathbf{x}_{#}',
  y: '\\mathbf{y}_{#}',
  a: '\\mathbf{a}_{#}',
  s: '\\mathbf{s}_{#}',
  o: '\\mathbf{o}_{#}',
  yhat: '\\hat{\\mathbf{y}}_{#}',
} as const;
export type VectorSymbol = keyof typeof VECTOR_SYMBOLS;

/** Scalars indexed by time. */
export const SCALAR_SYMBOLS = {
  L: 'L_{#}',
} as const;

/** The parameters: matrices in capitals, bias vectors in bold. */
export const WEIGHT_SYMBOLS: Record<WeightName, string> = {
  U: 'U',
  W: 'W',
  V: 'V',
  b: '\\mathbf{b}',
  c: '\\mathbf{c}',
};

/** Words for each parameter, for titles. */
export const WEIGHT_WORDS: Record<WeightName, string> = {
  U: 'input-to-hidden weights',
  W: 'hidden-to-hidden (recurrent) weights',
  V: 'hidden-to-output weights',
  b: 'hidden bias',
  c: 'output bias',
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

/** The accent of gradients (the --grad token of styles.css), for KaTeX \color. */
export const GRAD_HEX: Record<ThemeName, string> = { light: '#C2185B', dark: '#FF6FB1' };

/** Substitute the time index into a template. */
export function at(template: string, t: string | number): string {
  return template.replace(/#/g, String(t));
}

/** A symbol table bound to a theme: weight symbols in their colours, gradients in the accent. */
export interface Notation {
  vec: (name: VectorSymbol, t: string | number) => string;
  loss: (t: string | number) => string;
  /** A weight symbol in its colour. */
  w: (name: WeightName) => string;
  /** A transposed weight symbol, coloured. */
  wT: (name: WeightName) => string;
  /** ∂L/∂(inner), coloured as a gradient. */
  grad: (inner: string) => string;
  /** ∂L/∂(vector symbol at t). */
  gradVec: (name: VectorSymbol, t: string | number) => string;
  /** ∂L/∂(weight), coloured as a gradient around a coloured weight. */
  gradW: (name: WeightName) => string;
  /** Wrap LaTeX in a colour. */
  color: (hex: string, tex: string) => string;
  weightHex: Record<WeightName, string>;
  gradHex: string;
}

export function notation(theme: ThemeName): Notation {
  const weightHex = WEIGHT_HEX[theme];
  const gradHex = GRAD_HEX[theme];
  const color = (hex: string, tex: string) => `{\\color{${hex}}${tex}}`;
  // U, W and V carry a class, so hovering one in an equation lights up every edge that shares it.
  const w = (name: WeightName) => {
    const sym = color(weightHex[name], WEIGHT_SYMBOLS[name]);
    return name === 'U' || name === 'W' || name === 'V'
      ? `\\htmlClass{${WEIGHT_CLASS_PREFIX}${name}}{${sym}}`
      : sym;
  };
  const grad = (inner: string) => color(gradHex, `\\frac{\\partial L}{\\partial ${inner}}`);
  return {
    vec: (name, t) => at(VECTOR_SYMBOLS[name], t),
    loss: (t) => at(SCALAR_SYMBOLS.L, t),
    w,
    wT: (name) => `${w(name)}${SYMBOLS.transpose}`,
    grad,
    gradVec: (name, t) => grad(at(VECTOR_SYMBOLS[name], t)),
    gradW: (name) =>
      color(
        gradHex,
        `\\frac{\\partial L}{\\partial ${color(weightHex[name], WEIGHT_SYMBOLS[name])}}`,
      ),
    color,
    weightHex,
    gradHex,
  };
}
