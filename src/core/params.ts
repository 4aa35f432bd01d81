import type { Dims, Params, ParamName } from './types';
import { PARAM_NAMES } from './types';
import type { Rng } from './rng';

export function zeroParams({ H, D, K }: Dims): Params {
  return {
    H,
    D,
    K,
    U: new Float64Array(H * D),
    W: new Float64Array(H * H),
    V: new Float64Array(K * H),
    b: new Float64Array(H),
    c: new Float64Array(K),
  };
}

export function cloneParams(p: Params): Params {
  return {
    H: p.H,
    D: p.D,
    K: p.K,
    U: p.U.slice(),
    W: p.W.slice(),
    V: p.V.slice(),
    b: p.b.slice(),
    c: p.c.slice(),
  };
}

/** The tensors in PARAM_NAMES order, for code that treats them alike (optimizers, clipping). */
export function paramTensors(p: Pick<Params, ParamName>): Float64Array[] {
  return PARAM_NAMES.map((n) => p[n]);
}

/** Shape [rows, cols] of each parameter (vectors are one column). */
export function paramShape(name: ParamName, { H, D, K }: Dims): [number, number] {
  switch (name) {
    case 'U':
      return [H, D];
    case 'W':
      return [H, H];
    case 'V':
      return [K, H];
    case 'b':
      return [H, 1];
    case 'c':
      return [K, 1];
  }
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
  fill(p.U, dims.D);
  fill(p.W, dims.H);
  fill(p.V, dims.H);
  return p;
}
