import { describe, expect, it } from 'vitest';
import { defaultLabChoices } from '../core/lab/choices';
import { createLabRun } from '../core/lab';
import {
  choiceDifferences,
  isSavedLabSession,
  resumeQuestion,
  savedSession,
  throttle,
} from './labResume';

describe('the lab session kept across a reload', () => {
  it('offers back a trained run, not a fresh one nor junk', () => {
    const run = createLabRun({ ...defaultLabChoices(), hidden: 4, task: 'parity' });
    expect(isSavedLabSession(savedSession(run.snapshot(), 1))).toBe(false); // iteration 0
    run.step(3, { evaluate: false, sample: false });
    const saved = savedSession(structuredClone(run.snapshot()), 1);
    expect(isSavedLabSession(saved)).toBe(true);
    for (const junk of [null, 3, 'x', {}, { version: 2, snapshot: saved.snapshot }])
      expect(isSavedLabSession(junk)).toBe(false);
    expect(isSavedLabSession({ version: 1, snapshot: { ...saved.snapshot, iteration: NaN } })).toBe(
      false,
    );
  });

  it('names the settings the saved run had where they differ', () => {
    const now = defaultLabChoices();
    expect(choiceDifferences(now, now)).toEqual([]);
    const saved = { ...now, hidden: 64, task: 'copy' as const, text: 'abc' };
    expect(choiceDifferences(saved, now)).toEqual([
      'Task: Delayed copy',
      'another text',
      `${'Hidden size'}: 64`,
    ]);
  });

  it('asks with the iteration grouped in thousands', () => {
    expect(resumeQuestion(4210)).toBe('Resume training from iteration 4,210?');
    expect(resumeQuestion(7)).toBe('Resume training from iteration 7?');
  });

  it('throttles saves to one per period', () => {
    const ok = throttle(5000, 0);
    expect([1000, 4999, 5000, 6000, 9999, 10000].map(ok)).toEqual([
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
  });
});
