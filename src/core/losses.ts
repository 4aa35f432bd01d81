/**
 * Per-step output layer. Each function reads the logits o (K entries at oOff) and the target y
 * (at yOff), writes yhat and ∂L_t/∂o_t, and returns L_t.
 */
export type LossStep = (
  o: Float64Array,
  oOff: number,
  y: Float64Array,
  yOff: number,
  K: number,
  yhat: Float64Array,
  dL_do: Float64Array,
  outOff: number,
) => number;

/**
 * Softmax + cross-entropy, stable: log yhat_k = o_k - max - log Σ exp(o_j - max), so neither
 * exp overflows nor log(0) appears. ∂L/∂o = yhat Σ_k y_k - y (= yhat - y for one-hot y).
 */
export const softmaxCrossEntropy: LossStep = (o, oOff, y, yOff, K, yhat, dL_do, outOff) => {
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (o[oOff + k] > max) max = o[oOff + k];
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp(o[oOff + k] - max);
    yhat[outOff + k] = e;
    sum += e;
  }
  const logSum = Math.log(sum);
  let loss = 0;
  let ySum = 0;
  for (let k = 0; k < K; k++) {
    yhat[outOff + k] /= sum;
    const yk = y[yOff + k];
    ySum += yk;
    if (yk !== 0) loss -= yk * (o[oOff + k] - max - logSum);
  }
  for (let k = 0; k < K; k++) dL_do[outOff + k] = yhat[outOff + k] * ySum - y[yOff + k];
  return loss;
};

/** Squared error without the 1/2: L_t = Σ (o - y)², ∂L/∂o = 2 (o - y), yhat = o. */
export const squaredError: LossStep = (o, oOff, y, yOff, K, yhat, dL_do, outOff) => {
  let loss = 0;
  for (let k = 0; k < K; k++) {
    const ok = o[oOff + k];
    const diff = ok - y[yOff + k];
    yhat[outOff + k] = ok;
    dL_do[outOff + k] = 2 * diff;
    loss += diff * diff;
  }
  return loss;
};

/** TeX builders get the symbols of the current notation: o_t, y_t, ŷ_t at a time index. */
type Sym = (t: string) => string;

/**
 * A loss of the output layer, declared once: its step, what ŷ_t is, the TeX of L_t and of
 * ∂L/∂o_t, and whether targets must be probability distributions.
 */
export interface Loss {
  /** The menu's words. */
  label: string;
  step: LossStep;
  /** ŷ_t is a probability distribution (softmax) rather than o_t itself. */
  probabilistic: boolean;
  /** ŷ_t in terms of o_t. */
  yhatTex: (o: Sym, t: string) => string;
  /** L_t elementwise, with k the output index. */
  lossTex: (t: string) => string;
  /** ∂L/∂o_t in terms of ŷ_t (or o_t) and y_t, for one-hot targets. */
  dLdoTex: (v: { o: Sym; y: Sym; yhat: Sym }, t: string) => string;
}

export const LOSSES = {
  'cross-entropy': {
    label: 'softmax + cross-entropy',
    step: softmaxCrossEntropy,
    probabilistic: true,
    yhatTex: (o, t) => `\\operatorname{softmax}(${o(t)})`,
    lossTex: (t) => `-\\textstyle\\sum_k y_{${t},k} \\log \\hat{y}_{${t},k}`,
    dLdoTex: (v, t) => `${v.yhat(t)} - ${v.y(t)}`,
  },
  'squared-error': {
    label: 'squared error',
    step: squaredError,
    probabilistic: false,
    yhatTex: (o, t) => o(t),
    lossTex: (t) => `\\textstyle\\sum_k (o_{${t},k} - y_{${t},k})^2`,
    dLdoTex: (v, t) => `2\\,(${v.o(t)} - ${v.y(t)})`,
  },
} as const satisfies Record<string, Loss>;

export type LossName = keyof typeof LOSSES;

/** The losses in menu order. */
export const LOSS_NAMES = Object.keys(LOSSES) as LossName[];

export function lossStep(name: LossName): LossStep {
  return LOSSES[name].step;
}
