import { useMemo } from 'react';
import type { VanillaTwin } from '../../content/lesson/vanillaTwin';
import { lastLossGradNorms } from '../../core/lastLossGrad';
import { lastLossGradLstm, rowNorms } from '../../core/lastLossGradLstm';
import type { Params, Trace } from '../../core/types';
import { NormBars } from './NormBars';

// The cell-state chapter's picture: how much of the last loss reaches an LSTM's cell state and
// hidden state, next to a vanilla RNN's hidden state on the same text, on one log scale.

export function CellStateChart({
  trace,
  params,
  vanilla,
  cursor,
  state,
  cellState,
}: {
  trace: Trace;
  params: Pick<Params, 'W' | 'V'>;
  vanilla: VanillaTwin;
  cursor: number;
  state: string;
  cellState: string;
}) {
  const series = useMemo(() => {
    const { T, H } = trace;
    const g = lastLossGradLstm(trace, params);
    return {
      m: rowNorms(g.dm, T, H),
      s: rowNorms(g.ds, T, H),
      rnn: lastLossGradNorms(vanilla.trace, vanilla.params),
    };
  }, [trace, params, vanilla]);
  const all = [...series.m, ...series.s, ...series.rnn].filter((v) => v > 0);
  const domain = [Math.min(...all), Math.max(...all)] as const;
  const T = trace.T;
  const bars = (norms: Float64Array, chart: string, x: string, who: string) => (
    <NormBars
      norms={norms}
      cursor={cursor}
      label={`${who}: ‖∂L_${T}/∂${x}_t‖`}
      chart={chart}
      log={domain}
      caption={
        <>
          {who}: ‖∂L<sub>{T}</sub>/∂{x}
          <sub>t</sub>‖
        </>
      }
    />
  );
  return (
    <div
      className="lesson-charts"
      role="group"
      aria-label="Gradient of the last loss, LSTM against vanilla RNN"
    >
      {bars(series.m, 'lstm-cell-grad', cellState, 'LSTM cell state')}
      {bars(series.s, 'lstm-state-grad', state, 'LSTM hidden state')}
      {bars(series.rnn, 'rnn-state-grad', state, 'Vanilla RNN hidden state')}
    </div>
  );
}
