import { useMemo, useState } from 'react';
import { plainLoss } from '../../content/format';
import { TEACHER_FORCED, taskWords } from '../../content/labTasks';
import { useStore } from '../../state/store';
import { useLabLive } from './useLabLive';

// The numbers of the run, up to ten times a second from the transient store.

const sig = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '–' : Number.isFinite(v) ? v.toPrecision(3) : String(v);

export function LabMetrics() {
  const p = useLabLive((s) => s.report?.progress);
  // Accuracy is measured only at some reports (not while Train N steps runs): the last one
  // measured stays on screen, with the iteration it is from, instead of vanishing.
  const [measured, setMeasured] = useState<{ accuracy: number; at: number } | null>(null);
  if (p?.accuracy != null && (measured?.accuracy !== p.accuracy || measured.at !== p.iteration))
    setMeasured({ accuracy: p.accuracy, at: p.iteration });
  else if (measured && (!p || p.iteration < measured.at)) setMeasured(null);
  const rate = useLabLive((s) => s.report?.rate ?? 0);
  const clip = useStore((s) => s.labChoices.clip);
  const task = useStore((s) => s.labChoices.task);
  const text = useStore((s) => s.labChoices.text);
  const seqLen = useStore((s) => s.labChoices.seqLen);
  const delay = useStore((s) => s.labChoices.delay);
  const words = useMemo(
    () => taskWords({ task, text, seqLen, delay }),
    [task, text, seqLen, delay],
  );
  return (
    <dl className="lab-metrics">
      <div>
        <dt>Iteration</dt>
        <dd data-metric="iteration">{p?.iteration ?? 0}</dd>
      </div>
      <div>
        <dt>Loss (smoothed, per step)</dt>
        <dd data-metric="loss">
          {p && !Number.isNaN(p.smoothLoss) ? plainLoss(p.smoothLoss) : '–'}
        </dd>
      </div>
      <div>
        <dt>{words.accuracyLabel}</dt>
        <dd data-metric="accuracy">
          {measured ? `${(100 * measured.accuracy).toFixed(1)}%` : '–'}
        </dd>
        {measured && p && measured.at !== p.iteration && (
          <dd className="lab-metric-note">at iteration {measured.at}</dd>
        )}
      </div>
      <div>
        <dt>‖g‖ before clipping</dt>
        <dd data-metric="grad-norm">{sig(p?.gradNorm)}</dd>
      </div>
      <div>
        <dt>‖g‖ after clipping</dt>
        <dd data-metric="grad-norm-clipped">
          {clip === 'off' ? 'no clipping' : sig(p?.clippedGradNorm)}
        </dd>
      </div>
      <div>
        <dt>Speed</dt>
        <dd data-metric="rate">{rate > 0 ? `${Math.round(rate)} it/s` : '–'}</dd>
      </div>
      <div className="lab-measure">
        <dt className="visually-hidden">What the accuracy counts</dt>
        <dd data-testid="accuracy-means">{words.measure}</dd>
      </div>
    </dl>
  );
}

export function LabSample() {
  const sample = useLabLive((s) => s.report?.progress.sample ?? null);
  const task = useStore((s) => s.labChoices.task);
  const temperature = useStore((s) => s.labChoices.temperature);
  if (task !== 'text') return null;
  return (
    <div className="lab-sample">
      <div>
        <h4>Sample at temperature {sample?.temperature ?? temperature}</h4>
        <pre data-metric="sample">{sample ? sample.seed + sample.sample : '…'}</pre>
      </div>
      <div>
        <h4>Most likely continuation</h4>
        <pre data-metric="greedy">{sample ? sample.seed + sample.greedy : '…'}</pre>
      </div>
      <p className="lab-sample-why">{TEACHER_FORCED}</p>
    </div>
  );
}
