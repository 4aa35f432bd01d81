import { CELLS, NOTATIONS, type NotationName } from '../../core/model';
import { memo } from 'react';
import {
  gradArrow,
  type GateStrips,
  type GradEdge,
  type LayoutEdge,
  type LayoutNode,
  type Strip,
} from '../../layout/graphLayout';
import { fmt, WEIGHT_VAR } from '../encoding';
import { gradStroke, type ColorScale, type GraphData } from './graphData';

// The SVG pieces of the graph, each memoised on primitives and on references that change only
// with the trace, so that moving the cursor re-renders only the columns whose state changes.
// Whether a value is known is a data attribute: the cells of every node are drawn once per
// trace and CSS fades them in when the cursor reaches them.

export const TIP_ID = 'graph-node-tip';

/**
 * One strip of colour cells, drawn as one rectangle filled with a hard-stop gradient: one
 * painted element per strip rather than one per cell, so a long chain stays cheap to paint.
 */
export const Cells = memo(function Cells({
  id,
  strip,
  values,
  off,
  scale,
  className,
}: {
  id: string;
  strip: Strip;
  values: ArrayLike<number>;
  off: number;
  scale: ColorScale;
  className: string;
}) {
  const stops = [];
  for (let i = 0; i < strip.n; i++) {
    const c = scale(values[off + i]);
    stops.push(
      <stop key={2 * i} offset={i / strip.n} stopColor={c} />,
      <stop key={2 * i + 1} offset={(i + 1) / strip.n} stopColor={c} />,
    );
  }
  return (
    <g className={className}>
      <linearGradient id={id} x1={0} y1={0} x2={0} y2={1}>
        {stops}
      </linearGradient>
      <rect
        x={strip.x}
        y={strip.y}
        width={strip.w}
        height={strip.n * strip.cellH}
        fill={`url(#${id})`}
      />
    </g>
  );
});

function Outline({ strip, className }: { strip: Strip; className: string }) {
  return (
    <rect
      className={className}
      x={strip.x - 0.5}
      y={strip.y - 0.5}
      width={strip.w + 1}
      height={strip.n * strip.cellH + 1}
      rx={1.5}
    />
  );
}

const NODE_WORDS = {
  x: 'input',
  s: 'hidden state',
  o: 'output',
  L: 'loss',
  m: 'cell state',
} as const;
const NODE_LETTER = { x: 'x', o: 'o', L: 'L' } as const;

/**
 * A node's accessible name, in the notation: "hidden state s_3" or "hidden state h_3", an
 * LSTM's "cell state m_3" or "cell state c_3".
 */
export function nodeLabel(kind: LayoutNode['kind'], t: number, n: NotationName): string {
  const letter =
    kind === 's' ? NOTATIONS[n].state : kind === 'm' ? NOTATIONS[n].cellState : NODE_LETTER[kind];
  return `${NODE_WORDS[kind]} ${letter}_${t}`;
}

/** What a node's strips show at step t: its row of the trace and the scale it is read on. */
function stripsOf(node: LayoutNode, t: number, d: GraphData) {
  const { trace } = d;
  switch (node.kind) {
    case 'x':
      return { main: { values: d.inputs, off: (t - 1) * d.D, scale: d.scales.x }, side: null };
    case 'm': {
      const g = trace.gated;
      if (g?.cell !== 'lstm') return { main: null, side: null };
      return t === 0
        ? {
            main: { values: g.m0, off: 0, scale: d.scales.m },
            side: { values: trace.grads.m0!, off: 0, scale: d.scales.grad },
          }
        : {
            main: { values: g.m, off: (t - 1) * d.H, scale: d.scales.m },
            side: { values: g.dL_dm, off: (t - 1) * d.H, scale: d.scales.grad },
          };
    }
    case 's':
      if (trace.gated && t > 0)
        // A gated cell's a_t is the stacked gates: beside s_t goes ∂L/∂s_t itself.
        return {
          main: { values: trace.s, off: (t - 1) * d.H, scale: d.scales.s },
          side: { values: trace.dL_ds, off: (t - 1) * d.H, scale: d.scales.grad },
        };
      return t === 0
        ? {
            main: { values: trace.s0, off: 0, scale: d.scales.s },
            side: { values: trace.grads.s0, off: 0, scale: d.scales.grad },
          }
        : {
            main: { values: trace.s, off: (t - 1) * d.H, scale: d.scales.s },
            side: { values: trace.dL_da, off: (t - 1) * d.H, scale: d.scales.grad },
          };
    case 'o':
      return {
        main: { values: trace.o, off: (t - 1) * d.K, scale: d.scales.o },
        side: { values: trace.yhat, off: (t - 1) * d.K, scale: d.scales.prob },
      };
    case 'L':
      return { main: { values: trace.losses, off: t - 1, scale: d.scales.loss }, side: null };
  }
}

export const GraphNode = memo(function GraphNode({
  node,
  t,
  data,
  computed,
  grad,
  current,
  detail = true,
  idPrefix = 'gs',
  tabbable = true,
}: {
  node: LayoutNode;
  /** The step whose values it shows (the folded cell shows the current step). */
  t: number;
  data: GraphData;
  computed: boolean;
  grad: boolean;
  current: boolean;
  /** Draw the cells (off-screen columns of a long chain draw only their outlines). */
  detail?: boolean;
  /** Keeps the ids of the cell gradients unique (folded cell and chain). */
  idPrefix?: string;
  /**
   * In the tab order. In the chain only the cursor's column is, so a keyboard user steps with
   * the arrows and tabs into the step at hand, not through 4T + 1 nodes.
   */
  tabbable?: boolean;
}) {
  const st = stripsOf(node, t, data);
  const pad = 3;
  const gradSide = node.kind === 's' || node.kind === 'm';
  return (
    <g
      className="gs-node"
      data-node={node.kind}
      data-t={t}
      data-computed={computed}
      data-grad={node.kind === 'x' ? false : grad}
      data-current={current ? true : undefined}
      tabIndex={tabbable ? 0 : -1}
      role="img"
      aria-label={nodeLabel(node.kind, t, data.notation)}
      aria-describedby={TIP_ID}
    >
      <rect
        className="gs-focus"
        x={node.x - pad}
        y={node.y - pad}
        width={node.w + 2 * pad}
        height={node.h + 2 * pad}
        rx={4}
      />
      {(node.kind === 'o' || node.kind === 'L') && (
        <rect
          className="gs-ring"
          x={node.x - 2}
          y={node.y - 2}
          width={node.w + 4}
          height={node.h + 4}
          rx={3}
        />
      )}
      <Outline strip={node.main} className="gs-outline" />
      {detail && st.main && (
        <Cells
          id={`${idPrefix}-${node.id}-m`}
          strip={node.main}
          {...st.main}
          className="gs-cells"
        />
      )}
      {node.side && st.side && (
        <>
          <Outline strip={node.side} className={gradSide ? 'gs-grad-outline' : 'gs-outline'} />
          {detail && (
            <Cells
              id={`${idPrefix}-${node.id}-s`}
              strip={node.side}
              {...st.side}
              className={gradSide ? 'gs-cells gs-gradcells' : 'gs-cells'}
            />
          )}
        </>
      )}
    </g>
  );
});

/** A weight edge with its label; the label is focusable on the first step only (one tab stop each). */
/** W_xh drawn with its subscript. */
function WeightName({ name }: { name: string }) {
  const [base, sub] = name.split('_');
  return sub ? (
    <>
      {base}
      <tspan className="gs-wlabel-sub" dy="0.3em" fontSize="0.72em">
        {sub}
      </tspan>
    </>
  ) : (
    <>{base}</>
  );
}

export const WeightEdge = memo(function WeightEdge({
  edge,
  computed,
  highlight,
  dim,
  focusable,
  label: withLabel = true,
  name,
}: {
  edge: LayoutEdge;
  /** The weight's name in the notation (U or W_xh); data-edge keeps U, W, V. */
  name: string;
  computed: boolean;
  highlight: boolean;
  dim: boolean;
  focusable: boolean;
  /** Off-screen steps of a long chain skip their label. */
  label?: boolean;
}) {
  const w = edge.weight;
  const label = (
    <text
      className="gs-wlabel"
      x={edge.label.x}
      y={edge.label.y}
      textAnchor={edge.label.anchor}
      style={{ fill: WEIGHT_VAR[w] }}
    >
      <WeightName name={name} />
    </text>
  );
  return (
    <g
      className="gs-edge"
      data-edge={w}
      data-t={edge.t}
      data-computed={computed}
      data-highlight={highlight ? true : undefined}
      data-dim={dim ? true : undefined}
    >
      <path className="gs-edge-hit" d={edge.path} />
      <path className="gs-edge-line" d={edge.path} style={{ stroke: WEIGHT_VAR[w] }} />
      <path className="gs-edge-head" d={edge.head} style={{ fill: WEIGHT_VAR[w] }} />
      {!withLabel ? null : focusable ? (
        <g
          className="gs-wlabel-focus"
          data-weight={w}
          tabIndex={0}
          role="img"
          aria-label={`weight ${name}, shared by every time step`}
        >
          <rect
            className="gs-focus"
            x={
              edge.label.x -
              (edge.label.anchor === 'end' ? 13 : edge.label.anchor === 'middle' ? 7 : 1)
            }
            y={edge.label.y - 12}
            width={14}
            height={16}
            rx={3}
          />
          {label}
        </g>
      ) : (
        <g data-weight={w} aria-hidden="true">
          {label}
        </g>
      )}
    </g>
  );
});

/** A term of ∂L/∂s_t on its way back: accent colour, width and opacity by its size. */
export const GradArrow = memo(function GradArrow({
  edge,
  size,
  max,
  flowing,
}: {
  edge: GradEdge;
  size: number;
  max: number;
  flowing: boolean;
}) {
  const { width, opacity } = gradStroke(size, max);
  const { path, head } = gradArrow(edge, width);
  const what =
    edge.kind === 'output'
      ? `from the output now: Vᵀ ∂L/∂o_${edge.t}`
      : edge.kind === 'cell'
        ? `along the cell state: ∂L/∂m_${edge.t + 1} ⊙ f_${edge.t + 1}`
        : edge.kind === 'kept'
          ? `along the kept share: κ ⊙ ∂L/∂s_${edge.t + 1}`
          : `from the future: Wᵀ ∂L/∂a_${edge.t + 1}`;
  const target = edge.kind === 'cell' ? 'm' : 's';
  return (
    <g
      className="gs-grad-edge"
      data-grad-edge={edge.kind}
      data-t={edge.t}
      data-flowing={flowing ? true : undefined}
    >
      <title>{`∂L/∂${target}_${edge.t} ${what}, size ${fmt(size)}`}</title>
      <path
        className="gs-grad"
        data-flowing={flowing ? true : undefined}
        d={path}
        strokeWidth={width}
        strokeOpacity={opacity}
      />
      <path className="gs-grad-head" d={head} fillOpacity={opacity} />
    </g>
  );
});

/**
 * A gated cell's gates at step t, one small strip per gate (σ gates on the probability scale,
 * tanh ones on −1 … 1). Not a contract node: one image with a title naming the gates.
 */
export const GateStripsView = memo(function GateStripsView({
  gates,
  t,
  data,
  computed,
  detail = true,
  idPrefix = 'gs',
  letters = false,
}: {
  gates: GateStrips;
  t: number;
  data: GraphData;
  computed: boolean;
  detail?: boolean;
  idPrefix?: string;
  /** Write each gate's letter under its strip (the folded cell). */
  letters?: boolean;
}) {
  const g = data.trace.gated;
  if (!g) return null;
  const decl = CELLS[g.cell].gates;
  const values = g.gates as Record<string, Float64Array>;
  return (
    <g className="gs-gates" data-gates={t} data-computed={computed}>
      <title>{`gates of step ${t}: ${decl.map((d) => `${d.name} (${d.words})`).join(', ')}`}</title>
      {gates.strips.map((strip, i) => (
        <g key={decl[i].name} data-gate={decl[i].name}>
          <Outline strip={strip} className="gs-outline" />
          {detail && computed && (
            <Cells
              id={`${idPrefix}-g${t}-${decl[i].name}`}
              strip={strip}
              values={values[decl[i].name]}
              off={(t - 1) * data.H}
              scale={decl[i].fn === 'sigmoid' ? data.scales.prob : data.scales.unit}
              className="gs-cells"
            />
          )}
          {letters && (
            <text
              className="gs-gate-letter"
              x={strip.x + strip.w / 2}
              y={strip.y + strip.n * strip.cellH + 10}
              textAnchor="middle"
            >
              {decl[i].name}
            </text>
          )}
        </g>
      ))}
    </g>
  );
});
