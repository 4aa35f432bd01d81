import type { ActivationName } from './types';

/**
 * A nonlinearity and its derivative. df takes both a and s = f(a), so tanh and sigmoid can
 * reuse the value they already computed: tanh'(a) = 1 - s², sigmoid'(a) = s (1 - s).
 */
export interface Activation {
  name: ActivationName;
  f: (a: number) => number;
  df: (a: number, s: number) => number;
  /** LaTeX for f'(a) in terms of s or a, for the derivation panel. */
  dfTex: string;
}

export const tanh: Activation = {
  name: 'tanh',
  f: Math.tanh,
  df: (_a, s) => 1 - s * s,
  dfTex: '1 - s_t^2',
};

export const sigmoid: Activation = {
  name: 'sigmoid',
  // Two branches keep exp from overflowing for large |a|.
  f: (a) => (a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a))),
  df: (_a, s) => s * (1 - s),
  dfTex: 's_t (1 - s_t)',
};

export const relu: Activation = {
  name: 'relu',
  f: (a) => (a > 0 ? a : 0),
  // relu'(0) is 0 by the spec's convention.
  df: (a) => (a > 0 ? 1 : 0),
  dfTex: '\\mathbb{1}[a_t > 0]',
};

const BY_NAME: Record<ActivationName, Activation> = { tanh, sigmoid, relu };

export function activation(name: ActivationName): Activation {
  return BY_NAME[name];
}
