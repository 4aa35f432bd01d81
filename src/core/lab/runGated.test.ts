import { describe, expect, it } from 'vitest';
import { PARAM_NAMES } from '../model';
import { defaultLabChoices, type LabChoices } from './choices';
import { createLabRun, restoreLabRun } from './run';

// The lab's run with a gated cell: the same tasks, recoveries and diagnostics as the vanilla
// cell's (run.test.ts), on the gated training path (gated/session.ts).

const choices = (over: Partial<LabChoices>): LabChoices => ({ ...defaultLabChoices(), ...over });

describe('the lab trains gated cells', () => {
  for (const cell of ['lstm', 'gru'] as const) {
    it(`${cell}: learns delayed copy with k = 2 and its weights stay finite`, () => {
      const run = createLabRun(choices({ task: 'copy', delay: 2, cell }));
      expect(run.params().W).toHaveLength((cell === 'lstm' ? 4 : 3) * 32 * 32);
      const p = run.step(600, { sample: false });
      expect(p.accuracy).toBeGreaterThan(0.95);
      expect(p.divergence).toBeNull();
    });

    it(`${cell}: on the text, the loss falls and the sample is drawn from the cell`, () => {
      const run = createLabRun(choices({ task: 'text', cell, hidden: 16 }));
      const first = run.step(1);
      const p = run.step(200);
      expect(p.smoothLoss).toBeLessThan(first.smoothLoss - 0.5);
      expect(p.sample!.sample).toHaveLength(160);
      expect(p.sample!.greedy).toHaveLength(160);
    });

    it(`${cell}: the gradient check agrees and the gradient reaching each step is reported`, () => {
      const run = createLabRun(choices({ task: 'copy', delay: 5, cell, hidden: 8 }));
      run.step(30, { sample: false });
      // Central differences of a 20-step loss are good to about 1e-10 absolute: a gradient
      // entry of 2e-5 (the floor is 1e-4) may then differ by 1e-6; a wrong term gives ~1.
      expect(run.checkGradients(80).worstRelError).toBeLessThan(1e-5);
      const flow = run.gradientFlow();
      expect(flow.gradNorm).toHaveLength(26);
      expect(flow.gradNorm.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
      expect(flow.jacobianNorm[0]).toBeNaN(); // no single Jacobian product for a gated cell
      if (cell === 'lstm') expect(flow.cellGradNorm).toHaveLength(26);
      else expect(flow.cellGradNorm).toBeNull();
      expect(run.spectral()).toBeNull();
      expect(() => run.setSpectralRadius(0.5)).toThrow(/vanilla/);
    });

    it(`${cell}: a snapshot restores the run exactly, state included`, () => {
      const run = createLabRun(choices({ task: 'text', cell, hidden: 8, tbptt: 10 }));
      run.step(20, { sample: false, evaluate: false });
      const snap = structuredClone(run.snapshot());
      expect(snap.current.hidden).toHaveLength(cell === 'lstm' ? 16 : 8);
      const copy = restoreLabRun(snap);
      const a = run.step(15, { sample: false });
      const b = copy.step(15, { sample: false });
      expect(b.smoothLoss).toBe(a.smoothLoss);
      for (const n of PARAM_NAMES) expect(copy.params()[n]).toEqual(run.params()[n]);
    });
  }

  it('refuses a snapshot of another cell, and reads one saved before the cell was a choice', () => {
    const lstm = createLabRun(choices({ task: 'copy', cell: 'lstm', hidden: 4 }));
    const rnn = createLabRun(choices({ task: 'copy', cell: 'rnn', hidden: 4 }));
    expect(() => rnn.restore(lstm.snapshot())).toThrow(/another/);
    const old = rnn.snapshot();
    const { cell: _cell, ...before } = old.choices;
    void _cell;
    const restored = restoreLabRun({ ...old, choices: before as LabChoices });
    expect(restored.choices().cell).toBe('rnn');
  });
});
