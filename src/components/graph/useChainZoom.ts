import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import { constrainView, type Frame, type View } from '../../layout/viewport';
import { easeInOut, motionMs } from './motion';

// d3-zoom gets the stage's element through a ref, one mount effect and its cleanup; it only reports the
// transform, which React state holds and React applies (d3 never touches the DOM React owns).
// d3-zoom handles the mouse drag; the wheel (Ctrl / ⌘ + wheel or a trackpad pinch zooms, a
// horizontal swipe or Shift + wheel pans, a plain vertical wheel is left to the page) and a
// one-finger horizontal drag are handled here. Why not d3-zoom's own wheel and touch
// listeners: a blocking wheel or touch listener on the chain makes the browser record a hit
// region for each of its thousands of SVG elements, which costs every frame several ms.

const toZoom = (v: View) => zoomIdentity.translate(v.x, v.y).scale(v.k);

export interface ChainZoom {
  view: View;
  /** The transform now (also mid-animation), read from d3-zoom. */
  current: () => View;
  /** Go to a view, animated over --dur unless motion is reduced. */
  animateTo: (v: View) => void;
  setScaleExtent: (kMin: number, kMax: number) => void;
}

export function useChainZoom(
  elRef: RefObject<HTMLDivElement | null>,
  enabled: boolean,
  frame: Frame,
  initial: () => View,
): ChainZoom {
  const [view, setView] = useState<View>(() => ({ x: frame.left, y: 0, k: 1 }));
  const frameRef = useRef(frame);
  const initialRef = useRef(initial);
  const zoomRef = useRef<ZoomBehavior<HTMLDivElement, unknown> | null>(null);
  const tween = useRef(0);

  useEffect(() => {
    frameRef.current = frame;
    initialRef.current = initial;
  });

  useEffect(() => {
    const el = elRef.current;
    if (!enabled || !el) return;
    const sel = select(el);
    const z = zoom<HTMLDivElement, unknown>()
      .scaleExtent([0.1, 2.5])
      // The viewport's size as React already knows it: d3's default reads clientWidth, which
      // forces a layout in every frame of a pan animation.
      .extent(() => [
        [0, 0],
        [frameRef.current.width, frameRef.current.height],
      ])
      .constrain((t) => toZoom(constrainView({ x: t.x, y: t.y, k: t.k }, frameRef.current)))
      .touchable(false)
      .filter((ev: Event) => {
        const m = ev as MouseEvent;
        return ev.type !== 'wheel' && !m.button && !m.ctrlKey;
      })
      .on('start', (ev) => {
        // The user grabbed the chain: a running pan animation yields to them.
        if (ev.sourceEvent) cancelAnimationFrame(tween.current);
      })
      .on('zoom', (ev) => setView({ x: ev.transform.x, y: ev.transform.y, k: ev.transform.k }));
    sel.call(z).on('wheel.zoom', null).on('dblclick.zoom', null);

    // The wheel, listened to on the window (one region for the page, not one per element).
    const onWheel = (ev: WheelEvent) => {
      if (!(ev.target instanceof Node) || !el.contains(ev.target)) return;
      const unit = ev.deltaMode === 1 ? 0.05 : ev.deltaMode ? 1 : 0.002;
      if (ev.ctrlKey || ev.metaKey) {
        ev.preventDefault();
        cancelAnimationFrame(tween.current);
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
      cancelAnimationFrame(tween.current);
      z.translateBy(sel, -(dx * (ev.deltaMode === 1 ? 16 : 1)) / zoomTransform(el).k, 0);
    };
    window.addEventListener('wheel', onWheel, { passive: false });

    // One finger drags the chain sideways (touch-action: pan-y leaves vertical swipes to the page).
    let touchX: number | null = null;
    const onDown = (ev: PointerEvent) => {
      if (ev.pointerType === 'mouse') return;
      touchX = ev.clientX;
      cancelAnimationFrame(tween.current);
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
    zoomRef.current = z;
    z.transform(sel, toZoom(constrainView(initialRef.current(), frameRef.current)));
    return () => {
      cancelAnimationFrame(tween.current);
      sel.on('.zoom', null);
      window.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      zoomRef.current = null;
    };
  }, [enabled, elRef]);

  // A new size of the viewport or of the chain: re-apply the limits to the transform.
  const { width, height, left, contentW, contentH } = frame;
  useEffect(() => {
    const el = elRef.current;
    const z = zoomRef.current;
    if (!el || !z) return;
    const t = zoomTransform(el);
    const v = constrainView(
      { x: t.x, y: t.y, k: t.k },
      { width, height, left, contentW, contentH },
    );
    if (v.x !== t.x || v.y !== t.y) z.transform(select(el), toZoom(v));
  }, [elRef, width, height, left, contentW, contentH]);

  const current = useCallback((): View => {
    const el = elRef.current;
    if (!el) return { x: frameRef.current.left, y: 0, k: 1 };
    const t = zoomTransform(el);
    return { x: t.x, y: t.y, k: t.k };
  }, [elRef]);

  const animateTo = useCallback(
    (target: View) => {
      const el = elRef.current;
      const z = zoomRef.current;
      if (!el || !z) return;
      cancelAnimationFrame(tween.current);
      const sel = select(el);
      const ms = motionMs();
      const from = zoomTransform(el);
      if (ms <= 0) {
        z.transform(sel, toZoom(target));
        return;
      }
      const t0 = performance.now();
      const step = (now: number) => {
        const e = easeInOut(Math.min(1, (now - t0) / ms));
        z.transform(
          sel,
          toZoom({
            x: from.x + (target.x - from.x) * e,
            y: from.y + (target.y - from.y) * e,
            k: from.k + (target.k - from.k) * e,
          }),
        );
        if (e < 1) tween.current = requestAnimationFrame(step);
      };
      tween.current = requestAnimationFrame(step);
    },
    [elRef],
  );

  const setScaleExtent = useCallback((kMin: number, kMax: number) => {
    zoomRef.current?.scaleExtent([kMin, kMax]);
  }, []);

  return { view, current, animateTo, setScaleExtent };
}
