import type { Rows } from '../../layout/graphLayout';
import type { View } from '../../layout/viewport';

/** Row names on the left, fixed while the chain pans under them. */
export function Gutter({
  rows,
  view,
  left,
  height,
  narrow,
  probs,
  state,
  gated,
}: {
  rows: Rows;
  view: View;
  left: number;
  height: number;
  narrow: boolean;
  /** ŷ is drawn beside o (cross-entropy). */
  probs: boolean;
  /** The hidden state's letter in the notation (s or h). */
  state: string;
  /** A gated cell: ∂L/∂s beside s, its gates' row, and an LSTM's cell-state letter (m or c). */
  gated?: { cellState: string | null };
}) {
  const y = (v: number) => view.y + view.k * v;
  const mid = (top: number, h: number) => y(top + h / 2) + 4;
  const items: [string, string, number][] = [
    ['step', 't', y(rows.header)],
    ['predicted', 'ŷ', y(rows.pred)],
    ['target', 'y', y(rows.target)],
    ['loss', 'L', mid(rows.lossTop, rows.lossH)],
    ['output', probs ? 'o | ŷ' : 'o', mid(rows.oTop, rows.oH)],
    ...(gated?.cellState
      ? [
          ['cell', `${gated.cellState} | ∂L/∂${gated.cellState}`, mid(rows.mTop, rows.mH)] as [
            string,
            string,
            number,
          ],
        ]
      : []),
    ['state', `${state} | ∂L/∂${gated ? state : 'a'}`, mid(rows.sTop, rows.sH)],
    ...(gated ? [['gates', '', mid(rows.gTop, rows.gH)] as [string, string, number]] : []),
    ['input', 'x', mid(rows.xTop, rows.xH)],
    ['symbol', '', y(rows.char)],
  ];
  const show = view.k >= 0.55;
  return (
    <svg className="gs-gutter" width={left + 14} height={height} aria-hidden="true">
      <defs>
        <linearGradient id="gs-gutter-fade" x1="0" x2="1" y1="0" y2="0">
          <stop offset="0" className="gs-fade-a" />
          <stop offset="1" className="gs-fade-b" />
        </linearGradient>
      </defs>
      <rect className="gs-gutter-bg" width={left} height={height} />
      <rect x={left} width={14} height={height} fill="url(#gs-gutter-fade)" />
      {show &&
        items.map(([name, sym, yy]) => (
          <text key={name} className="gs-rowname" x={8} y={yy}>
            {name}
            {!narrow && sym && (
              <tspan className="gs-rowsym" dx={4}>
                {sym}
              </tspan>
            )}
          </text>
        ))}
    </svg>
  );
}
