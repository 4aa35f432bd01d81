import { describe, expect, it } from 'vitest';
import type { LabSnapshot } from '../../core/lab';
import type { LabChoices } from '../../core/lab/choices';
import type { LabReport } from '../protocol';
import { createSessions } from './sessions';
import { labChoices, valueOf } from '../testing/sessionCalls';

// The lab's session in the worker's table, called directly: it trains in slices, reports, takes
// live options between slices, and snapshots and restores the run.

describe('the lab session', () => {
  it('trains up to maxIterations, reports the new curve points and the gradient over time', async () => {
    const sessions = createSessions();
    const id = sessions.open('lab', { choices: labChoices({ task: 'copy' }) });
    const r = valueOf<LabReport>(
      await sessions.call(id, 'train', 1, { ms: 10_000, maxIterations: 40, since: 0 }),
    );
    expect(r.progress.iteration).toBe(40);
    expect(r.stopped).toBe(true);
    expect(r.curves.from).toBe(0);
    expect(r.curves.smoothLoss).toHaveLength(40);
    expect(r.progress.accuracy).not.toBeNull();
    expect(r.flow.gradNorm).toHaveLength(26);
    expect(r.spectral!.spectralRadius).toBeGreaterThan(0);
    expect(r.explorerLimit).toMatch(/32 hidden units/);
    const more = valueOf<LabReport>(
      await sessions.call(id, 'train', 2, { ms: 10_000, maxIterations: 10, since: 40 }),
    );
    expect(more.curves.from).toBe(40);
    expect(more.curves.smoothLoss).toHaveLength(10);
  });

  it('a short call answers after about its time, and live options change the run', async () => {
    const sessions = createSessions();
    const id = sessions.open('lab', { choices: labChoices({}) });
    const t0 = performance.now();
    const r = valueOf<LabReport>(
      await sessions.call(id, 'train', 1, { ms: 50, maxIterations: 1e9, since: 0 }),
    );
    expect(r.stopped).toBe(false);
    expect(r.progress.iteration).toBeGreaterThan(0);
    expect(performance.now() - t0).toBeLessThan(2000);
    const c = valueOf<LabChoices>(
      await sessions.call(id, 'setOptions', 1, { lr: 0.5, clip: 'norm' }),
    );
    expect(c).toMatchObject({ lr: 0.5, clip: 'norm' });
  });

  it('snapshots and restores; a run that diverged offers its recoveries', async () => {
    const sessions = createSessions();
    // SGD at 0.5 on parity: the gradient grows until the loss blows up (finitely).
    const blowUp = labChoices({ task: 'parity', opt: 'sgd', lr: 0.5, clip: 'off' });
    const id = sessions.open('lab', { choices: blowUp });
    const r = valueOf<LabReport>(
      await sessions.call(id, 'train', 1, { ms: 10_000, maxIterations: 500, since: 0 }),
    );
    expect(r.progress.divergence).not.toBeNull();
    expect(r.stopped).toBe(true);
    const snap = valueOf<LabSnapshot>(await sessions.call(id, 'snapshot', 1, undefined));
    const again = sessions.open('lab', { snapshot: snap });
    const r2 = valueOf<LabReport>(await sessions.call(again, 'report', 1, { since: 0 }));
    expect(r2.progress.divergence?.iteration).toBe(r.progress.divergence!.iteration);
    const c = valueOf<LabChoices>(await sessions.call(again, 'recover', 1, 'clip'));
    expect(c).toMatchObject({ clip: 'norm', lr: 0.5 });
    const r3 = valueOf<LabReport>(
      await sessions.call(again, 'train', 2, { ms: 10_000, maxIterations: 50, since: 0 }),
    );
    expect(r3.progress.divergence).toBeNull();
  });
});
