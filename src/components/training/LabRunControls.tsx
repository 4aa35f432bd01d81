import { useId, useState } from 'react';
import { useStore } from '../../state/store';
import { ProgressBar } from './ProgressBar';
import { useLabLive } from './useLabLive';

// Train / Pause training (one toggle), one step, N steps with a progress bar and a time-left
// estimate, and Reset training.

const MAX_N = 1_000_000;

function StepsProgress() {
  const goal = useStore((s) => s.labGoal);
  const iteration = useLabLive((s) => s.report?.progress.iteration ?? 0);
  const rate = useLabLive((s) => s.report?.rate ?? 0);
  if (!goal || goal.target - goal.start < 2) return null;
  const n = goal.target - goal.start;
  const done = Math.min(n, Math.max(0, iteration - goal.start));
  const left = rate > 0 ? (n - done) / rate : NaN;
  const eta = Number.isFinite(left)
    ? left < 1
      ? 'under a second left'
      : `about ${left < 90 ? `${Math.round(left)} s` : `${Math.round(left / 60)} min`} left`
    : 'estimating the time left';
  return (
    <ProgressBar
      label={`Training ${n} steps`}
      done={done}
      total={n}
      valueText={`${done} of ${n} steps, ${eta}`}
      shown={`${done} / ${n} steps, ${eta}`}
    />
  );
}

export function LabRunControls() {
  const status = useStore((s) => s.labStatus);
  const diverged = useStore((s) => s.labDivergence !== null);
  const { labTrain, labPause, labStepOnce, labTrainSteps, labReset } = useStore.getState();
  const [n, setN] = useState('100');
  const id = useId();
  const running = status === 'running' || status === 'steps';
  const nValue = Math.round(Number(n));
  const nOk = Number.isFinite(nValue) && nValue >= 1 && nValue <= MAX_N;
  return (
    <div className="lab-run" role="group" aria-label="Run">
      <button
        type="button"
        className="primary"
        disabled={diverged && !running}
        onClick={() => (running ? void labPause() : labTrain())}
      >
        {running ? 'Pause training' : 'Train'}
      </button>
      <button type="button" disabled={diverged} onClick={() => void labStepOnce()}>
        Train one step
      </button>
      <span className="inline">
        <label htmlFor={id}>N</label>
        <input
          id={id}
          type="number"
          min={1}
          max={MAX_N}
          step={1}
          value={n}
          aria-invalid={!nOk || undefined}
          onChange={(e) => setN(e.target.value)}
        />
        <button type="button" disabled={!nOk || diverged} onClick={() => labTrainSteps(nValue)}>
          Train N steps
        </button>
      </span>
      <button type="button" onClick={() => void labReset()}>
        Reset training
      </button>
      <StepsProgress />
    </div>
  );
}
