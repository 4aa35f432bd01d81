import { describe, expect, it } from 'vitest';
import { defaultLabChoices } from '../core/lab/choices';
import { COPY_SYMBOLS, SINE_TOLERANCE } from '../core/lab/tasks';
import { taskWords } from './labTasks';

describe('the lab tasks in words', () => {
  const c = defaultLabChoices();
  it('says inputs, targets, measure and chance from the task declaration', () => {
    const copy = taskWords({ ...c, task: 'copy', delay: 3 });
    expect(copy.io).toContain(`out of ${COPY_SYMBOLS}`);
    expect(copy.io).toContain('3 steps earlier');
    expect(copy.measure).toContain(`guessing scores ${100 / COPY_SYMBOLS}%`);
    expect(taskWords({ ...c, task: 'parity' }).measure).toContain('guessing scores 50%');
    const sine = taskWords({ ...c, task: 'sine' });
    expect(sine.measure).toContain(`within ${SINE_TOLERANCE}`);
    expect(sine.measure).toContain('6.4%'); // (2/π)·asin(0.1)
  });
  it('does not call the text task’s accuracy held out', () => {
    const text = taskWords({ ...c, task: 'text' });
    expect(text.accuracyLabel).toBe('Accuracy (on the text)');
    expect(text.measure).toContain('no held-out text');
  });
  it('still words a copy task whose delay makes no task', () => {
    expect(taskWords({ ...c, task: 'copy', delay: c.seqLen }).measure).not.toContain('guessing');
  });
});
