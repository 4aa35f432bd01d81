import { describe, expect, it } from 'vitest';
import { lowerFirst } from './lowerFirst';

describe('lowerFirst', () => {
  it('lowers a capital that starts a word, keeps acronyms and symbols', () => {
    expect(lowerFirst('The LSTM’s cell state')).toBe('the LSTM’s cell state');
    expect(lowerFirst('LSTM cell state')).toBe('LSTM cell state');
    expect(lowerFirst('W instead of Wᵀ')).toBe('W instead of Wᵀ');
    expect(lowerFirst('larger')).toBe('larger');
  });
});
