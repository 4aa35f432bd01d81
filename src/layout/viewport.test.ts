import { describe, expect, it } from 'vitest';
import {
  centerOn,
  constrainView,
  detailRange,
  fitScale,
  fitView,
  nudgeToShow,
  planFollow,
  showsRange,
  wrapToFit,
  overviewScale,
  placeTip,
  panToShow,
  visibleRange,
  zoomAbout,
  type Frame,
} from './viewport';

const frame: Frame = { width: 600, height: 300, left: 80, contentW: 6400, contentH: 300 };

describe('constrainView', () => {
  it('starts a short chain right after the row labels', () => {
    const f = { ...frame, contentW: 300 };
    expect(constrainView({ x: -500, y: 10, k: 1 }, f)).toEqual({ x: 80, y: 0, k: 1 });
  });

  it('keeps a long chain from leaving a gap at either end', () => {
    expect(constrainView({ x: 400, y: 0, k: 1 }, frame).x).toBe(80);
    const end = constrainView({ x: -100000, y: 0, k: 1 }, frame).x;
    expect(end + 6400).toBeGreaterThan(560);
    expect(end + 6400).toBeLessThanOrEqual(600);
  });

  it('lets a zoomed-in chain pan vertically within its height', () => {
    const v = constrainView({ x: 0, y: -1000, k: 2 }, frame);
    expect(v.y).toBe(300 - 600);
  });
});

describe('panToShow', () => {
  it('does not move when the range is already in view', () => {
    const v = { x: 80, y: 0, k: 1 };
    expect(panToShow(v, frame, 100, 164)).toBe(v);
  });

  it('brings an off-screen step into view, inside the margins', () => {
    const v = panToShow({ x: 80, y: 0, k: 1 }, frame, 3200, 3264);
    const [a, b] = visibleRange(v, frame);
    expect(a).toBeLessThan(3200);
    expect(b).toBeGreaterThan(3264);
  });

  it('works zoomed out and to the left', () => {
    const v0 = { x: -2000, y: 0, k: 0.5 };
    const v = panToShow(v0, frame, 64, 128, 48, 0.65);
    const [a, b] = visibleRange(v, frame);
    expect(a).toBeLessThanOrEqual(64);
    expect(b).toBeGreaterThanOrEqual(128);
  });
});

describe('zoom helpers', () => {
  it('centres a position', () => {
    const v = centerOn({ x: 0, y: 0, k: 1 }, frame, 3000);
    expect(v.x + 3000).toBeCloseTo(80 + 260);
  });

  it('fits the chain and clamps zoom', () => {
    const k = fitScale(frame);
    expect(6400 * k).toBeLessThanOrEqual(600 - 80);
    expect(zoomAbout({ x: 80, y: 0, k: 1 }, frame, 10, 0.1, 2).k).toBe(2);
    expect(zoomAbout({ x: 80, y: 0, k: 1 }, frame, 0.01, 0.1, 2).k).toBe(0.1);
  });

  it('maps the overview both ways', () => {
    const s = overviewScale(6400, 500, 4);
    expect(s.toOverview(0)).toBe(4);
    expect(s.toOverview(6400)).toBe(496);
    expect(s.toContent(s.toOverview(1234))).toBeCloseTo(1234);
  });
});

describe('placeTip', () => {
  const box = { l: 100, r: 120, top: 50, bottom: 90 };
  it('goes right of the box when it fits', () => {
    expect(placeTip(box, 200, 600)).toEqual({ left: 132, top: 44 });
  });
  it('goes left when the right side is too narrow', () => {
    expect(placeTip({ ...box, l: 500, r: 520 }, 200, 600)).toEqual({ left: 288, top: 44 });
  });
  it('goes below, inside the stage, when neither side fits', () => {
    const p = placeTip({ l: 150, r: 170, top: 50, bottom: 90 }, 300, 343);
    expect(p.top).toBe(102);
    expect(p.left).toBeGreaterThanOrEqual(4);
    expect(p.left + 300).toBeLessThanOrEqual(343 - 4);
  });
});

describe('planFollow (keeping the current step on screen)', () => {
  const col = (t: number): [number, number] => [t * 64, t * 64 + 64];
  const onScreen = (v: { x: number; k: number }, t: number) =>
    showsRange({ ...v, y: 0 }, frame, ...col(t));

  it('stays put while the step is well inside the view', () => {
    const v = { x: 80, y: 0, k: 1 };
    expect(planFollow(v, v, false, frame, ...col(3))).toEqual({ jump: null, animate: null });
  });

  it('pans smoothly when the step is on screen but near the edge', () => {
    const v = { x: 80, y: 0, k: 1 };
    const plan = planFollow(v, v, false, frame, ...col(7)); // 528..592 of 600, margin 48
    expect(plan.jump).toBeNull();
    expect(plan.animate!.x).toBeLessThan(80);
    expect(onScreen(plan.animate!, 7)).toBe(true);
  });

  it('jumps only as far as needed to a step just off screen, then pans the rest', () => {
    const v = { x: 80, y: 0, k: 1 };
    const plan = planFollow(v, v, false, frame, ...col(8)); // 592..656: partly off
    expect(onScreen(plan.jump!, 8)).toBe(true);
    expect(plan.jump!.x).toBeCloseTo(80 - 56); // right edge lands on the stage's right edge
    expect(plan.animate).not.toBeNull();
    expect(plan.animate!.x).toBeLessThan(plan.jump!.x);
  });

  it('jumps straight to the resting place when steps come faster than the pan', () => {
    const live = { x: 80, y: 0, k: 1 };
    const heading = { x: -200, y: 0, k: 1 };
    const plan = planFollow(live, heading, true, frame, ...col(20));
    expect(plan.animate).toBeNull();
    expect(onScreen(plan.jump!, 20)).toBe(true);
  });

  it('lets a pan under way go on when it already heads to the step and the step is on screen', () => {
    const live = { x: 60, y: 0, k: 1 };
    const heading = { x: 0, y: 0, k: 1 };
    expect(planFollow(live, heading, true, frame, ...col(5))).toEqual({
      jump: null,
      animate: null,
    });
  });

  it('a held key: every step of a fast run ends with the step on screen', () => {
    let live = { x: 80, y: 0, k: 1 };
    let heading = live;
    let busy = false;
    for (let t = 1; t <= 90; t++) {
      const plan = planFollow(live, heading, busy, frame, ...col(t));
      if (plan.jump) live = plan.jump;
      if (plan.animate) {
        heading = plan.animate;
        busy = true; // the pan has barely started when the next key arrives
      } else heading = live;
      expect(onScreen(live, t)).toBe(true);
    }
  });
});

describe('nudgeToShow', () => {
  it('moves by the least amount, whichever side the range is on', () => {
    const v = { x: -1000, y: 0, k: 1 };
    expect(nudgeToShow(v, frame, 1000, 1064).x).toBeCloseTo(80 - 1000);
    expect(nudgeToShow(v, frame, 1600, 1664).x).toBeCloseTo(600 - 1664);
    expect(nudgeToShow(v, frame, 1200, 1264)).toBe(v);
  });
});

describe('the whole sequence', () => {
  it('fits the content both ways, centred', () => {
    const f: Frame = {
      width: 900,
      height: 400,
      left: 0,
      contentW: 3000,
      contentH: 800,
      center: true,
    };
    const v = fitView(f);
    expect(v.k).toBeCloseTo(0.3);
    expect(v.x).toBeCloseTo(0);
    expect(v.y).toBeCloseTo((400 - 240) / 2);
  });

  it('wraps a long chain into rows that fill the stage', () => {
    // 150 steps of 64 px in chunks of 8, rows 350 px high, on a 900 x 350 stage.
    const spans: [number, number][] = [];
    for (let x = 0; x < 150 * 64; x += 512) spans.push([x, Math.min(150 * 64, x + 512)]);
    const w = wrapToFit(spans, 350, 900, 350);
    const strip = Math.min(900 / (150 * 64), 350 / 350);
    expect(w.rows).toBeGreaterThan(1);
    expect(w.k).toBeGreaterThan(2.5 * strip);
    expect(w.width * w.k).toBeLessThanOrEqual(900 + 1e-9);
    expect(w.height * w.k).toBeLessThanOrEqual(350 + 1e-9);
    // Spans keep their order: row by row, left to right.
    expect(w.shift[0]).toEqual({ dx: 0, dy: 0 });
    const second = w.shift[w.perRow];
    expect(spans[w.perRow][0] + second.dx).toBe(0);
    expect(second.dy).toBe(350 + 24);
  });

  it('keeps a short chain on one row', () => {
    const w = wrapToFit([[0, 512]], 300, 900, 400);
    expect(w.rows).toBe(1);
    expect(w.k).toBeCloseTo(400 / 300);
  });
});

describe('detailRange', () => {
  it('covers the view and a screen either side, in whole chunks', () => {
    const [a, b] = detailRange({ x: 80 - 64 * 50, y: 0, k: 1 }, frame, 64, 8);
    expect(a % 8).toBe(0);
    expect(b % 8).toBe(0);
    expect(a).toBeLessThanOrEqual(50 - 8);
    expect(b).toBeGreaterThanOrEqual(50 + 8 + 8);
  });
});
