import type { CSSProperties } from 'react';
import { forwardKnown, gradKnown, type CursorInfo } from '../../core/cursor';
import type { SharedWeight } from '../../state/slices/viewSlice';
import type { GraphGeometry } from '../../layout/graphLayout';
import type { View, Wrap } from '../../layout/viewport';
import { ChainColumn, type ColumnGeom } from './ChainColumn';
import type { FoldAnim } from './useFoldAnimation';
import type { GraphData } from './graphData';

// The unrolled chain under the pan and zoom transform: the band of the current step, then the
// columns in chunks of CHUNK steps, each its own <svg> (its own paint layer, so a cursor step
// repaints one or two of them, not the whole chain). Columns outside `detail` are drawn without
// their cells. When the whole sequence is shown, `wrap` moves the chunks into rows.

export const CHUNK = 8;

export interface Chunk {
  key: number;
  x0: number;
  x1: number;
  cols: ColumnGeom[];
}

export function chunkColumns(columns: ColumnGeom[]): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < columns.length; i += CHUNK) {
    const cols = columns.slice(i, i + CHUNK);
    out.push({ key: i, x0: cols[0].col.x0, x1: cols[cols.length - 1].col.x1, cols });
  }
  return out;
}

/** The offset of step t's chunk (its row, when wrapped). */
export const shiftOf = (wrap: Wrap | null, t: number) =>
  wrap?.shift[Math.floor(t / CHUNK)] ?? { dx: 0, dy: 0 };

export function ChainWorld({
  geom,
  chunks,
  data,
  cursor,
  info,
  hover,
  view,
  anim,
  foldX,
  detail,
  focusT,
  foldFocusT,
  wrap,
}: {
  geom: GraphGeometry;
  chunks: Chunk[];
  data: GraphData;
  cursor: number;
  info: CursorInfo;
  hover: SharedWeight | null;
  view: View;
  anim: FoldAnim;
  /** Content x of the folded cell, while folding or unfolding. */
  foldX: number | null;
  /** Steps drawn in full. */
  detail: [number, number];
  /** The column whose nodes are in the tab order. */
  focusT: number;
  /** The column that stays visible while the chain folds onto the cell. */
  foldFocusT: number;
  wrap: Wrap | null;
}) {
  const T = data.T;
  const stepT = info.t;
  const collapsed = anim !== 'none';
  // A custom property inherits, so it is set only while folding: changing it on every pan
  // would restyle every cell of the chain.
  const foldStyle = foldX !== null ? ({ '--fold-x': `${foldX}px` } as CSSProperties) : undefined;
  const band = stepT > 0 ? geom.columns[stepT] : null;
  const bandShift = shiftOf(wrap, stepT);
  const colW = geom.columns[0].x1 - geom.columns[0].x0;
  return (
    <div
      className="gs-world"
      data-collapsed={collapsed ? anim : undefined}
      data-wrapped={wrap ? 'true' : undefined}
      style={{
        width: wrap?.width ?? geom.width,
        height: wrap?.height ?? geom.height,
        transform: `translate(${view.x}px, ${view.y}px) scale(${view.k})`,
        ...foldStyle,
      }}
    >
      <div
        className="gs-band"
        data-on={band !== null && !collapsed}
        style={{
          left: (band?.x0 ?? 0) + bandShift.dx + 2,
          top: bandShift.dy + 2,
          width: colW - 4,
          height: geom.height - 4,
        }}
      />
      {chunks.map((ch, i) => (
        <svg
          key={ch.key}
          className="gs-svg gs-chunk"
          role="none"
          style={wrap ? { left: ch.x0 + wrap.shift[i].dx, top: wrap.shift[i].dy } : { left: ch.x0 }}
          width={ch.x1 - ch.x0}
          height={geom.height}
          viewBox={`${ch.x0} 0 ${ch.x1 - ch.x0} ${geom.height}`}
        >
          {ch.cols.map((c) => {
            const t = c.col.t;
            return (
              <ChainColumn
                key={t}
                geo={c}
                data={data}
                computed={forwardKnown(cursor, T, t)}
                grad={gradKnown(cursor, T, t)}
                current={t > 0 && t === stepT}
                flowing={info.phase === 'backward' && t === stepT}
                hover={hover}
                foldFocus={t === foldFocusT}
                detail={t >= detail[0] && t <= detail[1]}
                tabbable={t === focusT}
              />
            );
          })}
        </svg>
      ))}
    </div>
  );
}
