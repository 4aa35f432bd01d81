// The activations of the model, declared once: each entry pairs a nonlinearity with its
// derivative, the TeX of both and the words a menu shows. The core (trace, training, sampling),
// the scenario schema, the URL, the settings panel and the derivation panel all read this table,
// so adding an activation is one entry here.

/** TeX of a symbol at a time index, e.g. `\mathbf{a}_{3}`; the derivation panel passes its own. */
export type TexOf = (t: string) => string;

/**
 * A nonlinearity and its derivative. df takes both a and s = f(a), so tanh and sigmoid can
 * reuse the value they already computed: tanh'(a) = 1 - s², sigmoid'(a) = s (1 - s).
 */
export interface Activation {
  /** The menu's words. */
  label: string;
  f: (a: number) => number;
  df: (a: number, s: number) => number;
  /** The operator in TeX, applied as `\tanh(a_t)`. */
  tex: string;
  /** f'(a_t) in TeX, in terms of the symbols of a_t and s_t (elementwise). */
  dfTex: (a: TexOf, s: TexOf, t: string) => string;
  /**
   * Twice differentiable everywhere. ReLU (a kink at 0) and softsign (f'' jumps at 0) are not:
   * finite differences across a = 0 disagree with f', so gradient checks keep a away from 0.
   */
  smooth: boolean;
  /** The largest slope max f′ over all a: with ‖W‖₂ it bounds how much one step back can
   * stretch the gradient (lab/vanishingBound.ts). */
  maxSlope: number;
}

const sigmoidF = (a: number) =>
  // Two branches keep exp from overflowing for large |a|.
  a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));

export const ACTIVATIONS = {
  tanh: {
    label: 'tanh',
    f: Math.tanh,
    df: (_a, s) => 1 - s * s,
    tex: '\\tanh',
    dfTex: (_a, s, t) => `1 - ${s(t)}^{2}`,
    smooth: true,
    maxSlope: 1, // at a = 0
  },
  sigmoid: {
    label: 'sigmoid',
    f: sigmoidF,
    df: (_a, s) => s * (1 - s),
    tex: '\\sigma',
    dfTex: (_a, s, t) => `${s(t)} (1 - ${s(t)})`,
    smooth: true,
    maxSlope: 0.25, // σ(0)(1 − σ(0))
  },
  relu: {
    label: 'ReLU',
    f: (a) => (a > 0 ? a : 0),
    // relu'(0) is 0 by the spec's convention.
    df: (a) => (a > 0 ? 1 : 0),
    tex: '\\operatorname{relu}',
    dfTex: (a, _s, t) => `\\mathbb{1}[${a(t)} > 0]`,
    smooth: false,
    maxSlope: 1,
  },
  softsign: {
    label: 'softsign',
    // a / (1 + |a|): tanh's shape with polynomial tails, so it saturates more slowly.
    f: (a) => a / (1 + Math.abs(a)),
    df: (a) => {
      const d = 1 + Math.abs(a);
      return 1 / (d * d);
    },
    tex: '\\operatorname{softsign}',
    dfTex: (a, _s, t) => `\\frac{1}{(1 + |${a(t)}|)^{2}}`,
    smooth: false,
    maxSlope: 1, // at a = 0
  },
} as const satisfies Record<string, Activation>;

export type ActivationName = keyof typeof ACTIVATIONS;

/** The activations in menu order. */
export const ACTIVATION_NAMES = Object.keys(ACTIVATIONS) as ActivationName[];

export function activation(name: ActivationName): Activation {
  return ACTIVATIONS[name];
}
