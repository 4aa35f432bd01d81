import { extent } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { Point } from './thin';
import './charts.css';

// A small line chart: d3 computes the scales and the path, React draws them. One or two
// series; `data-points` counts the points drawn (of the first series).

export interface Series {
  points: Point[];
  /** Words for the legend; the second series is dashed. */
  label: string;
}

export interface LineChartProps {
  chart: string;
  /** What the chart shows, for its accessible name. */
  title: string;
  series: Series[];
  log: boolean;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  /** A fixed y range (to compare charts side by side); by default the data's. */
  yDomain?: [number, number];
}

const M = { top: 8, right: 10, bottom: 30, left: 52 };

const fmt = (v: number) => {
  const a = Math.abs(v);
  if (a >= 1e4 && a < 1e7) return `${+(v / 1000).toPrecision(3)}k`;
  if (a >= 1e7 || (a < 1e-2 && v !== 0)) return v.toExponential(0);
  return String(+v.toPrecision(3));
};

export function LineChart({
  chart,
  title,
  series,
  log,
  xLabel,
  yLabel,
  width = 360,
  height = 180,
  yDomain,
}: LineChartProps) {
  const all = series.flatMap((s) => s.points);
  const [x0, x1] = extent(all, (p) => p.x) as [number | undefined, number | undefined];
  const [y0, y1] = extent(all, (p) => p.y) as [number | undefined, number | undefined];
  const iw = width - M.left - M.right;
  const ih = height - M.top - M.bottom;
  const x = scaleLinear()
    .domain([x0 ?? 0, x1 === x0 ? (x0 ?? 0) + 1 : (x1 ?? 1)])
    .range([0, iw]);
  const lo = yDomain?.[0] ?? y0 ?? (log ? 1e-3 : 0);
  const hi = yDomain?.[1] ?? y1 ?? 1;
  const y = (log ? scaleLog() : scaleLinear())
    .domain(lo === hi ? (log ? [lo / 2, hi * 2] : [lo - 1, hi + 1]) : [lo, hi])
    .range([ih, 0])
    .nice();
  const path = line<Point>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const yTicks = log
    ? y.ticks(4).filter((_, i, a) => a.length <= 5 || i % Math.ceil(a.length / 5) === 0)
    : y.ticks(4);
  return (
    <figure className="line-chart">
      <svg
        data-chart={chart}
        data-points={series[0]?.points.length ?? 0}
        data-y-top={y.domain()[1]}
        role="img"
        aria-label={title}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
      >
        <g transform={`translate(${M.left},${M.top})`}>
          {yTicks.map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`} className="tick">
              <line x2={iw} />
              <text x={-6} dy="0.32em" textAnchor="end">
                {fmt(t)}
              </text>
            </g>
          ))}
          {x.ticks(5).map((t) => (
            <text key={t} className="tick" x={x(t)} y={ih + 14} textAnchor="middle">
              {fmt(t)}
            </text>
          ))}
          <line className="axis" y1={ih} y2={ih} x2={iw} />
          {series.map((s, i) =>
            s.points.length ? (
              <path key={s.label} className={`series series-${i}`} d={path(s.points) ?? ''} />
            ) : null,
          )}
          <text className="axis-label" x={iw / 2} y={ih + 27} textAnchor="middle">
            {xLabel}
          </text>
          <text
            className="axis-label"
            transform={`translate(${-42},${ih / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {yLabel}
          </text>
        </g>
      </svg>
      {series.length > 1 && (
        <figcaption className="legend">
          {series.map((s, i) => (
            <span key={s.label} className={`key key-${i}`}>
              {s.label}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
