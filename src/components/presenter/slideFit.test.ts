import { describe, expect, it } from 'vitest';
import { CHAIN_ZOOM_MAX, GRAPH_ZOOM_MAX, nextGraphZoom, slideBox } from './slideFit';

describe('slideBox', () => {
  it('is the design size at 1280 × 720, and zoomed 1.5 × at 1920 × 1080', () => {
    expect(slideBox(1280, 720)).toEqual({ zoom: 1, width: 1280, height: 720 });
    expect(slideBox(1920, 1080)).toEqual({ zoom: 1.5, width: 1280, height: 720 });
  });
  it('keeps the screen’s aspect: a 4:3 projector gets a taller slide', () => {
    const box = slideBox(1024, 768);
    expect(box.zoom).toBeCloseTo(0.8);
    expect(box.width).toBeCloseTo(1280);
    expect(box.height).toBeCloseTo(960);
  });
  it('falls back to the design size for a screen of no size', () => {
    expect(slideBox(0, 0)).toEqual({ zoom: 1, width: 1280, height: 720 });
  });
});

describe('nextGraphZoom', () => {
  it('fills the room: the smaller of the two ratios for the folded cell', () => {
    expect(
      nextGraphZoom(1, { width: 800, height: 600 }, { width: 400, height: 400 }, false),
    ).toBeCloseTo(1.5);
  });
  it('counts only heights for a chain, which is as wide as its room, up to 1.6 ×', () => {
    expect(
      nextGraphZoom(1, { width: 800, height: 600 }, { width: 800, height: 400 }, true),
    ).toBeCloseTo(1.5);
    expect(
      nextGraphZoom(1, { width: 800, height: 600 }, { width: 800, height: 300 }, true),
    ).toBeCloseTo(CHAIN_ZOOM_MAX);
  });
  it('works from the current zoom (the sizes are measured at it)', () => {
    expect(
      nextGraphZoom(2, { width: 800, height: 600 }, { width: 400, height: 400 }, false),
    ).toBeCloseTo(3);
  });
  it('shrinks by any amount, so nothing is cut', () => {
    expect(nextGraphZoom(1, { width: 800, height: 495 }, { width: 800, height: 500 }, true)).toBe(
      0.99,
    );
  });
  it('is bounded, and ignores growing by under 2 %', () => {
    expect(nextGraphZoom(1, { width: 9000, height: 9000 }, { width: 10, height: 10 }, false)).toBe(
      GRAPH_ZOOM_MAX,
    );
    expect(nextGraphZoom(1, { width: 800, height: 505 }, { width: 800, height: 500 }, true)).toBe(
      1,
    );
    expect(nextGraphZoom(1, { width: 800, height: 500 }, { width: 0, height: 0 }, true)).toBe(1);
  });
});
