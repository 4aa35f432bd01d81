import { describe, expect, it } from 'vitest';
import {
  arrow,
  arrowHead,
  cellHeight,
  DEFAULTS,
  foldedLayout,
  gradArrow,
  rowsFor,
  unrolledLayout,
} from './graphLayout';

// Numbers out of an SVG path string, for checking where it starts and ends.
function points(path: string): number[][] {
  const nums = path.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
  const out: number[][] = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  return out;
}

describe('unrolledLayout', () => {
  const T = 5;
  const H = 3;
  const K = 4;
  const D = 4;
  const g = unrolledLayout(T, H, K, D);

  it('has s_0 and x, s, o, L for every step', () => {
    expect(g.nodes).toHaveLength(1 + 4 * T);
    expect(g.nodes.filter((n) => n.kind === 's').map((n) => n.t)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const kind of ['x', 'o', 'L'] as const)
      expect(g.nodes.filter((n) => n.kind === kind).map((n) => n.t)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(g.nodes.map((n) => n.id)).size).toBe(g.nodes.length);
  });

  it('labels U, W and V on every step, each feeding step t', () => {
    for (const w of ['U', 'W', 'V'] as const)
      expect(g.edges.filter((e) => e.weight === w).map((e) => e.t)).toEqual([1, 2, 3, 4, 5]);
  });

  it('lays columns colW apart, left to right in time, inside the width', () => {
    const sx = g.nodes.filter((n) => n.kind === 's').map((n) => n.x);
    for (let i = 1; i < sx.length; i++) expect(sx[i] - sx[i - 1]).toBe(DEFAULTS.colW);
    expect(g.width).toBe((T + 1) * DEFAULTS.colW);
    for (const n of g.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.w).toBeLessThanOrEqual(g.width);
      expect(n.y + n.h).toBeLessThanOrEqual(g.height);
    }
  });

  it('stacks L above o above s above x, with strips of H, K and D cells', () => {
    const at = (kind: string) => g.nodes.find((n) => n.kind === kind && n.t === 2)!;
    expect(at('L').y + at('L').h).toBeLessThan(at('o').y);
    expect(at('o').y + at('o').h).toBeLessThan(at('s').y);
    expect(at('s').y + at('s').h).toBeLessThan(at('x').y);
    expect(at('s').main.n).toBe(H);
    expect(at('o').main.n).toBe(K);
    expect(at('x').main.n).toBe(D);
    expect(at('L').main.n).toBe(1);
    expect(at('s').side).not.toBeNull();
    expect(at('o').side).not.toBeNull();
  });

  it('runs W from s_{t-1} to s_t, and the future gradient the other way, below it', () => {
    const w3 = g.edges.find((e) => e.weight === 'W' && e.t === 3)!;
    const s2 = g.nodes.find((n) => n.id === 's2')!;
    const s3 = g.nodes.find((n) => n.id === 's3')!;
    const [a, b] = points(w3.path);
    expect(a[0]).toBeGreaterThanOrEqual(s2.x + s2.w);
    expect(b[0]).toBeLessThanOrEqual(s3.x);
    expect(a[1]).toBe(g.rows.wY);
    const f2 = g.gradEdges.find((e) => e.kind === 'future' && e.t === 2)!;
    const [c, d] = [f2.from, f2.to];
    expect(c[0]).toBeGreaterThan(d[0]); // flows backwards in time
    expect(c[1]).toBeGreaterThan(a[1]); // drawn apart from the forward edge
  });

  it('has one output-gradient arrow per step, flowing down, and future arrows into s_0..s_{T-1}', () => {
    expect(g.gradEdges.filter((e) => e.kind === 'output').map((e) => e.t)).toEqual([1, 2, 3, 4, 5]);
    expect(g.gradEdges.filter((e) => e.kind === 'future').map((e) => e.t)).toEqual([0, 1, 2, 3, 4]);
    const out = g.gradEdges.find((e) => e.kind === 'output' && e.t === 1)!;
    expect(out.to[1]).toBeGreaterThan(out.from[1]);
    const s1 = g.nodes.find((n) => n.id === 's1')!;
    expect(out.to[1]).toBeLessThanOrEqual(s1.y);
  });

  it('handles one step and wide, tall networks', () => {
    const one = unrolledLayout(1, 1, 2, 2);
    expect(one.nodes).toHaveLength(5);
    expect(one.gradEdges.map((e) => `${e.kind}${e.t}`)).toEqual(['future0', 'output1']);
    const big = unrolledLayout(200, 16, 60, 60);
    expect(big.nodes).toHaveLength(801);
    expect(big.rows.oH).toBeLessThanOrEqual(Math.max(DEFAULTS.stripMax, 60 * DEFAULTS.cellMin));
  });

  it('grows columns and cells with the scale option, not the text rows', () => {
    const a = unrolledLayout(3, 2, 3, 3);
    const b = unrolledLayout(3, 2, 3, 3, { scale: 1.5 });
    expect(b.width).toBe(1.5 * a.width);
    expect(b.rows.sH).toBeGreaterThan(a.rows.sH);
    expect(b.rows.header).toBe(a.rows.header);
  });

  it('drops the probability strip under squared error', () => {
    const g2 = unrolledLayout(2, 2, 3, 3, { probStrip: false });
    expect(g2.nodes.find((n) => n.id === 'o1')!.side).toBeNull();
  });
});

describe('rows and cells', () => {
  it('shrinks cells for long vectors but never below the minimum', () => {
    expect(cellHeight(3)).toBe(DEFAULTS.cellMax);
    expect(cellHeight(16) * 16).toBeCloseTo(DEFAULTS.stripMax);
    expect(cellHeight(1000)).toBe(DEFAULTS.cellMin);
  });

  it('puts the W edge and the future gradient inside the state row', () => {
    const r = rowsFor(1, 2, 2);
    expect(r.wY).toBeGreaterThanOrEqual(r.sTop);
    expect(r.futureY).toBeLessThanOrEqual(r.sTop + r.sH);
  });
});

describe('foldedLayout', () => {
  it('is one column with the rows of the unrolled chain and W as a loop on s', () => {
    const f = foldedLayout(3, 4, 4);
    const u = unrolledLayout(4, 3, 4, 4);
    expect(f.rows).toEqual(u.rows);
    expect(f.nodes.map((n) => n.kind)).toEqual(['x', 's', 'o', 'L']);
    const w = f.edges.find((e) => e.weight === 'W')!;
    const s = f.nodes.find((n) => n.kind === 's')!;
    const pts = points(w.path);
    const first = pts[0];
    const apex = points(w.head)[0];
    // Leaves s and comes back into s on its right side, pointing at it.
    expect(first[0]).toBeGreaterThan(s.x + s.w);
    expect(apex[0]).toBeCloseTo(first[0]);
    expect(apex[1]).toBeGreaterThan(first[1]);
    expect(Math.max(...pts.map((p) => p[0]))).toBeGreaterThan(s.x + s.w + 20);
    expect(f.edges.map((e) => e.weight).sort()).toEqual(['U', 'V', 'W']);
    expect(f.columns[0].x0).toBeLessThan(s.x);
    expect(f.width).toBe(f.columns[0].x1 - f.columns[0].x0);
  });
});

describe('arrows', () => {
  it('draws a head with its apex at the tip and stops the line inside it', () => {
    const a = arrow(
      [
        [0, 0],
        [100, 0],
      ],
      10,
      8,
    );
    const line = points(a.path);
    expect(line[line.length - 1][0]).toBeCloseTo(94);
    const head = points(a.head);
    expect(head[0]).toEqual([100, 0]);
    expect(head[1][0]).toBeCloseTo(90);
    expect(Math.abs(head[1][1] - head[2][1])).toBeCloseTo(8);
  });

  it('points heads along any direction', () => {
    const h = points(arrowHead([0, 0], 0, 1, 10, 4));
    expect(h[1][1]).toBeCloseTo(-10);
    expect(h[2][1]).toBeCloseTo(-10);
  });

  it('grows a gradient arrowhead with its stroke', () => {
    const e = {
      id: 'g',
      kind: 'output' as const,
      t: 1,
      from: [0, 0] as [number, number],
      to: [0, 50] as [number, number],
    };
    const thin = points(gradArrow(e, 1).head);
    const thick = points(gradArrow(e, 6).head);
    expect(Math.abs(thick[1][0] - thick[2][0])).toBeGreaterThan(Math.abs(thin[1][0] - thin[2][0]));
    // The head is wider than the line, so the line's end never shows beside it.
    expect(Math.abs(thick[1][0] - thick[2][0])).toBeGreaterThan(6);
  });
});

describe('gated cells', () => {
  it('lays out an LSTM with m_0…m_T above s, the highway, its gradient and the gates', async () => {
    const { unrolledLayout: layout, foldedLayout: folded } = await import('./graphLayout');
    const T = 4;
    const g = layout(T, 3, 4, 4, { cell: 'lstm' });
    const m = g.nodes.filter((n) => n.kind === 'm');
    const s = g.nodes.filter((n) => n.kind === 's');
    expect(m.map((n) => n.t)).toEqual([0, 1, 2, 3, 4]);
    // Above s (a smaller y), below o, and clear of the V edge on the column's axis.
    for (const n of m) {
      const sn = s.find((x) => x.t === n.t)!;
      expect(n.y + n.h).toBeLessThan(sn.y);
      expect(n.y).toBeGreaterThan(g.rows.oTop + g.rows.oH);
      expect(n.x + n.w).toBeLessThan(g.columns[n.t].cx);
    }
    const cellGrads = g.gradEdges.filter((e) => e.kind === 'cell');
    expect(cellGrads.map((e) => e.t)).toEqual([0, 1, 2, 3]);
    // The gradient along m runs back, right to left.
    for (const e of cellGrads) expect(e.to[0]).toBeLessThan(e.from[0]);
    expect(g.gates.map((x) => [x.t, x.names.join('')])).toEqual([
      [1, 'ifgq'],
      [2, 'ifgq'],
      [3, 'ifgq'],
      [4, 'ifgq'],
    ]);
    expect(folded(3, 4, 4, { cell: 'gru' }).gates[0].names).toEqual(['r', 'z', 'n']);
    // The vanilla cell is as it was: no m, no gates.
    const v = layout(T, 3, 4, 4);
    expect(v.nodes.some((n) => n.kind === 'm')).toBe(false);
    expect(v.gates).toEqual([]);
    expect(v.rows.mH).toBe(0);
  });
});
