import { describe, expect, it } from 'vitest';
import { explore } from '../core/explore';
import { announce } from './announce';

describe('announce', () => {
  const r = explore({
    kind: 'text',
    text: 'hello',
    hidden: 3,
    activation: 'tanh',
    loss: 'cross-entropy',
    seed: 1,
    lr: 0.1,
  });
  if (!r.ok) throw new Error(r.error);
  const res = r.value;

  it('says each kind of step in words', () => {
    expect(announce(res, 0)).toMatch(/^Start: nothing computed yet\. 4 time steps/);
    expect(announce(res, 1)).toMatch(/^Forward pass, t = 1: .*target “e”/);
    expect(announce(res, 5)).toBe(
      "Backward pass, t = 4: gradient reaches s_4 from o_4 only (no future step), then a_4 through f'(a_4).",
    );
    expect(announce(res, 6)).toMatch(
      /^Backward pass, t = 3: gradient reaches s_3 from o_3 and from s_4/,
    );
    expect(announce(res, 8)).toMatch(/complete/);
    expect(announce(res, 9)).toMatch(/^Update: .*learning rate 0\.1/);
  });

  it('names the state and the weights in the chosen notation', () => {
    expect(announce(res, 0, 'wxh')).toMatch(/the weights W_xh, W_hh and W_hy are shared/);
    expect(announce(res, 6, 'wxh')).toMatch(/gradient reaches h_3 from o_3 and from h_4/);
    expect(announce(res, 2, 'wxh')).toMatch(/h_2 computed from x_2 and h_1/);
  });
});
