import { describe, expect, it } from 'vitest';
import {
  centerOn,
  constrainView,
  fitScale,
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
