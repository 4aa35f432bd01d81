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
  /** Content smaller than the viewport is centred (the wrapped whole) rather than set left. */
  center?: boolean;
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
  if (w + SLACK <= avail) x = f.center ? f.left + (avail - w) / 2 : f.left;
  else x = Math.min(f.left, Math.max(f.width - w - SLACK, v.x));
  const h = f.contentH * v.k;
  let y: number;
  if (h <= f.height) y = f.center ? (f.height - h) / 2 : 0;
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

/** Is the content range [x0, x1] entirely on screen, right of the row labels? */
export function showsRange(v: View, f: Frame, x0: number, x1: number): boolean {
  return v.x + v.k * x0 >= f.left - 0.5 && v.x + v.k * x1 <= f.width + 0.5;
}

/** The smallest pan that puts the content range [x0, x1] entirely on screen. */
export function nudgeToShow(v: View, f: Frame, x0: number, x1: number): View {
  if (showsRange(v, f, x0, x1)) return v;
  return panToShow(v, f, x0, x1, 0, v.x + v.k * x0 < f.left ? 0 : 1);
}

const sameView = (a: View, b: View) =>
  Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.k - b.k) < 1e-6;

/** What to do so that a step's column stays in view: jump at once, then (or else) pan smoothly. */
export interface FollowPlan {
  jump: View | null;
  animate: View | null;
}

/**
 * Keep the current step's column [x0, x1] in view as the cursor moves. `live` is the view on
 * screen now; `heading` the end of the pan under way (`live` when none is); `busy` says a pan is
 * under way, i.e. the steps come faster than it. The column is never left off screen, not even
 * for one frame: if it is not entirely on screen now, the view jumps — all the way when busy (a
 * held key), else only as far as needed, and the pan to its resting place follows.
 */
export function planFollow(
  live: View,
  heading: View,
  busy: boolean,
  f: Frame,
  x0: number,
  x1: number,
  margin = 48,
  bias = 0.35,
): FollowPlan {
  const target = panToShow(heading, f, x0, x1, margin, bias);
  const moves = !sameView(target, heading);
  if (showsRange(live, f, x0, x1)) return { jump: null, animate: moves ? target : null };
  if (busy) return { jump: target, animate: null };
  const near = nudgeToShow(live, f, x0, x1);
  return { jump: near, animate: sameView(target, near) ? null : target };
}

/** The view that shows all of the content, as large as fits (centred when `f.center`). */
export function fitView(f: Frame, kMax = 1): View {
  const k = Math.min(
    kMax,
    (f.width - f.left) / Math.max(1, f.contentW),
    f.height / Math.max(1, f.contentH),
  );
  return constrainView({ x: f.left, y: 0, k }, f);
}

/**
 * The whole chain at once, wrapped into rows like a paragraph so that it fills the stage
 * instead of shrinking to a thin strip. The chain comes in spans (its chunks of columns, in
 * order, each [x0, x1] in content px); a row holds `perRow` of them. Picks the number of rows that
 * gives the largest scale k at which every row fits the width and all rows the height.
 */
export interface Wrap {
  k: number;
  rows: number;
  perRow: number;
  /** Size of the wrapped content at k = 1. */
  width: number;
  height: number;
  /** Offset of each span from its place in the strip. */
  shift: { dx: number; dy: number }[];
}

export function wrapToFit(
  spans: [number, number][],
  rowH: number,
  stageW: number,
  stageH: number,
  gap = 24,
): Wrap {
  const n = spans.length;
  let best = { k: 0, rows: 1, perRow: Math.max(1, n), width: 1, height: rowH };
  for (let rows = 1; rows <= Math.max(1, n); rows++) {
    const perRow = Math.ceil(n / rows);
    if (n > 0 && (rows - 1) * perRow >= n) continue; // the last row would be empty
    let width = 1;
    for (let r = 0; r < rows; r++) {
      const a = spans[r * perRow];
      const b = spans[Math.min(n, (r + 1) * perRow) - 1];
      if (a && b) width = Math.max(width, b[1] - a[0]);
    }
    const height = rows * rowH + (rows - 1) * gap;
    const k = Math.min(stageW / width, stageH / height);
    if (k > best.k) best = { k, rows, perRow, width, height };
  }
  const x0 = spans[0]?.[0] ?? 0;
  const shift = spans.map((_, i) => {
    const r = Math.floor(i / best.perRow);
    return { dx: x0 - spans[r * best.perRow][0], dy: r * (rowH + gap) };
  });
  return { ...best, shift };
}

/**
 * The columns to draw in full: those in view and a screen's width either side, rounded out to
 * whole chunks (a long chain paints a few thousand cells, not all of them).
 */
export function detailRange(v: View, f: Frame, colW: number, chunk: number): [number, number] {
  const [a, b] = visibleRange(v, f);
  const perScreen = Math.ceil((f.width - f.left) / (colW * v.k));
  return [
    Math.floor((a / colW - perScreen) / chunk) * chunk,
    Math.ceil((b / colW + perScreen) / chunk) * chunk,
  ];
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
