import {
  constrainView,
  fitView,
  planFollow,
  zoomAbout,
  type Frame,
  type View,
} from '../../layout/viewport';
import { easeInOut, easeOut } from './motion';

// The stage's viewport as a plain object: it decides where the view goes (follow the cursor,
// stay inside the chain, fit, animate or jump) and runs the pans. It touches neither the DOM
// nor d3: it is handed a function that applies a view, one that reads the view on screen, a
// clock and the length of a transition, so it runs the same in a unit test and in the page.
// chainPanZoom.ts binds it to d3-zoom.

export interface Clock {
  now(): number;
  /** Calls back on the next frame; returns an id for cancel. */
  frame(cb: (now: number) => void): number;
  cancel(id: number): void;
}

export interface ViewportDeps {
  /** Puts a view on screen (at once). */
  apply(v: View): void;
  /** The view on screen now. */
  read(): View;
  clock: Clock;
  /** Length of a transition in ms (0 under reduced motion). */
  motionMs(): number;
}

export interface ViewportOptions {
  frame: Frame;
  kMin: number;
  kMax: number;
}

export interface SetViewportOptions {
  /** Pan over the theme's transition (default), or jump. */
  animate?: boolean;
}

export interface ViewportController {
  update(options: Partial<ViewportOptions>): void;
  getViewport(): View;
  /** Where the view is going: the end of the pan under way, else the view on screen. */
  heading(): View;
  /** True while a pan is under way. */
  busy(): boolean;
  setViewport(v: View, options?: SetViewportOptions): void;
  /** Keep the content range [x0, x1] (a step's column) on screen; see planFollow. */
  follow(x0: number, x1: number, options?: { margin?: number; bias?: number }): void;
  /** Zoom by a factor about the middle of the view, within [kMin, kMax]. */
  zoomBy(factor: number, options?: SetViewportOptions): void;
  /** Show all of the content as large as it fits (up to k = 1). */
  fitWhole(options?: SetViewportOptions): void;
  /** Stop a pan under way (the user took hold of the chain). */
  cancel(): void;
  destroy(): void;
}

const lerp = (a: View, b: View, e: number): View => ({
  x: a.x + (b.x - a.x) * e,
  y: a.y + (b.y - a.y) * e,
  k: a.k + (b.k - a.k) * e,
});

export function createViewportController(
  deps: ViewportDeps,
  initial: ViewportOptions,
): ViewportController {
  let opts = initial;
  let tween: { id: number; to: View } | null = null;

  const stop = () => {
    if (tween) deps.clock.cancel(tween.id);
    tween = null;
  };
  const clampK = (v: View): View => ({ ...v, k: Math.max(opts.kMin, Math.min(opts.kMax, v.k)) });

  const setViewport = (v: View, { animate = true }: SetViewportOptions = {}) => {
    const to = constrainView(v, opts.frame);
    // A pan that replaces one under way starts at full speed (ease out), not from rest.
    const interrupted = tween !== null;
    stop();
    const ms = animate ? deps.motionMs() : 0;
    const from = deps.read();
    if (ms <= 0 || (from.x === to.x && from.y === to.y && from.k === to.k)) {
      deps.apply(to);
      return;
    }
    const ease = interrupted ? easeOut : easeInOut;
    const t0 = deps.clock.now();
    const step = (now: number) => {
      const p = Math.min(1, Math.max(0, (now - t0) / ms));
      deps.apply(p >= 1 ? to : lerp(from, to, ease(p)));
      if (p < 1 && tween) tween.id = deps.clock.frame(step);
      else tween = null;
    };
    tween = { id: deps.clock.frame(step), to };
  };

  return {
    update(next) {
      opts = { ...opts, ...next };
      if (next.frame && !tween) {
        const v = deps.read();
        const c = constrainView(v, opts.frame);
        if (c.x !== v.x || c.y !== v.y) deps.apply(c);
      }
    },
    getViewport: () => deps.read(),
    heading: () => tween?.to ?? deps.read(),
    busy: () => tween !== null,
    setViewport: (v, o) => setViewport(clampK(v), o),
    follow(x0, x1, { margin = 48, bias = 0.35 } = {}) {
      const live = deps.read();
      const plan = planFollow(
        live,
        tween?.to ?? live,
        tween !== null,
        opts.frame,
        x0,
        x1,
        margin,
        bias,
      );
      if (plan.jump) {
        stop();
        deps.apply(constrainView(plan.jump, opts.frame));
      }
      if (plan.animate) setViewport(plan.animate);
    },
    zoomBy(factor, o) {
      setViewport(zoomAbout(tween?.to ?? deps.read(), opts.frame, factor, opts.kMin, opts.kMax), o);
    },
    fitWhole(o) {
      setViewport(fitView(opts.frame), o);
    },
    cancel: stop,
    destroy: stop,
  };
}
