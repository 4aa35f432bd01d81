import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../core/scenarioSchema';
import { computeTrace } from '../../core/trace';
import workedExample from '../../core/presets/worked-example.json';
import {
  accumulate,
  axesOf,
  cellSize,
  gradDomains,
  stepContribution,
  touched,
} from './weightsData';

const parsed = parseScenario(workedExample);
if (!parsed.ok) throw new Error(parsed.error);
const tr = computeTrace(parsed.value);

describe('weights panel data', () => {
  it('accumulates contributions of t >= K and equals the gradient at K = 1', () => {
    const { H, D, T } = tr;
    expect(accumulate(tr.contrib.U, H * D, 1, T)).toEqual(tr.grads.U);
    const g3 = accumulate(tr.contrib.W, H * H, 3, T);
    expect(Array.from(g3)).toEqual(Array.from(stepContribution(tr.contrib.W, H * H, 3)));
    const g2 = accumulate(tr.contrib.b, H, 2, T);
    for (let i = 0; i < H; i++)
      expect(g2[i]).toBeCloseTo(tr.contrib.b[H + i] + tr.contrib.b[2 * H + i], 15);
  });
  it('keeps one colour domain that covers every partial sum', () => {
    const d = gradDomains(tr);
    for (let K = 1; K <= tr.T; K++) {
      const g = accumulate(tr.contrib.V, tr.K * tr.H, K, tr.T);
      for (const v of g) expect(Math.abs(v)).toBeLessThanOrEqual(d.V + 1e-15);
    }
  });
  it('marks the cells a one-hot input touches, and labels axes by vocabulary', () => {
    const m = touched(stepContribution(tr.contrib.U, tr.H * tr.D, 1));
    expect(Array.from(m)).toEqual([1, 0, 0, 1, 0, 0]); // x_1 = first symbol: column 1 only
    const ax = axesOf('U', tr, [' ', 'b', 'c']);
    expect(ax.cols?.short).toEqual(['␣', 'b', 'c']);
    expect(cellSize({ rows: 16, cols: 60 })).toBe(6);
    expect(cellSize({ rows: 2, cols: 3 })).toBe(24);
  });
});

describe('a gated cell’s heatmaps', () => {
  it('label the stacked rows of U, W and b by gate block', async () => {
    const { axesOf } = await import('./weightsData');
    const ax = axesOf('W', { H: 2, D: 3, K: 3, cell: 'lstm' }, null);
    expect(ax.rows.short).toEqual(['i1', 'i2', 'f1', 'f2', 'g1', 'g2', 'q1', 'q2']);
    expect(ax.rows.long[2]).toBe('forget gate f, hidden 1');
    expect(axesOf('b', { H: 1, D: 1, K: 1, cell: 'gru' }, null).rows.short).toEqual([
      'r1',
      'z1',
      'n1',
    ]);
    expect(axesOf('U', { H: 2, D: 1, K: 1 }, null).rows.short).toEqual(['1', '2']);
  });
});
