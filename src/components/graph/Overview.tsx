import { memo, useRef, type PointerEvent } from 'react';
import type { Column } from '../../layout/graphLayout';
import { overviewScale } from '../../layout/viewport';
import type { GraphData } from './graphData';

// The whole sequence in one strip under the stage: one small column per step, coloured by its
// loss once known, an accent tick where the gradient has arrived, the current step marked, and
// a rectangle for the part of the chain in view. Clicking or dragging on it pans the chain.
// (For pointers only: the chain itself follows the cursor and keyboard focus.)

const H = 30;
const PAD = 4;

interface BarsProps {
  data: GraphData;
  columns: Column[];
  contentW: number;
  width: number;
  /** Steps 1..known have their forward value. */
  known: number;
  /** Steps t >= gradFrom have their gradient (Infinity: none). */
  gradFrom: number;
  currentT: number;
}

const Bars = memo(function Bars({
  data,
  columns,
  contentW,
  width,
  known,
  gradFrom,
  currentT,
}: BarsProps) {
  const sc = overviewScale(contentW, width, PAD);
  const items = [];
  for (const c of columns) {
    if (c.t === 0) continue;
    const x0 = sc.toOverview(c.x0 + 1);
    const w = Math.max(1, sc.toOverview(c.x1 - 1) - x0);
    const isKnown = c.t <= known;
    items.push(
      <g key={c.t}>
        <rect
          className={isKnown ? 'gs-ov-bar' : 'gs-ov-bar gs-ov-empty'}
          x={x0}
          y={8}
          width={w}
          height={H - 16}
          fill={isKnown ? data.scales.loss(data.trace.losses[c.t - 1]) : undefined}
        />
        {c.t >= gradFrom && <rect className="gs-ov-grad" x={x0} y={H - 6} width={w} height={3} />}
      </g>,
    );
  }
  const cur = columns[currentT];
  return (
    <g>
      {items}
      {cur && currentT > 0 && (
        <path
          className="gs-ov-cur"
          d={`M${(sc.toOverview(cur.x0) + sc.toOverview(cur.x1)) / 2},7 l-4,-6 h8 z`}
        />
      )}
    </g>
  );
});

export function Overview({
  data,
  columns,
  contentW,
  width,
  known,
  gradFrom,
  currentT,
  visible,
  onPan,
}: BarsProps & {
  /** The content x range in view. */
  visible: [number, number];
  /** Centre the chain on this content x. */
  onPan: (cx: number) => void;
}) {
  const dragging = useRef(false);
  const sc = overviewScale(contentW, width, PAD);
  const at = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    onPan(sc.toContent(e.clientX - r.left));
  };
  const v0 = Math.max(PAD, sc.toOverview(visible[0]));
  const v1 = Math.min(width - PAD, sc.toOverview(visible[1]));
  return (
    <svg
      className="gs-overview"
      width={width}
      height={H}
      aria-hidden="true"
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        at(e);
      }}
      onPointerMove={(e) => {
        if (dragging.current) at(e);
      }}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
    >
      <Bars
        data={data}
        columns={columns}
        contentW={contentW}
        width={width}
        known={known}
        gradFrom={gradFrom}
        currentT={currentT}
      />
      <rect
        className="gs-ov-view"
        x={v0}
        y={1.5}
        width={Math.max(4, v1 - v0)}
        height={H - 3}
        rx={3}
      />
    </svg>
  );
}
