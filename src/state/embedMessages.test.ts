import { describe, expect, it } from 'vitest';
import { parseInbound } from './embedMessages';

describe('embed messages', () => {
  it('accepts the three documented messages', () => {
    expect(parseInbound({ target: 'unrolled', type: 'setStep', step: 'f2' })).toEqual({
      target: 'unrolled',
      type: 'setStep',
      step: 'f2',
    });
    expect(parseInbound({ target: 'unrolled', type: 'play' })?.type).toBe('play');
    expect(parseInbound({ target: 'unrolled', type: 'pause' })?.type).toBe('pause');
  });

  it('ignores anything else', () => {
    for (const m of [
      null,
      'play',
      42,
      { type: 'play' },
      { target: 'other', type: 'play' },
      { target: 'unrolled', type: 'setStep' },
      { target: 'unrolled', type: 'setStep', step: 3 },
      { target: 'unrolled', type: 'eval', code: 'alert(1)' },
    ])
      expect(parseInbound(m)).toBeNull();
  });
});
