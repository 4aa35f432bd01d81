import { CELLS, DEFAULT_CELL, type CellName, type EdgeWeight } from '../core/model';
import { curveBasis, line } from 'd3-shape';

// Pure geometry of the folded cell and of the unrolled chain. No React, no DOM: given the sizes
// of the network (T steps, H hidden units, K outputs, D inputs) these functions return where
// every node, edge and label goes, in content coordinates (px at zoom 1). The components draw
// exactly these boxes and paths; d3-zoom only moves the whole picture.
//
// One column per time step, read bottom-up as the textbook draws it:
//
//     t = 3              header
//     ŷ e ✓ / y l        prediction and target under the loss
//     L_t                one cell (and its value)
//     o_t | ŷ_t          output logits and, for cross-entropy, the probabilities
//        ▲ V
//     s_t | ∂L/∂a_t      hidden state and, once known, its gradient
//        ▲ U
//     x_t                input
//     'h'                the input symbol
//
// s_{t-1} → s_t is the W edge, horizontal between columns. The main strip of every node sits on
// the column's axis cx; the second strip (ŷ, ∂L/∂a) hangs to its right, so the gradient
// "from the output now" runs down from ŷ_t to ∂L/∂a_t, beside the forward V edge.

// A gated cell adds, per column, its gates as small strips between x_t and s_t (left of the U
// edge), and an LSTM its cell state m_t one row above s_t, left of the V edge: the "highway"
// m_{t-1} → m_t runs across the chain above the W edge, and the gradient along it runs back
// below its forward line, as the gradient from the future does under W.

export type NodeKind = 'x' | 's' | 'o' | 'L' | 'm';
/** The weights drawn as edges, from the model's declaration. */
export type WeightKind = EdgeWeight;
/**
 * output: V^T ∂L/∂o_t into s_t; future: from step t+1 into s_t (through W and a_{t+1}); cell:
 * ∂L/∂m_{t+1} ⊙ f_{t+1} into m_t; kept: leaky units' κ ⊙ ∂L/∂s_{t+1} into s_t.
 */
export type GradKind = 'output' | 'future' | 'cell' | 'kept';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One vertical strip of n colour cells, each w wide and cellH tall, from (x, y) down. */
export interface Strip {
  x: number;
  y: number;
  w: number;
  cellH: number;
  n: number;
}

export interface LayoutNode extends Box {
  id: string;
  kind: NodeKind;
  t: number;
  /** The main strip (x, s, o or the L cell). */
  main: Strip;
  /** The second strip: ŷ beside o (cross-entropy), ∂L/∂a_t (∂L/∂s_0 for s_0) beside s. */
  side: Strip | null;
}

export interface LabelPos {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface LayoutEdge {
  id: string;
  weight: WeightKind;
  /** The step the edge feeds: U and W feed a_t, V feeds o_t. */
  t: number;
  /** The line, stopping where its arrowhead starts. */
  path: string;
  /** The arrowhead, a closed triangle (drawn as a path, not an SVG marker: markers cost a
   * compositing node each, which a chain of 200 steps cannot afford). */
  head: string;
  label: LabelPos;
}

export interface Connector {
  id: string;
  t: number;
  path: string;
  head: string;
  /** A cell's own path (drawn with the column's side connectors). */
  side?: true;
  /** A symbol written beside it (leaky units' κ). */
  label?: LabelPos & { text: string };
}

export interface GradEdge {
  id: string;
  kind: GradKind;
  /** The state s_t the term arrives at (0 for the arrow into s_0). */
  t: number;
  /** Straight from where the term leaves to where it arrives; see gradArrow for the drawing. */
  from: [number, number];
  to: [number, number];
}

/** Vertical positions shared by every column (and by the folded cell). */
export interface Rows {
  /** Baselines of the text rows. */
  header: number;
  pred: number;
  target: number;
  char: number;
  /** Tops and heights of the node rows. */
  lossTop: number;
  lossH: number;
  oTop: number;
  oH: number;
  sTop: number;
  sH: number;
  xTop: number;
  xH: number;
  /** Where the W edge (above) and the gradient from the future (below) cross between states. */
  wY: number;
  futureY: number;
  height: number;
  /** An LSTM's cell-state row (mH = 0 otherwise), its forward line and its gradient's line. */
  mTop: number;
  mH: number;
  mY: number;
  mGradY: number;
  /** A gated cell's row of gate strips (gH = 0 otherwise). */
  gTop: number;
  gH: number;
  /** Leaky units: the kept share's line under the states, and its gradient's (0 otherwise). */
  keptY: number;
  keptGradY: number;
}

/** One step's gates: a strip per gate, in the order of the cell's declaration. */
export interface GateStrips {
  id: string;
  t: number;
  names: readonly string[];
  strips: Strip[];
}

export interface Column {
  t: number;
  /** The axis of the column. */
  cx: number;
  x0: number;
  x1: number;
}

export interface GraphGeometry {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  gradEdges: GradEdge[];
  /** o_t → L_t: not a weight, a plain connector. */
  /** Lines that are not weights: o_t → L_t, an LSTM's m (side), leaky units' kept share (side). */
  connectors: Connector[];
  columns: Column[];
  rows: Rows;
  width: number;
  height: number;
  /** A gated cell's gate strips, one entry per step (empty for the vanilla cell). */
  gates: GateStrips[];
}

export interface LayoutOptions {
  /** Distance between the axes of two steps. */
  colW?: number;
  /** Width of one strip. */
  cellW?: number;
  /** Gap between the two strips of a node. */
  gap?: number;
  /** Tallest a strip may be: cells shrink when a vector is long. */
  stripMax?: number;
  cellMax?: number;
  cellMin?: number;
  /** Draw ŷ beside o (cross-entropy; under squared error ŷ = o). */
  probStrip?: boolean;
  /** Grow columns and cells together (a short chain may use a roomy stage); text stays. */
  scale?: number;
  /** The cell: a gated one adds its gate strips, an LSTM its cell-state row. */
  cell?: CellName;
}

export const DEFAULTS: Required<LayoutOptions> = {
  colW: 64,
  cellW: 11,
  gap: 3,
  stripMax: 96,
  cellMax: 12,
  cellMin: 1.5,
  probStrip: true,
  scale: 1,
  cell: DEFAULT_CELL,
};

/** The options with defaults filled in and the scale applied to the sizes. */
function resolve(opts: LayoutOptions): Required<LayoutOptions> {
  const o = { ...DEFAULTS, ...opts };
  // An LSTM's column holds m_t and ∂L/∂m_t left of the V edge: it needs the room.
  // A cell state's row sits beside the state: wider columns.
  if (CELLS[o.cell].cellState && opts.colW === undefined) o.colW = 88;
  const k = o.scale > 0 && Number.isFinite(o.scale) ? o.scale : 1;
  if (k === 1) return o;
  return {
    ...o,
    colW: Math.round(o.colW * k),
    cellW: Math.round(o.cellW * k),
    stripMax: Math.round(o.stripMax * k),
    cellMax: Math.round(o.cellMax * k),
    scale: 1,
  };
}

const PAD = 8;
/** Vertical room for a weight edge between two node rows. */
const EDGE_GAP = 36;
/** Clearance between an arrowhead and the box it points at. */
const ARROW_GAP = 2.5;

/** The height of one cell of a strip of n cells: as tall as allowed, but never too tall a strip. */
export function cellHeight(n: number, o: Required<LayoutOptions> = DEFAULTS): number {
  if (n <= 0) return o.cellMax;
  return Math.max(o.cellMin, Math.min(o.cellMax, o.stripMax / n));
}

export function rowsFor(H: number, K: number, D: number, opts: LayoutOptions = {}): Rows {
  const o = resolve(opts);
  const header = PAD + 10;
  const pred = header + 19;
  const target = pred + 15;
  const lossTop = target + 9;
  const lossH = o.cellMax;
  const oTop = lossTop + lossH + 22;
  const oH = K * cellHeight(K, o);
  const lstm = CELLS[o.cell].cellState !== null;
  const gated = CELLS[o.cell].gates.length > 0;
  // The LSTM's m row sits between o and s: o ← V crosses it beside m.
  const mTop = lstm ? oTop + oH + EDGE_GAP : 0;
  const mH = lstm ? H * cellHeight(H, o) : 0;
  const sTop = lstm ? mTop + mH + 26 : oTop + oH + EDGE_GAP;
  const sH = H * cellHeight(H, o);
  // A gated cell's gates sit between s and x, in the room the U edge crosses.
  const gTop = gated ? sTop + sH + 14 : 0;
  const gH = gated ? sH * 0.8 : 0;
  // Leaky units' kept share runs under the states, from s_{t-1} to s_t: a little more room.
  const leaky = CELLS[o.cell].keep;
  const xTop = gated ? gTop + gH + 24 : sTop + sH + EDGE_GAP + (leaky ? 8 : 0);
  const xH = D * cellHeight(D, o);
  const char = xTop + xH + 15;
  const sMid = sTop + sH / 2;
  const mMid = mTop + mH / 2;
  return {
    mTop,
    mH,
    mY: mMid - 5,
    mGradY: mMid + 5,
    gTop,
    gH,
    header,
    pred,
    target,
    char,
    lossTop,
    lossH,
    oTop,
    oH,
    sTop,
    sH,
    xTop,
    xH,
    wY: sMid - 5,
    futureY: sMid + 5,
    keptY: leaky ? sTop + sH + 11 : 0,
    keptGradY: leaky ? sTop + sH + 20 : 0,
    height: char + PAD + 2,
  };
}

const segment = line<[number, number]>();
const loopCurve = line<[number, number]>().curve(curveBasis);

type Pt = [number, number];

/** A triangle with its apex at tip, pointing along the unit vector (dx, dy). */
export function arrowHead(tip: Pt, dx: number, dy: number, len: number, width: number): string {
  const bx = tip[0] - dx * len;
  const by = tip[1] - dy * len;
  const px = (-dy * width) / 2;
  const py = (dx * width) / 2;
  return segment([tip, [bx + px, by + py], [bx - px, by - py]])! + 'Z';
}

/** A line through points (straight, or a smooth curve), ending in an arrowhead at the last. */
export function arrow(
  points: Pt[],
  len = 7,
  width = 7,
  curved = false,
): { path: string; head: string } {
  const tip = points[points.length - 1];
  const prev = points[points.length - 2];
  const d = Math.hypot(tip[0] - prev[0], tip[1] - prev[1]) || 1;
  const dx = (tip[0] - prev[0]) / d;
  const dy = (tip[1] - prev[1]) / d;
  // The line stops inside the head (not at its apex), so a thick stroke never shows past it.
  const end: Pt = [tip[0] - dx * len * 0.6, tip[1] - dy * len * 0.6];
  const pts = [...points.slice(0, -1), end];
  return {
    path: (curved ? loopCurve(pts) : segment(pts))!,
    head: arrowHead(tip, dx, dy, len, width),
  };
}

/** A gradient arrow of a given stroke width: the head grows with the line. */
export function gradArrow(e: GradEdge, strokeWidth: number): { path: string; head: string } {
  return arrow([e.from, e.to], 4 + 1.6 * strokeWidth, 4 + 2 * strokeWidth);
}

function straight(x0: number, y0: number, x1: number, y1: number) {
  return arrow([
    [x0, y0],
    [x1, y1],
  ]);
}

/** The nodes of one column on the axis cx (s only for t = 0). */
function columnNodes(
  t: number,
  cx: number,
  rows: Rows,
  H: number,
  K: number,
  D: number,
  o: Required<LayoutOptions>,
): LayoutNode[] {
  const w = o.cellW;
  const left = cx - w / 2;
  const sideX = left + w + o.gap;
  const sStrip: Strip = { x: left, y: rows.sTop, w, cellH: cellHeight(H, o), n: H };
  const sSide: Strip = { ...sStrip, x: sideX };
  const s: LayoutNode = {
    id: `s${t}`,
    kind: 's',
    t,
    x: left,
    y: rows.sTop,
    w: 2 * w + o.gap,
    h: rows.sH,
    main: sStrip,
    side: sSide,
  };
  // An LSTM's m_t (and ∂L/∂m_t beside it) left of the axis, clear of the V edge on the axis.
  const mNodes: LayoutNode[] = [];
  if (CELLS[o.cell].cellState) {
    const mStrip: Strip = {
      x: left - 2 * w - 2 * o.gap - 4,
      y: rows.mTop,
      w,
      cellH: sStrip.cellH,
      n: H,
    };
    mNodes.push({
      id: `m${t}`,
      kind: 'm',
      t,
      x: mStrip.x,
      y: rows.mTop,
      w: 2 * w + o.gap,
      h: rows.mH,
      main: mStrip,
      side: { ...mStrip, x: mStrip.x + w + o.gap },
    });
  }
  if (t === 0) return [s, ...mNodes];
  const xStrip: Strip = { x: left, y: rows.xTop, w, cellH: cellHeight(D, o), n: D };
  const oStrip: Strip = { x: left, y: rows.oTop, w, cellH: cellHeight(K, o), n: K };
  const lCell: Strip = {
    x: cx - rows.lossH / 2,
    y: rows.lossTop,
    w: rows.lossH,
    cellH: rows.lossH,
    n: 1,
  };
  return [
    { id: `x${t}`, kind: 'x', t, x: left, y: rows.xTop, w, h: rows.xH, main: xStrip, side: null },
    s,
    ...mNodes,
    {
      id: `o${t}`,
      kind: 'o',
      t,
      x: left,
      y: rows.oTop,
      w: o.probStrip ? 2 * w + o.gap : w,
      h: rows.oH,
      main: oStrip,
      side: o.probStrip ? { ...oStrip, x: sideX } : null,
    },
    {
      id: `L${t}`,
      kind: 'L',
      t,
      x: lCell.x,
      y: lCell.y,
      w: lCell.w,
      h: lCell.w,
      main: lCell,
      side: null,
    },
  ];
}

/** The vertical edges of a column: U (x_t → s_t), V (s_t → o_t), and o_t → L_t. */
function verticalEdges(t: number, cx: number, rows: Rows) {
  // Beside an LSTM's m row the V label moves up, between m and o.
  const vLabelY = rows.mH > 0 ? (rows.oTop + rows.oH + rows.mTop) / 2 + 4 : null;
  const uY0 = rows.xTop - ARROW_GAP;
  const uY1 = rows.sTop + rows.sH + ARROW_GAP;
  const vY0 = rows.sTop - ARROW_GAP;
  const vY1 = rows.oTop + rows.oH + ARROW_GAP;
  const U: LayoutEdge = {
    id: `U${t}`,
    weight: 'U',
    t,
    ...straight(cx, uY0, cx, uY1),
    label: { x: cx + 7, y: (uY0 + uY1) / 2 + 4, anchor: 'start' },
  };
  const V: LayoutEdge = {
    id: `V${t}`,
    weight: 'V',
    t,
    ...straight(cx, vY0, cx, vY1),
    label: { x: cx - 7, y: vLabelY ?? (vY0 + vY1) / 2 + 4, anchor: 'end' },
  };
  const connector = {
    id: `oL${t}`,
    t,
    ...arrow(
      [
        [cx, rows.oTop - ARROW_GAP],
        [cx, rows.lossTop + rows.lossH + ARROW_GAP],
      ],
      5,
      5,
    ),
  };
  return { U, V, connector };
}

/** The gradient from the output now: from ŷ_t / o_t down to the gradient strip of s_t. */
function outputGrad(t: number, node: LayoutNode, rows: Rows): GradEdge {
  const x = node.side ? node.side.x + node.side.w / 2 : node.x + node.w / 2;
  return {
    id: `gout${t}`,
    kind: 'output',
    t,
    from: [x, rows.oTop + rows.oH + ARROW_GAP],
    to: [x, rows.sTop - ARROW_GAP],
  };
}

/** A gated cell's gate strips of step t, right-aligned just left of the U edge on the axis. */
function gateStrips(t: number, cx: number, rows: Rows, H: number, o: Required<LayoutOptions>) {
  const names = CELLS[o.cell].gates.map((g) => g.name);
  const gw = Math.max(3, Math.round(o.cellW * 0.4));
  const x0 = cx - 4 - names.length * (gw + 1);
  return {
    id: `g${t}`,
    t,
    names,
    strips: names.map((_, i) => ({
      x: x0 + i * (gw + 1),
      y: rows.gTop,
      w: gw,
      cellH: rows.gH / H,
      n: H,
    })),
  };
}

/** An LSTM's cell-state pieces between steps t-1 and t: the highway, m_t → s_t, the gradient. */
function cellStateEdges(t: number, prevM: LayoutNode, m: LayoutNode, s: LayoutNode, rows: Rows) {
  const x0 = prevM.x + prevM.w + ARROW_GAP;
  const x1 = m.x - ARROW_GAP;
  const highway = { id: `mm${t}`, t, side: true as const, ...straight(x0, rows.mY, x1, rows.mY) };
  // s_t = q_t ⊙ tanh(m_t): from under m_t down to s_t.
  const toS = {
    id: `ms${t}`,
    t,
    side: true as const,
    ...arrow(
      [
        [m.x + m.w / 2, rows.mTop + rows.mH + ARROW_GAP],
        [s.x - 1, rows.sTop - ARROW_GAP],
      ],
      5,
      5,
    ),
  };
  const grad: GradEdge = {
    id: `gcell${t - 1}`,
    kind: 'cell',
    t: t - 1,
    from: [x1, rows.mGradY],
    to: [x0, rows.mGradY],
  };
  return { highway, toS, grad };
}

/**
 * Leaky units' kept share between steps t-1 and t: κ ⊙ s_{t-1} from under s_{t-1} to under s_t,
 * and its gradient κ ⊙ ∂L/∂s_t back along the line below it.
 */
function keptEdges(t: number, prevS: LayoutNode, s: LayoutNode, rows: Rows) {
  const x0 = prevS.x + prevS.w;
  const x1 = s.x;
  const bottom = rows.sTop + rows.sH;
  const path: Connector = {
    id: `kk${t}`,
    t,
    side: true,
    label: { x: (x0 + x1) / 2, y: rows.keptY - 3, anchor: 'middle', text: 'κ' },
    ...arrow(
      [
        [x0 - 2, bottom + ARROW_GAP],
        [x0 + 8, rows.keptY],
        [x1 - 10, rows.keptY],
        [x1 + 1, bottom + ARROW_GAP],
      ],
      5,
      5,
    ),
  };
  const grad: GradEdge = {
    id: `gkept${t - 1}`,
    kind: 'kept',
    t: t - 1,
    from: [x1 - 6, rows.keptGradY],
    to: [x0 + 6, rows.keptGradY],
  };
  return { path, grad };
}

/** The whole chain: s_0, then one column per step t = 1..T, colW apart. */
export function unrolledLayout(
  T: number,
  H: number,
  K: number,
  D: number,
  opts: LayoutOptions = {},
): GraphGeometry {
  const o = resolve(opts);
  const rows = rowsFor(H, K, D, o);
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const gradEdges: GradEdge[] = [];
  const connectors: GraphGeometry['connectors'] = [];
  const columns: Column[] = [];
  const gates: GateStrips[] = [];
  const gated = CELLS[o.cell].gates.length > 0;
  let prevS: LayoutNode | null = null;
  let prevM: LayoutNode | null = null;
  for (let t = 0; t <= T; t++) {
    const cx = o.colW / 2 + t * o.colW;
    columns.push({ t, cx, x0: cx - o.colW / 2, x1: cx + o.colW / 2 });
    const col = columnNodes(t, cx, rows, H, K, D, o);
    nodes.push(...col);
    const s = col.find((n) => n.kind === 's')!;
    const m = col.find((n) => n.kind === 'm') ?? null;
    if (t > 0 && gated) gates.push(gateStrips(t, cx, rows, H, o));
    if (t > 0 && m && prevM) {
      const { highway, toS, grad } = cellStateEdges(t, prevM, m, s, rows);
      connectors.push(highway, toS);
      gradEdges.push(grad);
    }
    prevM = m;
    if (t > 0 && CELLS[o.cell].keep) {
      const { path, grad } = keptEdges(t, prevS!, s, rows);
      connectors.push(path);
      gradEdges.push(grad);
    }
    if (t > 0) {
      const { U, V, connector } = verticalEdges(t, cx, rows);
      const x0 = prevS!.x + prevS!.w + ARROW_GAP;
      const x1 = s.x - ARROW_GAP;
      const W: LayoutEdge = {
        id: `W${t}`,
        weight: 'W',
        t,
        ...straight(x0, rows.wY, x1, rows.wY),
        label: { x: (x0 + x1) / 2, y: rows.wY - 6, anchor: 'middle' },
      };
      edges.push(U, W, V);
      connectors.push(connector);
      gradEdges.push(outputGrad(t, s, rows));
      // W^T ∂L/∂a_t flows from s_t back into s_{t-1}: the arrow belongs to the receiver.
      gradEdges.push({
        id: `gfut${t - 1}`,
        kind: 'future',
        t: t - 1,
        from: [x1, rows.futureY],
        to: [x0, rows.futureY],
      });
    }
    prevS = s;
  }
  // Keep the arrays in step order of the receiver: future arrows were pushed one column late.
  const kindOrder = { output: 0, future: 1, cell: 2, kept: 3 };
  gradEdges.sort((a, b) => a.t - b.t || kindOrder[a.kind] - kindOrder[b.kind]);
  return {
    nodes,
    edges,
    gradEdges,
    connectors,
    columns,
    rows,
    width: (T + 1) * o.colW,
    height: rows.height,
    gates,
  };
}

/**
 * The textbook cell x → [s ⟲ W] → o → L, on the axis x = 0 with the same rows as a column of the
 * unrolled chain (so one can turn into the other), and W drawn as a loop on s.
 */
export function foldedLayout(
  H: number,
  K: number,
  D: number,
  opts: LayoutOptions = {},
): GraphGeometry {
  const o = resolve(opts);
  const rows = rowsFor(H, K, D, o);
  const cx = 0;
  const nodes = columnNodes(1, cx, rows, H, K, D, o);
  const s = nodes.find((n) => n.kind === 's')!;
  const { U, V, connector } = verticalEdges(1, cx, rows);
  const r = s.x + s.w + ARROW_GAP;
  const reach = 44;
  const rise = Math.max(26, rows.sH / 2 + 14);
  const sMid = rows.sTop + rows.sH / 2;
  // The loop leaves s on the right and comes back into it; its last stretch is horizontal so
  // the arrowhead points straight at s.
  const loop = arrow(
    [
      [r, rows.wY],
      [r + reach * 0.55, sMid - rise],
      [r + reach, sMid],
      [r + reach * 0.55, sMid + rise],
      [r + 10, rows.futureY],
      [r, rows.futureY],
    ],
    7,
    7,
    true,
  );
  const W: LayoutEdge = {
    id: 'W1',
    weight: 'W',
    t: 1,
    ...loop,
    label: { x: r + reach * 0.8 + 6, y: sMid + 4, anchor: 'start' },
  };
  const right = r + reach + 18;
  // A loop on the left (an LSTM's m, leaky units' kept share) needs room beside the labels.
  const leftLoop = CELLS[o.cell].cellState !== null || CELLS[o.cell].keep;
  const left = leftLoop ? -124 : -70;
  // A gated cell opens into its gates: the strips of step 1's geometry, labelled by the view.
  const gated = CELLS[o.cell].gates.length > 0;
  const m = nodes.find((n) => n.kind === 'm');
  const connectors: Connector[] = [connector];
  if (m) {
    // m_t feeds s_t; its own recurrence (m_{t-1} → m_t through f_t) is a loop on its left.
    const mMid = rows.mTop + rows.mH / 2;
    const l = m.x - ARROW_GAP;
    const loop = arrow(
      [
        [l, rows.mY],
        [l - 20, mMid - rows.mH / 2 - 10],
        [l - 34, mMid],
        [l - 20, mMid + rows.mH / 2 + 10],
        [l - 8, rows.mGradY],
        [l, rows.mGradY],
      ],
      6,
      6,
      true,
    );
    const toS = arrow(
      [
        [m.x + m.w / 2, rows.mTop + rows.mH + ARROW_GAP],
        [s.x - 1, rows.sTop - ARROW_GAP],
      ],
      5,
      5,
    );
    connectors.push({ id: 'mm1', t: 1, ...loop }, { id: 'ms1', t: 1, ...toS });
  }
  if (CELLS[o.cell].keep) {
    // Leaky units keep κ ⊙ s_{t-1}: a loop on the state's left, with no weight on it.
    const l = s.x - ARROW_GAP;
    const loop = arrow(
      [
        [l, rows.wY],
        [l - 20, sMid - rise + 6],
        [l - 34, sMid],
        [l - 20, sMid + rise - 6],
        [l - 8, rows.futureY],
        [l, rows.futureY],
      ],
      6,
      6,
      true,
    );
    connectors.push({
      id: 'kk1',
      t: 1,
      side: true,
      ...loop,
      label: { x: l - 40, y: sMid + 4, anchor: 'end', text: 'κ' },
    });
  }
  return {
    nodes,
    edges: [U, W, V],
    gradEdges: [outputGrad(1, s, rows)],
    connectors,
    gates: gated ? [gateStrips(1, cx, rows, H, o)] : [],
    columns: [{ t: 1, cx, x0: left, x1: right }],
    rows,
    width: right - left,
    height: rows.height,
  };
}
