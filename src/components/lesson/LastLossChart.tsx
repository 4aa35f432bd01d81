import { scaleBand, scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { cursorInfo } from '../../core/cursor';
import { lastLossGradNorms } from '../../core/lastLossGrad';
import type { Params, Trace } from '../../core/types';
import { fmt } from '../encoding';

// ‖∂L_T/∂s_t‖ against t, as bars that appear as the backward pass reaches each step: how much
// of the last loss gets back to each hidden state. d3 computes the scales, React draws.

const W = 560;
const H = 190;
const M = { top: 14, right: 10, bottom: 40, left: 64 };

export function LastLossChart({
  trace,
  params,
  cursor,
  state,
}: {
  trace: Trace;
  params: Pick<Params, 'W' | 'V'>;
  cursor: number;
  /** The hidden state's letter of the notation. */
  state: string;
}) {
  const norms = useMemo(() => lastLossGradNorms(trace, params), [trace, params]);
  const { T } = trace;
  const { phase, t: at } = cursorInfo(cursor, T);
  // Bars up to where the backward pass has reached; all of them once it is done.
  const firstShown = phase === 'backward' ? at : phase === 'update' ? 1 : T + 1;
  const x = scaleBand<number>()
    .domain(Array.from({ length: T }, (_, i) => i + 1))
    .range([M.left, W - M.right])
    .padding(0.15);
  const max = Math.max(...norms, 1e-12);
  const y = scaleLinear()
    .domain([0, max])
    .range([H - M.bottom, M.top])
    .nice(3);
  const ticks = y.ticks(3);
  const every = Math.ceil(T / 10);
  const shown = Math.max(0, T + 1 - firstShown);
  return (
    <figure className="lesson-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={
          shown === 0
            ? `‖∂L_${T}/∂${state}_t‖: bars appear as the backward pass reaches each step`
            : `‖∂L_${T}/∂${state}_t‖ for t = ${T} down to ${firstShown}: ${Array.from(
                norms.slice(firstShown - 1),
                fmt,
              )
                .reverse()
                .join(', ')}`
        }
        data-chart="last-loss-grad"
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
          return (
            <g key={t} data-t={t}>
              {on && (
                <rect
                  className="lc-bar"
                  x={x(t)}
                  width={x.bandwidth()}
                  y={y(v)}
                  height={Math.max(0, H - M.bottom - y(v))}
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
      <figcaption>
        ‖∂L<sub>{T}</sub>/∂{state}
        <sub>t</sub>‖: how much of the last loss reaches each hidden state.
      </figcaption>
    </figure>
  );
}
