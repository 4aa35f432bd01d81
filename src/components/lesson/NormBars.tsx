import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import type { ReactNode } from 'react';
import { cursorInfo } from '../../core/cursor';
import { fmt } from '../encoding';

// Norms against t, as bars that appear as the backward pass reaches each step (step 12's
// ‖∂L_T/∂s_t‖ and the cell-state chapter's three series). d3 computes the scales, React draws.

const W = 560;
const H = 190;
const M = { top: 14, right: 10, bottom: 40, left: 64 };

export function NormBars({
  norms,
  cursor,
  label,
  chart,
  caption,
  log,
}: {
  /** One norm per step t = 1 … T. */
  norms: Float64Array;
  cursor: number;
  /** What a bar measures, as plain text (`‖∂L_21/∂s_t‖`), for the accessible name. */
  label: string;
  /** The figure's data-chart. */
  chart: string;
  caption: ReactNode;
  /** A shared log-scale domain [smallest, largest], so several figures compare. */
  log?: readonly [number, number];
}) {
  const T = norms.length;
  const { phase, t: at } = cursorInfo(cursor, T);
  // Bars up to where the backward pass has reached; all of them once it is done.
  const firstShown = phase === 'backward' ? at : phase === 'update' ? 1 : T + 1;
  const x = scaleBand<number>()
    .domain(Array.from({ length: T }, (_, i) => i + 1))
    .range([M.left, W - M.right])
    .padding(0.15);
  const y = log
    ? scaleLog()
        .domain([Math.max(log[0], 1e-300), Math.max(log[1], log[0] * 10)])
        .range([H - M.bottom, M.top])
        .nice()
    : scaleLinear()
        .domain([0, Math.max(...norms, 1e-12)])
        .range([H - M.bottom, M.top])
        .nice(3);
  const bottom = H - M.bottom;
  const ticks = log ? decades(y.domain() as [number, number]) : y.ticks(3);
  const every = Math.ceil(T / 10);
  const shown = Math.max(0, T + 1 - firstShown);
  return (
    <figure className="lesson-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={
          shown === 0
            ? `${label}: bars appear as the backward pass reaches each step`
            : `${label} for t = ${T} down to ${firstShown}: ${Array.from(
                norms.slice(firstShown - 1),
                fmt,
              )
                .reverse()
                .join(', ')}`
        }
        data-chart={chart}
        data-points={shown}
      >
        {ticks.map((v) => (
          <g key={v} className="lc-tick">
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
            <text x={M.left - 6} y={y(v)} dy="0.35em" textAnchor="end">
              {fmt(v)}
            </text>
          </g>
        ))}
        {Array.from(norms, (v, i) => {
          const t = i + 1;
          const on = t >= firstShown;
          const top = Math.min(bottom, y(Math.max(v, y.domain()[0])));
          return (
            <g key={t} data-t={t}>
              {on && (
                <rect
                  className="lc-bar"
                  x={x(t)}
                  width={x.bandwidth()}
                  y={top}
                  height={Math.max(0, bottom - top)}
                >
                  <title>{`t = ${t}: ${v}`}</title>
                </rect>
              )}
              {(t % every === 0 || t === 1) && (
                <text className="lc-t" x={x(t)! + x.bandwidth() / 2} y={H - M.bottom + 16}>
                  {t}
                </text>
              )}
            </g>
          );
        })}
        <text className="lc-axis" x={(M.left + W - M.right) / 2} y={H - 4}>
          time step t
        </text>
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** The powers of ten in a log domain, at most four of them (every other one if more). */
function decades([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) out.push(10 ** e);
  const step = Math.ceil(out.length / 4);
  return out.filter((_, i) => (out.length - 1 - i) % step === 0);
}
