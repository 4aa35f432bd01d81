import { paramText } from '../../content/notation';
import { memo, type CSSProperties } from 'react';
import type {
  Column,
  GateStrips,
  GradEdge,
  LayoutEdge,
  LayoutNode,
  Rows,
  WeightKind,
  Connector,
} from '../../layout/graphLayout';
import { fmt } from '../encoding';
import { visibleSymbol, type GraphData } from './graphData';
import { GateStripsView, GradArrow, GraphNode, WeightEdge } from './parts';

/** The geometry of one step, grouped once per layout. */
export interface ColumnGeom {
  col: Column;
  rows: Rows;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  connector: { path: string; head: string } | null;
  output: GradEdge | null;
  future: GradEdge | null;
  /** An LSTM's pieces: m_{t-1} → m_t, m_t → s_t, and the gradient along m into m_t. */
  cellConnectors: Connector[];
  /** The cell's own path back: an LSTM's along m, leaky units' along the kept share. */
  cell: GradEdge | null;
  /** A gated cell's gate strips of this step. */
  gates: GateStrips | null;
}

/** The texts of a step: header, prediction and target, the value of L_t, the input symbol. */
export const StepTexts = memo(function StepTexts({
  t,
  cx,
  rows,
  data,
  computed,
  withHeader = true,
}: {
  t: number;
  cx: number;
  rows: Rows;
  data: GraphData;
  computed: boolean;
  withHeader?: boolean;
}) {
  const i = t - 1;
  const pred = data.pred[i];
  const target = data.target[i];
  const right = pred === target;
  const L = data.trace.losses[i];
  return (
    <g className="gs-texts" data-known={computed}>
      {withHeader && (
        <text className="gs-header" x={cx} y={rows.header} textAnchor="middle">
          {/* At projector size only the current step keeps "t = " (the columns are too narrow). */}
          <tspan className="gs-header-t">t = </tspan>
          {t}
        </text>
      )}
      {computed && (
        <text
          className={right ? 'gs-pred gs-right' : 'gs-pred gs-wrong'}
          x={cx}
          y={rows.pred}
          textAnchor="middle"
        >
          <title>{`predicted ${visibleSymbol(data.labels, pred)}, ${right ? 'right' : 'wrong'}`}</title>
          {visibleSymbol(data.labels, pred)}
          <tspan className="gs-mark" dx={3}>
            {right ? '✓' : '✗'}
          </tspan>
        </text>
      )}
      <text className="gs-target" x={cx} y={rows.target} textAnchor="middle">
        {visibleSymbol(data.labels, target)}
      </text>
      {computed && (
        <text
          className="gs-lossval num"
          x={cx + rows.lossH / 2 + 4}
          y={rows.lossTop + rows.lossH - 2}
        >
          <title>{String(L)}</title>
          {fmt(L)}
        </text>
      )}
      <text className="gs-input" x={cx} y={rows.char} textAnchor="middle">
        {visibleSymbol(data.labels, data.input[i])}
      </text>
    </g>
  );
});

export const ChainColumn = memo(function ChainColumn({
  geo,
  data,
  computed,
  grad,
  current,
  flowing,
  hover,
  foldFocus,
  detail,
  tabbable,
}: {
  geo: ColumnGeom;
  data: GraphData;
  /** forwardKnown at this step. */
  computed: boolean;
  /** gradKnown at this step. */
  grad: boolean;
  current: boolean;
  /** The gradient is arriving here now (backward cursor at this step). */
  flowing: boolean;
  hover: WeightKind | null;
  /** The column that stays visible while the chain folds into one cell. */
  foldFocus: boolean;
  /** In or near the view: draw the cells. */
  detail: boolean;
  /** Its nodes are in the tab order (the column the cursor is at). */
  tabbable: boolean;
}) {
  const { col, rows } = geo;
  const t = col.t;
  const style = { '--cx': `${col.cx}px` } as CSSProperties;
  return (
    <g
      className="gs-col"
      data-col={t}
      data-current-col={current ? true : undefined}
      data-fold-focus={foldFocus ? true : undefined}
      style={style}
    >
      {t > 0 ? (
        detail && <StepTexts t={t} cx={col.cx} rows={rows} data={data} computed={computed} />
      ) : (
        <text className="gs-header" x={col.cx} y={rows.header} textAnchor="middle">
          <tspan className="gs-header-t">t = </tspan>0
        </text>
      )}
      {geo.connector && (
        <g className="gs-conn" data-computed={computed}>
          <path d={geo.connector.path} />
          <path className="gs-conn-head" d={geo.connector.head} />
        </g>
      )}
      {geo.cellConnectors.map((c) => (
        <g key={c.id} className="gs-conn gs-cellconn" data-computed={computed}>
          <path d={c.path} />
          <path className="gs-conn-head" d={c.head} />
          {c.label && (
            <text className="gs-conn-label" x={c.label.x} y={c.label.y} textAnchor={c.label.anchor}>
              {c.label.text}
            </text>
          )}
        </g>
      ))}
      {geo.gates && (
        <GateStripsView gates={geo.gates} t={t} data={data} computed={computed} detail={detail} />
      )}
      {geo.edges.map((e) => (
        <WeightEdge
          key={e.id}
          edge={e}
          name={paramText(e.weight, data.notation)}
          computed={computed}
          highlight={hover === e.weight}
          dim={hover !== null && hover !== e.weight}
          focusable={t === 1}
          label={detail || t === 1}
        />
      ))}
      {grad && geo.output && (
        <GradArrow edge={geo.output} size={data.outNorm[t]} max={data.gradMax} flowing={flowing} />
      )}
      {grad && geo.future && (
        <GradArrow edge={geo.future} size={data.futNorm[t]} max={data.gradMax} flowing={flowing} />
      )}
      {grad && geo.cell && (
        <GradArrow edge={geo.cell} size={data.cellNorm[t]} max={data.gradMax} flowing={flowing} />
      )}
      {geo.nodes.map((n) => (
        <GraphNode
          key={n.id}
          node={n}
          t={t}
          data={data}
          computed={computed}
          grad={grad}
          current={current}
          detail={detail}
          tabbable={tabbable}
        />
      ))}
    </g>
  );
});

/** Group the flat layout into columns, once per layout. */
export function groupColumns(g: {
  columns: Column[];
  rows: Rows;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  gradEdges: GradEdge[];
  connectors: Connector[];
  gates?: GateStrips[];
}): ColumnGeom[] {
  const out: ColumnGeom[] = g.columns.map((col) => ({
    col,
    rows: g.rows,
    nodes: [],
    edges: [],
    connector: null,
    output: null,
    future: null,
    cellConnectors: [],
    cell: null,
    gates: null,
  }));
  for (const gs of g.gates ?? []) out[gs.t].gates = gs;
  for (const n of g.nodes) out[n.t].nodes.push(n);
  // Paint order inside a column: W (from the left), then U, then V.
  const order = { W: 0, U: 1, V: 2 };
  for (const e of g.edges) out[e.t].edges.push(e);
  for (const c of out) c.edges.sort((a, b) => order[a.weight] - order[b.weight]);
  for (const c of g.connectors) {
    // o_t → L_t is the column's connector; a cell's own paths (an LSTM's m, leaky units' kept
    // share) are side connectors.
    if (c.side) out[c.t].cellConnectors.push(c);
    else out[c.t].connector = c;
  }
  for (const e of g.gradEdges) {
    if (e.kind === 'output') out[e.t].output = e;
    else if (e.kind === 'cell' || e.kind === 'kept') out[e.t].cell = e;
    else out[e.t].future = e;
  }
  return out;
}
