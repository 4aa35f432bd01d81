import type { Dims, Params, ParamName } from './types';
import { PARAM_NAMES, PARAMS, paramShape } from './model';
import type { Rng } from './rng';

export { paramShape };

/** One tensor per parameter of model.ts, made by fn. */
export function mapParams(dims: Dims, fn: (name: ParamName, size: number) => Float64Array): Params {
  const p = { H: dims.H, D: dims.D, K: dims.K } as Params;
  // A gated cell travels with its parameters, so every shape derived from them is right.
  if (dims.cell && dims.cell !== 'rnn') p.cell = dims.cell;
  for (const name of PARAM_NAMES) {
    const [r, c] = paramShape(name, dims);
    p[name] = fn(name, r * c);
  }
  return p;
}

export function zeroParams(dims: Dims): Params {
  return mapParams(dims, (_n, size) => new Float64Array(size));
}

export function cloneParams(p: Params): Params {
  return mapParams(p, (n) => p[n].slice());
}

/** The tensors in PARAM_NAMES order, for code that treats them alike (optimizers, clipping). */
export function paramTensors(p: Pick<Params, ParamName>): Float64Array[] {
  return PARAM_NAMES.map((n) => p[n]);
}

/**
 * Xavier/Glorot-style initialisation from a seeded rng: each weight ~ N(0, 1/fan_in), biases 0.
 * Scaling by fan-in keeps a_t of order one whatever H is, so tanh starts out of saturation.
 */
export function initParams(dims: Dims, rng: Rng, scale = 1): Params {
  const p = zeroParams(dims);
  const fill = (m: Float64Array, fanIn: number) => {
    const sd = scale / Math.sqrt(Math.max(1, fanIn));
    for (let i = 0; i < m.length; i++) m[i] = rng.normal() * sd;
  };
  for (const name of PARAM_NAMES) {
    const fanIn = PARAMS[name].fanIn;
    if (fanIn) fill(p[name], dims[fanIn]);
  }
  // An LSTM's forget-gate bias starts at 1, as is customary (Gers et al. 2000; Jozefowicz et al.
  // 2015): f_t ≈ σ(1) ≈ 0.73 keeps the cell state, and its gradient, alive from the first step.
  if (dims.cell === 'lstm') p.b.fill(1, dims.H, 2 * dims.H);
  return p;
}
