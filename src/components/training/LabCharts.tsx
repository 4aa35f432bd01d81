import { useId, useState } from 'react';
import { LineChart } from '../charts/LineChart';
import { thin, thinKeepingStart } from '../charts/thin';
import { useLabLive } from './useLabLive';

// The loss and the gradient norm against the iteration: thinned to what a chart can show.

const MAX_POINTS = 300;

export function LabCharts() {
  const loss = useLabLive((s) => s.smoothLoss);
  const grad = useLabLive((s) => s.gradNorm);
  const [log, setLog] = useState(false);
  const id = useId();
  return (
    <div className="lab-charts">
      <div className="chart-box">
        <div className="chart-head">
          <h3>Loss</h3>
          <label htmlFor={id} className="inline">
            <input
              id={id}
              type="checkbox"
              checked={log}
              onChange={(e) => setLog(e.target.checked)}
            />
            Log scale
          </label>
        </div>
        <LineChart
          chart="loss"
          title="Smoothed loss per step against the iteration"
          series={[
            {
              label: 'smoothed loss',
              points: thinKeepingStart(loss.values, loss.n, MAX_POINTS, { x0: 1, positive: log }),
            },
          ]}
          log={log}
          xLabel="iteration"
          yLabel="loss"
        />
      </div>
      <div className="chart-box">
        <div className="chart-head">
          <h3>Gradient norm ‖g‖ (before clipping)</h3>
        </div>
        <LineChart
          chart="grad-norm"
          title="Gradient norm before clipping against the iteration, log scale"
          series={[
            {
              label: '‖g‖',
              points: thin(grad.values, grad.n, MAX_POINTS, { x0: 1, positive: true }),
            },
          ]}
          log
          xLabel="iteration"
          yLabel="‖g‖"
        />
      </div>
    </div>
  );
}
