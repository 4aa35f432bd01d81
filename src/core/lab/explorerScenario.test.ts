import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenarioSchema';
import { defaultLabChoices, type LabChoices } from './choices';
import { explorerScenario } from './explorerScenario';
import { createLabRun } from './run';

const choices = (over: Partial<LabChoices>): LabChoices => ({ ...defaultLabChoices(), ...over });

describe('explore the lab’s weights', () => {
  it('gives the explorer the first sequence with the trained weights', () => {
    const run = createLabRun(choices({ hidden: 8 }));
    run.step(5);
    const r = explorerScenario(run);
    if (!r.ok) throw new Error(r.error);
    const sc = parseScenario(r.value);
    if (!sc.ok) throw new Error(sc.error);
    expect(sc.value.params.W).toEqual(run.params().W);
    expect(sc.value.seq.T).toBe(25);
    expect(sc.value.symbols?.[0]).toBe('\n');
  });

  it('copy: the first k targets, with nothing to copy, are uniform', () => {
    const run = createLabRun(choices({ task: 'copy', delay: 3, hidden: 4 }));
    const r = explorerScenario(run);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.targets[0]).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(r.value.targets[3].filter((v) => v === 1)).toHaveLength(1);
  });

  it('says why a run bigger than the explorer draws cannot be shown', () => {
    const r = explorerScenario(createLabRun(choices({ hidden: 32 })));
    expect(r).toEqual({
      ok: false,
      error: 'The explorer draws every unit: this run has 32 hidden units (it shows at most 16).',
    });
  });
});
