import { memo, useId, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { WeightName } from '../encoding';
import { fmt, valueScale } from '../encoding';
import { useResolvedTheme } from '../equations/useResolvedTheme';
import type { AxisLabels } from './weightsData';
import { cellSize } from './weightsData';

// One matrix (or a bias vector drawn as a column) as a heatmap: d3 computes the colours, React
// draws the rects. The SVG is one keyboard stop; arrow keys move a cell cursor whose value is
// reported to the panel's live readout. Every cell's exact value is in its <title> (hover),
// and "Show numbers" adds a plain table for reading and for screen readers.

export type HeatmapKind = 'weight' | 'grad' | 'delta' | 'new';

export interface HeatmapProps {
  name: WeightName;
  kind: HeatmapKind;
  /** Plain-words caption, e.g. "U (3 × 5)". */
  caption: string;
  /** What the values are, for screen readers and titles, e.g. "∂L/∂U". */
  symbol: string;
  data: Float64Array;
  rows: number;
  cols: number;
  rowLabels: AxisLabels;
  colLabels: AxisLabels | null;
  /** Half-width of the symmetric colour domain. */
  domain: number;
  /** Cells to outline in the gradient accent (this step's contribution). */
  highlight?: Uint8Array | null;
  /** Every cell changed at this step: thicken the frame instead of outlining each cell. */
  emphasis?: boolean;
  showNumbers: boolean;
  onReadout: (text: string) => void;
}

const LABEL_MIN_CELL = 12;
const TITLE_MAX_CELLS = 300;

function cellText(p: HeatmapProps, r: number, c: number): string {
  const where = p.colLabels
    ? `${p.rowLabels.long[r]}, ${p.colLabels.long[c]}`
    : `${p.rowLabels.long[r]}`;
  return `${p.symbol} [${where}] = ${p.data[r * p.cols + c]}`;
}

function HeatmapImpl(p: HeatmapProps) {
  const { name, kind, rows, cols, data, domain, highlight, onReadout } = p;
  const [active, setActive] = useState<{ r: number; c: number } | null>(null);
  const tableId = useId();
  const size = cellSize({ rows, cols });
  const showLabels = size >= LABEL_MIN_CELL;
  const left = showLabels ? 18 : 2;
  const top = showLabels && p.colLabels ? 16 : 2;
  const width = left + cols * size + 2;
  const height = top + rows * size + 2;
  const scale = valueScale(domain, useResolvedTheme());

  const move = (r: number, c: number) => {
    const next = { r: Math.max(0, Math.min(rows - 1, r)), c: Math.max(0, Math.min(cols - 1, c)) };
    setActive(next);
    onReadout(cellText(p, next.r, next.c));
  };

  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const a = active ?? { r: 0, c: 0 };
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(a.r, a.c + 1),
      ArrowLeft: () => move(a.r, a.c - 1),
      ArrowDown: () => move(a.r + 1, a.c),
      ArrowUp: () => move(a.r - 1, a.c),
      Home: () => move(a.r, 0),
      End: () => move(a.r, cols - 1),
      PageUp: () => move(0, a.c),
      PageDown: () => move(rows - 1, a.c),
    };
    const act = keys[e.key];
    if (!act) return;
    // Keep the transport's arrow keys (useKeyboard skips prevented events) out of the grid.
    e.preventDefault();
    act();
  };

  const dataAttr =
    kind === 'weight'
      ? { 'data-weight': name }
      : kind === 'grad'
        ? { 'data-grad-weight': name }
        : kind === 'delta'
          ? { 'data-delta-weight': name }
          : { 'data-new-weight': name };

  // Per-cell <title> tooltips for matrices of modest size; for big ones (up to 60 x 16) the
  // live readout under the panel header says the exact value on hover, which keeps stepping fast.
  const titles = rows * cols <= TITLE_MAX_CELLS;
  const cells = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      cells.push(
        <rect
          key={i}
          data-i={i}
          x={left + c * size}
          y={top + r * size}
          width={size}
          height={size}
          fill={scale(data[i])}
        >
          {titles && <title>{cellText(p, r, c)}</title>}
        </rect>,
      );
    }
  }
  const onPointerOver = (e: PointerEvent<SVGGElement>) => {
    const i = Number((e.target as Element).getAttribute('data-i'));
    if (Number.isInteger(i) && i >= 0 && i < rows * cols)
      onReadout(cellText(p, Math.floor(i / cols), i % cols));
  };
  const outlines = [];
  if (highlight) {
    const inset = size >= 10 ? 1 : 0.5;
    for (let i = 0; i < highlight.length; i++) {
      if (!highlight[i]) continue;
      const r = Math.floor(i / cols);
      const c = i % cols;
      outlines.push(
        <rect
          key={i}
          x={left + c * size + inset}
          y={top + r * size + inset}
          width={size - 2 * inset}
          height={size - 2 * inset}
          className="hm-touch"
        />,
      );
    }
  }

  return (
    <figure
      className={`hm hm-${kind}${p.emphasis ? ' hm-emph' : ''}`}
      {...dataAttr}
      style={{
        ['--hm-frame' as string]:
          kind === 'grad' || kind === 'delta' ? 'var(--grad)' : `var(--w-${name})`,
      }}
    >
      <figcaption className="hm-caption">
        {p.caption}
        <span className="hm-range num" title={`colour scale from −${domain} to +${domain}`}>
          ±{fmt(domain || 1)}
        </span>
      </figcaption>
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="hm-svg"
        tabIndex={0}
        role="group"
        aria-label={`${p.caption}: ${rows} × ${cols} values, colour scale ±${fmt(domain || 1)}. Arrow keys move between cells.`}
        aria-describedby={p.showNumbers ? tableId : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => move(active?.r ?? 0, active?.c ?? 0)}
        onBlur={() => setActive(null)}
      >
        {showLabels &&
          p.rowLabels.short.map((l, r) => (
            <text
              key={`r${r}`}
              x={left - 4}
              y={top + r * size + size / 2}
              className="hm-label hm-row-label"
            >
              {l}
            </text>
          ))}
        {showLabels &&
          p.colLabels?.short.map((l, c) => (
            <text
              key={`c${c}`}
              x={left + c * size + size / 2}
              y={top - 5}
              className="hm-label hm-col-label"
            >
              {l}
            </text>
          ))}
        <g className="hm-cells" onPointerOver={onPointerOver}>
          {cells}
        </g>
        <g pointerEvents="none">{outlines}</g>
        <rect
          x={left - 1}
          y={top - 1}
          width={cols * size + 2}
          height={rows * size + 2}
          className="hm-frame"
          pointerEvents="none"
        />
        {active && (
          <rect
            x={left + active.c * size}
            y={top + active.r * size}
            width={size}
            height={size}
            className="hm-active"
            pointerEvents="none"
          />
        )}
      </svg>
      {p.showNumbers && (
        <div className="hm-table-wrap">
          <table id={tableId} className="hm-table num">
            <caption className="visually-hidden">{p.caption}</caption>
            {p.colLabels && (
              <thead>
                <tr>
                  <td />
                  {p.colLabels.short.map((l, c) => (
                    <th key={c} scope="col" title={p.colLabels!.long[c]}>
                      {l}
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {Array.from({ length: rows }, (_, r) => (
                <tr key={r}>
                  <th scope="row" title={p.rowLabels.long[r]}>
                    {p.rowLabels.short[r]}
                  </th>
                  {Array.from({ length: cols }, (_, c) => {
                    const v = data[r * cols + c];
                    return (
                      <td
                        key={c}
                        title={String(v)}
                        className={highlight?.[r * cols + c] ? 'hm-td-new' : undefined}
                      >
                        {fmt(v).replace('-', '−')}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

export const Heatmap = memo(HeatmapImpl);
