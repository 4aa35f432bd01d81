import { cloneParams, paramTensors } from './params';
import type { ParamName, Params } from './types';

// Optimizers as update rules over a list of tensors (paramTensors order: U, W, V, b, c).
// One implementation, applyUpdate, writes into output arrays with no allocation, for the
// training loop; step() wraps it to return new values for code that wants purity.
//
// With g = ∇θ L and learning rate α, each rule moves θ against the gradient (descent):
//   sgd       θ ← θ − α g
//   momentum  v ← μ v − α g;  θ ← θ + v        (the "velocity" form of heavy-ball momentum;
//             it equals the classical v ← μ v + g, θ ← θ − α v when α is constant)
//   adagrad   G ← G + g²;  θ ← θ − α g / (√G + ε)            (min-char-rnn's rule)
//   adam      m ← β1 m + (1−β1) g;  v ← β2 v + (1−β2) g²;
//             θ ← θ − α m̂ / (√v̂ + ε),  m̂ = m / (1−β1^t),  v̂ = v / (1−β2^t)

export type OptimizerName = 'sgd' | 'momentum' | 'adagrad' | 'adam';

export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'momentum', 'adagrad', 'adam'];

export interface OptimizerConfig {
  name: OptimizerName;
  /** Learning rate α. */
  lr: number;
  /** μ for momentum; default 0.9. */
  momentum?: number;
  /** Adam's decay of the first moment; default 0.9. */
  beta1?: number;
  /** Adam's decay of the second moment; default 0.999. */
  beta2?: number;
  /** Added to the root in adagrad and adam so a zero gradient history cannot divide by 0; default 1e-8. */
  eps?: number;
}

export const DEFAULT_MOMENTUM = 0.9;
export const DEFAULT_BETA1 = 0.9;
export const DEFAULT_BETA2 = 0.999;
export const DEFAULT_EPS = 1e-8;

/**
 * What an optimizer remembers between updates, one buffer per tensor. Mutable: applyUpdate
 * advances it in place; step() works on a copy.
 */
export interface OptimizerState {
  name: OptimizerName;
  /** Updates applied so far (Adam's t, counted from 1 at the first update). */
  t: number;
  /** momentum: the velocity v; adam: the first moment m; empty otherwise. */
  first: Float64Array[];
  /** adagrad: the running sum of squared gradients G; adam: the second moment v; empty otherwise. */
  second: Float64Array[];
}

export function createOptimizerState(
  config: OptimizerConfig,
  tensors: readonly Float64Array[],
): OptimizerState {
  const zeros = () => tensors.map((x) => new Float64Array(x.length));
  const { name } = config;
  return {
    name,
    t: 0,
    first: name === 'momentum' || name === 'adam' ? zeros() : [],
    second: name === 'adagrad' || name === 'adam' ? zeros() : [],
  };
}

export function cloneOptimizerState(state: OptimizerState): OptimizerState {
  return {
    name: state.name,
    t: state.t,
    first: state.first.map((x) => x.slice()),
    second: state.second.map((x) => x.slice()),
  };
}

/**
 * One update of every tensor: out[i] = θ[i] moved by the rule for grads[i]. out defaults to
 * theta (in place); any out[i] may alias theta[i]. Advances state in place. Allocates nothing.
 */
export function applyUpdate(
  config: OptimizerConfig,
  state: OptimizerState,
  theta: readonly Float64Array[],
  grads: readonly Float64Array[],
  out: readonly Float64Array[] = theta,
): void {
  if (state.name !== config.name)
    throw new Error(`optimizer state is for ${state.name}, config asks for ${config.name}`);
  const n = theta.length;
  if (grads.length !== n || out.length !== n)
    throw new Error(`expected ${n} gradient and output tensors`);
  const lr = config.lr;
  const eps = config.eps ?? DEFAULT_EPS;
  state.t += 1;
  switch (config.name) {
    case 'sgd':
      for (let p = 0; p < n; p++) sgdTensor(lr, theta[p], grads[p], out[p]);
      break;
    case 'momentum': {
      const mu = config.momentum ?? DEFAULT_MOMENTUM;
      for (let p = 0; p < n; p++)
        momentumTensor(lr, mu, state.first[p], theta[p], grads[p], out[p]);
      break;
    }
    case 'adagrad':
      for (let p = 0; p < n; p++) {
        checkLength(theta[p], grads[p], out[p], state.second[p]);
        // In place on out, which starts as θ (g is not clipped: c = ∞ leaves it as it is).
        if (out[p] !== theta[p]) out[p].set(theta[p]);
        adagradPass(lr, eps, Infinity, state.second[p], out[p], grads[p], 0, 1);
      }
      break;
    case 'adam': {
      const b1 = config.beta1 ?? DEFAULT_BETA1;
      const b2 = config.beta2 ?? DEFAULT_BETA2;
      // Bias corrections: m and v start at 0, so early averages are too small by (1 − β^t).
      const c1 = 1 / (1 - Math.pow(b1, state.t));
      const c2 = 1 / (1 - Math.pow(b2, state.t));
      for (let p = 0; p < n; p++)
        adamTensor(
          lr,
          b1,
          b2,
          c1,
          c2,
          eps,
          state.first[p],
          state.second[p],
          theta[p],
          grads[p],
          out[p],
        );
      break;
    }
    default:
      throw new Error(`unknown optimizer ${String((config as OptimizerConfig).name)}`);
  }
}

function checkLength(theta: Float64Array, g: Float64Array, out: Float64Array, buf?: Float64Array) {
  if (
    g.length !== theta.length ||
    out.length !== theta.length ||
    (buf && buf.length !== theta.length)
  )
    throw new Error(`tensor length mismatch: θ has ${theta.length}, ∇ has ${g.length}`);
}

function sgdTensor(lr: number, theta: Float64Array, g: Float64Array, out: Float64Array) {
  checkLength(theta, g, out);
  for (let i = 0; i < theta.length; i++) out[i] = theta[i] - lr * g[i];
}

function momentumTensor(
  lr: number,
  mu: number,
  vel: Float64Array,
  theta: Float64Array,
  g: Float64Array,
  out: Float64Array,
) {
  checkLength(theta, g, out, vel);
  for (let i = 0; i < theta.length; i++) {
    const v = mu * vel[i] - lr * g[i];
    vel[i] = v;
    out[i] = theta[i] + v;
  }
}

/**
 * Adagrad on one tensor (lengths checked), entries i0, i0 + step, ... below the end, after
 * clipping at ±c (Infinity: none): clip g[i] to [−c, c] in place, G += g², θ −= α g / (√G + ε),
 * skipping g = 0, which moves nothing (often the case for the columns of dL/dU of characters
 * absent from the chunk). Returns Σ g² before clipping. The one Adagrad of the plain path:
 * applyUpdate calls it unclipped, the training loop's fused clip-and-update (train/update.ts)
 * clipped; the WebAssembly path has its own kernel (train/wasmKernels.ts) with the same
 * operations.
 */
export function adagradPass(
  lr: number,
  eps: number,
  c: number,
  G: Float64Array,
  th: Float64Array,
  g: Float64Array,
  i0: number,
  step: number,
): number {
  // min/max rather than assigning c to g: a variable that holds both a double and c (often a
  // small integer) is kept boxed by V8, which then allocates a number per entry.
  const negC = -c;
  let sumSq = 0;
  for (let i = i0; i < g.length; i += step) {
    const g0 = g[i];
    if (g0 === 0) continue;
    sumSq += g0 * g0;
    const gi = Math.max(negC, Math.min(c, g0)); // NaN stays NaN, as with np.clip
    if (gi !== g0) g[i] = gi;
    if (gi === 0) continue; // clipped to 0 by c = 0: nothing moves
    const Gi = G[i] + gi * gi;
    G[i] = Gi;
    th[i] -= (lr * gi) / (Math.sqrt(Gi) + eps);
  }
  return sumSq;
}

function adamTensor(
  lr: number,
  b1: number,
  b2: number,
  c1: number,
  c2: number,
  eps: number,
  m1: Float64Array,
  m2: Float64Array,
  theta: Float64Array,
  g: Float64Array,
  out: Float64Array,
) {
  checkLength(theta, g, out, m1);
  checkLength(theta, g, out, m2);
  for (let i = 0; i < theta.length; i++) {
    const gi = g[i];
    const m = b1 * m1[i] + (1 - b1) * gi;
    const v = b2 * m2[i] + (1 - b2) * gi * gi;
    m1[i] = m;
    m2[i] = v;
    out[i] = theta[i] - (lr * (m * c1)) / (Math.sqrt(v * c2) + eps);
  }
}

/**
 * The pure form: returns updated parameters and optimizer state, leaving params, grads and
 * state untouched. grads may be a Grads (its s0 is ignored).
 */
export function step(
  config: OptimizerConfig,
  params: Params,
  grads: Pick<Params, ParamName>,
  state: OptimizerState,
): { params: Params; state: OptimizerState } {
  const next = cloneParams(params);
  const nextState = cloneOptimizerState(state);
  applyUpdate(config, nextState, paramTensors(params), paramTensors(grads), paramTensors(next));
  return { params: next, state: nextState };
}
