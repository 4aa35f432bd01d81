import { paramText } from '../../content/notation';
import { memo } from 'react';
import type { GraphGeometry, WeightKind } from '../../layout/graphLayout';
import type { GraphData } from './graphData';
import { StepTexts } from './ChainColumn';
import { GateStripsView, GradArrow, GraphNode, WeightEdge } from './parts';
import { CELLS, NOTATIONS } from '../../core/model';

// The textbook picture: one cell x → [s ⟲ W] → o → L, the same rows as a column of the
// unrolled chain. It shows the values of the step the cursor is at (none before the first).

const NAMES: Record<string, string> = { x: 'x', s: 's', o: 'o', L: 'L', m: 'm' };

export const FoldedCell = memo(function FoldedCell({
  geom,
  data,
  width,
  t,
  T,
  computed,
  grad,
  current,
  hover,
}: {
  geom: GraphGeometry;
  data: GraphData;
  width: number;
  /** The step whose values the cell shows (1..T). */
  t: number;
  T: number;
  computed: boolean;
  grad: boolean;
  current: boolean;
  hover: WeightKind | null;
}) {
  const { rows } = geom;
  const cx = Math.round(width / 2);
  const output = geom.gradEdges[0];
  return (
    <svg
      className="gs-svg gs-folded"
      width={width}
      height={geom.height}
      role="group"
      aria-label={`The recurrent ${CELLS[data.cell].gates.length === 0 ? (CELLS[data.cell].keep ? 'cell (leaky units: each keeps a share κ of its state)' : 'cell') : `cell (${CELLS[data.cell].label}, opened into its gates)`}, folded: one cell applied at every step, showing t = ${t}`}
      data-view="folded"
    >
      <g transform={`translate(${cx},0)`}>
        <text className="gs-header" x={0} y={rows.header} textAnchor="middle">
          {current ? `t = ${t}` : `t = 1 … ${T}`}
        </text>
        {geom.nodes.map((n) => (
          <text
            key={`name-${n.kind}`}
            className="gs-nodename"
            x={geom.columns[0].x0 + 20}
            y={n.y + n.h / 2 + 5}
            textAnchor="start"
          >
            {n.kind === 'm' ? NOTATIONS[data.notation].cellState : NAMES[n.kind]}
            <tspan className="gs-subscript" dy={4}>
              t
            </tspan>
          </text>
        ))}
        <StepTexts t={t} cx={0} rows={rows} data={data} computed={computed} withHeader={false} />
        {geom.connectors.map((c) => (
          <g key={c.id} className="gs-conn" data-computed={computed}>
            <path d={c.path} />
            <path className="gs-conn-head" d={c.head} />
            {c.label && (
              <text
                className="gs-conn-label"
                x={c.label.x}
                y={c.label.y}
                textAnchor={c.label.anchor}
              >
                {c.label.text}
              </text>
            )}
          </g>
        ))}
        {geom.gates.map((g) => (
          <GateStripsView
            key={g.id}
            gates={g}
            t={t}
            data={data}
            computed={computed}
            idPrefix="gf"
            letters
          />
        ))}
        {geom.edges.map((e) => (
          <WeightEdge
            key={e.id}
            edge={e}
            name={paramText(e.weight, data.notation)}
            computed
            highlight={hover === e.weight}
            dim={hover !== null && hover !== e.weight}
            focusable
          />
        ))}
        {grad && output && (
          <GradArrow
            edge={{ ...output, t }}
            size={data.outNorm[t]}
            max={data.gradMax}
            flowing={current}
          />
        )}
        {geom.nodes.map((n) => (
          <GraphNode
            key={n.id}
            node={n}
            t={t}
            data={data}
            computed={computed}
            grad={grad}
            current={current}
          />
        ))}
      </g>
    </svg>
  );
});
