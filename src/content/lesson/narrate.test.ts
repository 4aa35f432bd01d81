import { describe, expect, it } from 'vitest';
import { glueRuns, type NarrationPart } from './narrate';

describe('glueRuns', () => {
  it('keeps maths on one line with the punctuation after it', () => {
    const parts: NarrationPart[] = [
      { kind: 'tex', tex: 'a' },
      { kind: 'text', text: ' against ' },
      { kind: 'tex', tex: 'b' },
      { kind: 'text', text: ': 20 multiplications' },
      { kind: 'tex', tex: 'c' },
      { kind: 'text', text: '.' },
    ];
    expect(glueRuns(parts)).toEqual([
      { parts: [parts[0]], keep: false },
      { parts: [parts[1]], keep: false },
      { parts: [parts[2], { kind: 'text', text: ':' }], keep: true },
      { parts: [{ kind: 'text', text: ' 20 multiplications' }], keep: false },
      { parts: [parts[4], { kind: 'text', text: '.' }], keep: true },
    ]);
    expect(glueRuns([])).toEqual([]);
  });
});
