import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES, CHOICES } from '../model';
import { OPTIMIZERS } from '../optimizers';
import { checkLabChoices, defaultLabChoices, LAB_CHOICES, labChoiceErrors } from './choices';

describe('LAB_CHOICES', () => {
  it('reuses the model’s activations, seed and the core’s optimizers', () => {
    expect(LAB_CHOICES.act).toBe(CHOICES.act);
    expect(LAB_CHOICES.seed).toBe(CHOICES.seed);
    expect(LAB_CHOICES.act.options).toEqual(ACTIVATION_NAMES);
    expect(LAB_CHOICES.opt.options).toEqual(OPTIMIZERS);
    expect(Object.keys(LAB_CHOICES.opt.labels)).toEqual([...OPTIMIZERS]);
  });

  it('declares the keys the URL and the panel need, hidden up to 128, lr up to 50 and more', () => {
    expect(Object.keys(LAB_CHOICES).sort()).toEqual(
      [
        'act',
        'cell',
        'clip',
        'clipAt',
        'delay',
        'hidden',
        'keep',
        'lr',
        'opt',
        'seed',
        'seqLen',
        'task',
        'tbptt',
        'temperature',
        'text',
      ].sort(),
    );
    expect(LAB_CHOICES.task.options).toEqual(['text', 'copy', 'parity', 'sine']);
    expect(LAB_CHOICES.clip.options).toEqual(['off', 'value', 'norm']);
    expect(LAB_CHOICES.hidden.max).toBe(128);
    expect(LAB_CHOICES.lr.max).toBeGreaterThanOrEqual(50);
  });

  it('has defaults that pass their own checks', () => {
    const d = defaultLabChoices();
    expect(labChoiceErrors(d)).toEqual([]);
    expect(d.task).toBe('text');
    expect(d.text).toContain('Twinkle');
    expect(checkLabChoices(d)).toBe(d);
  });

  it('refuses values out of bounds, one sentence each', () => {
    const d = defaultLabChoices();
    const bad = { ...d, hidden: 129, lr: 0, clip: 'sometimes', text: 'a' } as unknown as typeof d;
    const errors = labChoiceErrors(bad);
    expect(errors).toHaveLength(4);
    expect(errors.some((e) => /^Hidden size/.test(e))).toBe(true);
    expect(() => checkLabChoices(bad)).toThrow(/Learning rate/);
    expect(labChoiceErrors({ ...d, hidden: 2.5 })).toHaveLength(1);
  });

  it('needs copy’s delay below the sequence length', () => {
    const d = { ...defaultLabChoices(), task: 'copy' as const };
    expect(labChoiceErrors({ ...d, delay: 25, seqLen: 25 })).toEqual([
      'Delay k must be less than the sequence length T.',
    ]);
    expect(labChoiceErrors({ ...d, delay: 24, seqLen: 25 })).toEqual([]);
  });
});
