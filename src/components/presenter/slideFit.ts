// Presenter mode scales the page as reveal.js scales its slides: the page is laid out in a box
// of a fixed design size (SLIDE_W × SLIDE_H, the aspect of the screen kept), then zoomed to
// fill the screen; inside it, the graph is zoomed again to fill the room the step leaves it.
// Pure sizes here; Presenter.tsx applies them.

/** The design size of the slide, in CSS px: every label is at least 24 px at zoom 1. */
export const SLIDE_W = 1280;
export const SLIDE_H = 720;

export interface SlideBox {
  /** The zoom of the whole slide. */
  zoom: number;
  /** The slide's size before the zoom (it fills the screen after it). */
  width: number;
  height: number;
}

/** The slide for a screen of vw × vh CSS px. */
export function slideBox(vw: number, vh: number): SlideBox {
  const zoom = Math.min(vw / SLIDE_W, vh / SLIDE_H);
  if (!(zoom > 0) || !Number.isFinite(zoom)) return { zoom: 1, width: SLIDE_W, height: SLIDE_H };
  return { zoom, width: vw / zoom, height: vh / zoom };
}

/** The graph's zoom bounds: never smaller than 60 %, never more than 3 × its natural size; a
 * chain at most 1.6 ×, or a short one would run off the side of its room. */
export const GRAPH_ZOOM_MIN = 0.6;
export const GRAPH_ZOOM_MAX = 3;
export const CHAIN_ZOOM_MAX = 1.6;

/**
 * The graph's next zoom, from its current one and what it measures on screen now: the room it
 * has (`room`) and the size its drawing takes (`drawn`), both at the current zoom. A chain
 * (`fillsWidth`) is as wide as the room at any zoom, so only the heights count. Growing by
 * under 2 % is ignored: the chain's geometry depends on its width, and a zoom that chased each
 * pixel up could swing back and forth; shrinking is never ignored.
 */
export function nextGraphZoom(
  current: number,
  room: { width: number; height: number },
  drawn: { width: number; height: number },
  fillsWidth: boolean,
): number {
  if (!(drawn.height > 0) || !(room.height > 0) || !(drawn.width > 0)) return current;
  const byHeight = room.height / drawn.height;
  const factor = fillsWidth ? byHeight : Math.min(byHeight, room.width / drawn.width);
  const max = fillsWidth ? CHAIN_ZOOM_MAX : GRAPH_ZOOM_MAX;
  const next = Math.max(GRAPH_ZOOM_MIN, Math.min(max, current * factor));
  // Too big is always put right (a pixel over would be cut); growing waits for 2 %.
  if (next < current) return current - next > 1e-4 ? next : current;
  return (next - current) / current < 0.02 ? current : next;
}
