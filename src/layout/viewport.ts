// Pure arithmetic of the stage's viewport: how the zoom transform (screen = t + k · content)
// may move, which part of the chain is in view, where the current step must be panned to, and
// how the overview strip maps to the chain. No DOM: the d3-zoom glue calls these.

export interface View {
  /** Screen translation and scale: screenX = x + k · contentX. */
  x: number;
  y: number;
  k: number;
}

export interface Frame {
  /** Size of the viewport in px. */
  width: number;
  height: number;
  /** Left part of the viewport covered by the row labels: content may not hide under it at rest. */
  left: number;
  /** Size of the content at k = 1. */
  contentW: number;
  contentH: number;
}

const SLACK = 24;

/**
 * Keep the chain in view: it never leaves a gap at its start or its end while there is more of
 * it to see; when it is narrower than the viewport it starts right after the row labels.
 */
export function constrainView(v: View, f: Frame): View {
  const avail = f.width - f.left;
  const w = f.contentW * v.k;
  let x: number;
  if (w + SLACK <= avail) x = f.left;
  else x = Math.min(f.left, Math.max(f.width - w - SLACK, v.x));
  const h = f.contentH * v.k;
  let y: number;
  if (h <= f.height) y = 0;
  else y = Math.min(0, Math.max(f.height - h, v.y));
  return { x, y, k: v.k };
}

/** The content x range visible right of the row labels. */
export function visibleRange(v: View, f: Frame): [number, number] {
  return [(f.left - v.x) / v.k, (f.width - v.x) / v.k];
}

/**
 * Pan as little as needed so that the content range [x0, x1] is inside the view, with a margin.
 * When it must move, the range lands at `bias` of the free width (0 = left, 1 = right): a
 * cursor moving right wants room ahead of it, one moving left the same to its left.
 */
export function panToShow(
  v: View,
  f: Frame,
  x0: number,
  x1: number,
  margin = 48,
  bias = 0.35,
): View {
  const lo = f.left + margin;
  const hi = f.width - margin;
  const s0 = v.x + v.k * x0;
  const s1 = v.x + v.k * x1;
  if (s0 >= lo && s1 <= hi) return v;
  const span = s1 - s0;
  const free = Math.max(0, hi - lo - span);
  const target = lo + free * bias;
  return constrainView({ ...v, x: target - v.k * x0 }, f);
}

/** Centre the content x in the free part of the viewport. */
export function centerOn(v: View, f: Frame, cx: number): View {
  const mid = f.left + (f.width - f.left) / 2;
  return constrainView({ ...v, x: mid - v.k * cx }, f);
}

/** The scale at which the whole chain fits the free width. */
export function fitScale(f: Frame): number {
  return (f.width - f.left - SLACK) / Math.max(1, f.contentW);
}

/** Zoom by a factor about the centre of the free part of the viewport. */
export function zoomAbout(v: View, f: Frame, factor: number, kMin: number, kMax: number): View {
  const k = Math.max(kMin, Math.min(kMax, v.k * factor));
  const mid = f.left + (f.width - f.left) / 2;
  const cx = (mid - v.x) / v.k;
  return constrainView({ x: mid - k * cx, y: v.y, k }, f);
}

/** Linear map between content x and the overview strip [pad, width - pad]. */
export function overviewScale(contentW: number, width: number, pad = 4) {
  const inner = Math.max(1, width - 2 * pad);
  return {
    toOverview: (cx: number) => pad + (cx / Math.max(1, contentW)) * inner,
    toContent: (ox: number) => ((ox - pad) / inner) * Math.max(1, contentW),
  };
}

/**
 * Where a tooltip of size w x h goes beside a box [l, r] x [top, bottom] inside a stage of width
 * stageW: to the right if it fits, else to the left, else below the box, kept inside the stage.
 */
export function placeTip(
  box: { l: number; r: number; top: number; bottom: number },
  w: number,
  stageW: number,
  gap = 12,
): { left: number; top: number } {
  const top = Math.max(0, box.top - 6);
  if (box.r + gap + w <= stageW - 4) return { left: box.r + gap, top };
  if (box.l - gap - w >= 4) return { left: box.l - gap - w, top };
  const left = Math.max(4, Math.min(stageW - w - 4, (box.l + box.r) / 2 - w / 2));
  return { left, top: box.bottom + gap };
}
