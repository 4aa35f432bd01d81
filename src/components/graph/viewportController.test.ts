import { describe, expect, it } from 'vitest';
import { showsRange, type Frame, type View } from '../../layout/viewport';
import { createViewportController, type Clock } from './viewportController';

// The viewport's decisions, without React, d3 or a DOM: a fake clock steps the frames and the
// "screen" is a variable.

const frame: Frame = { width: 600, height: 300, left: 80, contentW: 150 * 64, contentH: 300 };
const col = (t: number): [number, number] => [t * 64, t * 64 + 64];

function setup(ms = 300) {
  let screen: View = { x: 80, y: 0, k: 1 };
  let now = 0;
  let queue: { id: number; cb: (t: number) => void }[] = [];
  let next = 1;
  const clock: Clock = {
    now: () => now,
    frame: (cb) => {
      queue.push({ id: next, cb });
      return next++;
    },
    cancel: (id) => {
      queue = queue.filter((q) => q.id !== id);
    },
  };
  const applied: View[] = [];
  const c = createViewportController(
    {
      apply: (v) => {
        screen = v;
        applied.push(v);
      },
      read: () => screen,
      clock,
      motionMs: () => ms,
    },
    { frame, kMin: 0.05, kMax: 2.5 },
  );
  /** Runs the frames due in `dt` ms, one every 16 ms. */
  const advance = (dt: number) => {
    const end = now + dt;
    while (now < end) {
      now = Math.min(end, now + 16);
      const due = queue;
      queue = [];
      for (const q of due) q.cb(now);
    }
  };
  return { c, advance, view: () => screen, applied, pending: () => queue.length };
}

describe('viewport controller', () => {
  it('animates a pan over the transition and ends on the target', () => {
    const s = setup();
    s.c.setViewport({ x: -1000, y: 0, k: 1 });
    expect(s.view().x).toBe(80); // nothing moves before the first frame
    expect(s.c.busy()).toBe(true);
    s.advance(150);
    expect(s.view().x).toBeLessThan(80);
    expect(s.view().x).toBeGreaterThan(-1000);
    s.advance(200);
    expect(s.view().x).toBe(-1000);
    expect(s.c.busy()).toBe(false);
    expect(s.pending()).toBe(0);
  });

  it('jumps when asked, or when motion is reduced', () => {
    const s = setup();
    s.c.setViewport({ x: -500, y: 0, k: 1 }, { animate: false });
    expect(s.view().x).toBe(-500);
    const r = setup(0);
    r.c.setViewport({ x: -500, y: 0, k: 1 });
    expect(r.view().x).toBe(-500);
    expect(r.pending()).toBe(0);
  });

  it('keeps the view inside the chain and the scale inside its limits', () => {
    const s = setup();
    s.c.setViewport({ x: 5000, y: 40, k: 9 }, { animate: false });
    expect(s.view()).toEqual({ x: 80, y: 0, k: 2.5 });
  });

  it('holding a key: every step is on screen at once, and the view ends at rest', () => {
    const s = setup();
    for (let t = 1; t <= 120; t++) {
      s.c.follow(...col(t));
      expect(showsRange(s.view(), frame, ...col(t))).toBe(true);
      s.advance(33); // 30 key repeats a second, faster than the 300 ms pan
      expect(showsRange(s.view(), frame, ...col(t))).toBe(true);
    }
    s.advance(400);
    expect(s.c.busy()).toBe(false);
    expect(showsRange(s.view(), frame, ...col(120))).toBe(true);
  });

  it('one step at a time: the view pans smoothly, in several frames', () => {
    const s = setup();
    let t = 1;
    while (!s.c.busy() && t < 20) s.c.follow(...col(t++));
    const before = s.applied.length;
    s.advance(400);
    expect(s.applied.length - before).toBeGreaterThan(5);
    expect(showsRange(s.view(), frame, ...col(t - 1))).toBe(true);
  });

  it('a far jump of the cursor lands at once, not after a pan across the chain', () => {
    const s = setup();
    s.c.follow(...col(140));
    expect(showsRange(s.view(), frame, ...col(140))).toBe(true);
  });

  it('fits the whole content and zooms within the limits', () => {
    const s = setup();
    s.c.fitWhole({ animate: false });
    expect(s.view().k).toBeCloseTo((600 - 80) / (150 * 64));
    s.c.zoomBy(1000, { animate: false });
    expect(s.view().k).toBe(2.5);
  });

  it('stops a pan when the user takes hold, and on destroy', () => {
    const s = setup();
    s.c.setViewport({ x: -1000, y: 0, k: 1 });
    s.advance(50);
    s.c.cancel();
    const x = s.view().x;
    s.advance(500);
    expect(s.view().x).toBe(x);
    s.c.setViewport({ x: -2000, y: 0, k: 1 });
    s.c.destroy();
    expect(s.pending()).toBe(0);
  });

  it('re-applies the limits when the frame changes', () => {
    const s = setup();
    s.c.setViewport({ x: -9000, y: 0, k: 1 }, { animate: false });
    s.c.update({ frame: { ...frame, contentW: 400 } });
    expect(s.view().x).toBe(80);
  });
});
