import { describe, expect, it } from 'vitest';
import type { CompareReport } from '../protocol';
import { createSessions } from './sessions';
import { labChoices, valueOf } from '../testing/sessionCalls';

// The side-by-side session: the lab's choices with only the cell changed, trained in turns.

describe('the comparison session', () => {
  it('trains both cells to the same budget and reports each one’s gradient over time', async () => {
    const sessions = createSessions();
    const id = sessions.open('compare', {
      choices: labChoices({ task: 'copy', delay: 4, hidden: 8 }),
      cells: ['rnn', 'lstm'],
      budget: 30,
    });
    let r = valueOf<CompareReport>(await sessions.call(id, 'report', 1, undefined));
    expect(r.sides.map((s) => s.iteration)).toEqual([0, 0]);
    expect(r.done).toBe(false);
    for (let i = 2; !r.done && i < 200; i++)
      r = valueOf<CompareReport>(await sessions.call(id, 'train', i, { ms: 50 }));
    expect(r.done).toBe(true);
    expect(r.chance).toBe(0.25); // one of four symbols
    const [rnn, lstm] = r.sides;
    expect([rnn.cell, lstm.cell]).toEqual(['rnn', 'lstm']);
    expect([rnn.iteration, lstm.iteration]).toEqual([30, 30]);
    expect(rnn.gradNorm).toHaveLength(26);
    expect(lstm.gradNorm).toHaveLength(26);
    expect(rnn.cellGradNorm).toBeNull();
    expect(lstm.cellGradNorm).toHaveLength(26);
    expect(lstm.accuracy).toBeGreaterThanOrEqual(0);
    expect(lstm.accuracyCurve.iteration.at(-1)).toBe(30);
    expect(lstm.accuracyCurve.iteration[0]).toBe(0); // scored before training
    // Scored at the same iterations for both (every ⌈budget / 40⌉ = 1 here), whatever the speed.
    expect(Array.from(rnn.accuracyCurve.iteration)).toEqual(
      Array.from({ length: 31 }, (_, i) => i),
    );
    expect(Array.from(lstm.accuracyCurve.iteration)).toEqual(
      Array.from(rnn.accuracyCurve.iteration),
    );
    expect(lstm.accuracy).toBe(lstm.accuracyCurve.value.at(-1));
    // Training on past the budget does nothing.
    const again = valueOf<CompareReport>(await sessions.call(id, 'train', 300, { ms: 50 }));
    expect(again.sides.map((s) => s.iteration)).toEqual([30, 30]);
  });

  it('refuses a budget that is not a whole number of iterations', () => {
    const sessions = createSessions();
    expect(() =>
      sessions.open('compare', { choices: labChoices({}), cells: ['rnn', 'lstm'], budget: 0 }),
    ).toThrow(/budget/);
  });
});
