import type { Dims, Params, ParamName } from './types';
import {
  CELLS,
  CHOICES,
  cellField,
  cellOf,
  PARAM_NAMES,
  PARAMS,
  paramShape,
  ratesPerUnit,
} from './model';
import type { Rng } from './rng';

export { paramShape };

/**
 * One tensor per parameter of model.ts, made by fn. The cell and, for leaky units, the keep
 * rates travel with them (copied from dims when it holds them, else the declared default).
 */
export function mapParams(
  dims: Dims & { keep?: Float64Array },
  fn: (name: ParamName, size: number) => Float64Array,
): Params {
  // The cell travels with its parameters, so every shape derived from them is right.
  const p = { H: dims.H, D: dims.D, K: dims.K, ...cellField(dims.cell) } as Params;
  if (CELLS[cellOf(dims)].keep)
    p.keep = dims.keep ? dims.keep.slice() : ratesPerUnit(CHOICES.keep.default, dims.H);
  for (const name of PARAM_NAMES) {
    const [r, c] = paramShape(name, dims);
    p[name] = fn(name, r * c);
  }
  return p;
}

export function zeroParams(dims: Dims & { keep?: Float64Array }): Params {
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
export function initParams(dims: Dims & { keep?: Float64Array }, rng: Rng, scale = 1): Params {
  const p = zeroParams(dims);
  const fill = (m: Float64Array, fanIn: number) => {
    const sd = scale / Math.sqrt(Math.max(1, fanIn));
    for (let i = 0; i < m.length; i++) m[i] = rng.normal() * sd;
  };
  for (const name of PARAM_NAMES) {
    const fanIn = PARAMS[name].fanIn;
    if (fanIn) fill(p[name], dims[fanIn]);
  }
  // A gate whose bias starts elsewhere than 0 (an LSTM's forget gate: model.ts says why).
  const decl = CELLS[cellOf(dims)];
  if ('initBias' in decl) {
    const block = decl.gates.findIndex((g) => g.name === decl.initBias.gate);
    p.b.fill(decl.initBias.value, block * dims.H, (block + 1) * dims.H);
  }
  return p;
}
