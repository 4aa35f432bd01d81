import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform } from 'd3-zoom';
import { constrainView, type View } from '../../layout/viewport';
import { motionMs } from './motion';
import {
  createViewportController,
  type ViewportController,
  type ViewportOptions,
} from './viewportController';

// The chain's pan and zoom, bound to its element: created with the element and options, then
// update(options), setViewport(view, { animate }), follow, zoomBy, fitWhole and destroy(), as
// xyflow's XYPanZoom is. No React: useChainZoom.ts wraps it. d3-zoom only reports the
// transform (onChange); React applies it (d3 never touches the DOM React owns). The decisions
// are in viewportController.ts, which is unit-tested without a DOM.
//
// d3-zoom handles the mouse drag; the wheel (Ctrl / ⌘ + wheel or a trackpad pinch zooms, a
// horizontal swipe or Shift + wheel pans, a plain vertical wheel is left to the page) and a
// one-finger horizontal drag are handled here. Why not d3-zoom's own wheel and touch
// listeners: a blocking wheel or touch listener on the chain makes the browser record a hit
// region for each of its thousands of SVG elements, which costs every frame several ms.

const toZoom = (v: View) => zoomIdentity.translate(v.x, v.y).scale(v.k);

export interface ChainPanZoomOptions extends ViewportOptions {
  /** Called with every new transform, from a gesture or a pan. */
  onChange: (v: View) => void;
}

export type ChainPanZoom = ViewportController;

export function createChainPanZoom(
  el: HTMLDivElement,
  options: ChainPanZoomOptions,
  initial: View,
): ChainPanZoom {
  let opts = options;
  const sel = select(el);
  const z = zoom<HTMLDivElement, unknown>()
    .scaleExtent([opts.kMin, opts.kMax])
    // The viewport's size as React already knows it: d3's default reads clientWidth, which
    // forces a layout in every frame of a pan animation.
    .extent(() => [
      [0, 0],
      [opts.frame.width, opts.frame.height],
    ])
    .constrain((t) => toZoom(constrainView({ x: t.x, y: t.y, k: t.k }, opts.frame)))
    .touchable(false)
    .filter((ev: Event) => {
      const m = ev as MouseEvent;
      return ev.type !== 'wheel' && !m.button && !m.ctrlKey;
    })
    .on('start', (ev) => {
      // The user grabbed the chain: a running pan yields to them.
      if (ev.sourceEvent) controller.cancel();
    })
    .on('zoom', (ev) => opts.onChange({ x: ev.transform.x, y: ev.transform.y, k: ev.transform.k }));

  const controller = createViewportController(
    {
      apply: (v) => z.transform(sel, toZoom(v)),
      read: () => {
        const t = zoomTransform(el);
        return { x: t.x, y: t.y, k: t.k };
      },
      clock: {
        now: () => performance.now(),
        frame: (cb) => requestAnimationFrame(cb),
        cancel: (id) => cancelAnimationFrame(id),
      },
      motionMs,
    },
    opts,
  );

  sel.call(z).on('wheel.zoom', null).on('dblclick.zoom', null);

  // The wheel, listened to on the window (one region for the page, not one per element).
  const onWheel = (ev: WheelEvent) => {
    if (!(ev.target instanceof Node) || !el.contains(ev.target)) return;
    const unit = ev.deltaMode === 1 ? 0.05 : ev.deltaMode ? 1 : 0.002;
    if (ev.ctrlKey || ev.metaKey) {
      ev.preventDefault();
      controller.cancel();
      const r = el.getBoundingClientRect();
      // A trackpad pinch sends small deltas (with ctrlKey); a mouse wheel notch sends ~100.
      const gain = Math.abs(ev.deltaY * unit) < 0.1 ? 10 : 1;
      z.scaleBy(sel, Math.pow(2, -ev.deltaY * unit * gain), [
        ev.clientX - r.left,
        ev.clientY - r.top,
      ]);
      return;
    }
    const dx = ev.shiftKey && !ev.deltaX ? ev.deltaY : ev.deltaX;
    if (!ev.shiftKey && Math.abs(ev.deltaX) <= Math.abs(ev.deltaY)) return;
    ev.preventDefault();
    controller.cancel();
    z.translateBy(sel, -(dx * (ev.deltaMode === 1 ? 16 : 1)) / zoomTransform(el).k, 0);
  };
  window.addEventListener('wheel', onWheel, { passive: false });

  // One finger drags the chain sideways (touch-action: pan-y leaves vertical swipes to the page).
  let touchX: number | null = null;
  const onDown = (ev: PointerEvent) => {
    if (ev.pointerType === 'mouse') return;
    touchX = ev.clientX;
    controller.cancel();
  };
  const onMove = (ev: PointerEvent) => {
    if (touchX === null || ev.pointerType === 'mouse') return;
    const dx = ev.clientX - touchX;
    touchX = ev.clientX;
    z.translateBy(sel, dx / zoomTransform(el).k, 0);
  };
  const onUp = () => {
    touchX = null;
  };
  el.addEventListener('pointerdown', onDown);
  el.addEventListener('pointermove', onMove);
  el.addEventListener('pointerup', onUp);
  el.addEventListener('pointercancel', onUp);

  controller.setViewport(initial, { animate: false });

  return {
    ...controller,
    update(next) {
      opts = { ...opts, ...next };
      z.scaleExtent([opts.kMin, opts.kMax]);
      controller.update(next);
    },
    destroy() {
      controller.destroy();
      sel.on('.zoom', null);
      window.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
    },
  };
}
