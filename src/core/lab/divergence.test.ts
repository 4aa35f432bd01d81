import { describe, expect, it } from 'vitest';
import { PARAM_NAMES } from '../model';
import {
  describeDivergence,
  divergenceAt,
  findDivergence,
  firstNonFinite,
  type AfterUpdate,
  type DivergenceContext,
} from './divergence';

// The divergence detector on its own: what it looks at, in which order, and the sentence.

const ctx: DivergenceContext = {
  gradNormBefore: 2.5,
  lastGoodIteration: 7,
  lr: 0.1,
  clip: 'value',
  clipAt: 5,
};

const update = (over: Partial<AfterUpdate> = {}): AfterUpdate => ({
  loss: 1,
  gradNorm: 3,
  params: {
    U: new Float64Array(4),
    W: new Float64Array(4),
    V: new Float64Array(4),
    b: new Float64Array(2),
    c: new Float64Array(2),
  },
  paramNames: PARAM_NAMES,
  hidden: new Float64Array(2),
  ...over,
});

describe('firstNonFinite', () => {
  it('finds the first NaN or ±Infinity, at even and odd places and lengths', () => {
    expect(firstNonFinite(new Float64Array([1, 2, 3]))).toBe(-1);
    expect(firstNonFinite(new Float64Array([]))).toBe(-1);
    expect(firstNonFinite(new Float64Array([1, NaN, Infinity]))).toBe(1);
    expect(firstNonFinite(new Float64Array([1, 2, -Infinity]))).toBe(2);
    expect(firstNonFinite(new Float64Array([NaN]))).toBe(0);
  });
});

describe('findDivergence', () => {
  it('finds nothing when all is finite', () => {
    expect(findDivergence(update())).toBeNull();
  });

  it('checks the loss, then the gradient, then the weights by name, then the state', () => {
    const u = update({ loss: NaN, gradNorm: Infinity });
    u.params.W[3] = NaN;
    u.hidden[1] = Infinity;
    expect(findDivergence(u)).toEqual({ quantity: 'loss', value: NaN });
    expect(findDivergence({ ...u, loss: 2 })).toEqual({ quantity: 'gradient', value: Infinity });
    expect(findDivergence({ ...u, loss: 2, gradNorm: 1 })).toEqual({
      quantity: 'weights',
      param: 'W',
      index: 3,
      value: NaN,
    });
    u.params.W[3] = 0;
    expect(findDivergence({ ...u, loss: 2, gradNorm: 1 })).toEqual({
      quantity: 'hidden state',
      value: Infinity,
    });
  });
});

describe('the sentence', () => {
  it('says when, what, the value, the settings and the gradient norm before', () => {
    const u = update();
    u.params.V[2] = -Infinity;
    const d = divergenceAt(12, findDivergence(u)!, 40, ctx);
    expect(d).toMatchObject({ iteration: 12, gradNorm: 40, ...ctx, quantity: 'weights' });
    expect(d.message).toBe(
      'At iteration 12, the weights V (entry 2) became -Infinity (learning rate 0.1, clipping by value at 5); the gradient norm just before was 2.50.',
    );
    expect(
      describeDivergence({ ...d, quantity: 'loss', value: NaN, clip: 'off', gradNormBefore: NaN }),
    ).toBe('At iteration 12, the loss became NaN (learning rate 0.1, no clipping).');
  });
});
