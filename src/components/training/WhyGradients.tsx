import { useId, useState } from 'react';
import { useStore } from '../../state/store';
import { LineChart } from '../charts/LineChart';
import { thin } from '../charts/thin';
import { Tex } from '../equations/Tex';
import { ACTIVATIONS, CELLS } from '../../core/model';
import { spectralReport } from '../../core/lab/spectral';
import { vanishingBound } from '../../core/lab/vanishingBound';
import { GRAD_BY_TIME_WHY, gradByTimeNote } from './gradByTimeWhy';
import { useLabLive } from './useLabLive';

// Why gradients vanish or explode: how much of the last loss reaches each earlier step, the
// spectral radius of W with a control that rescales it, and the gradient check.

function GradByTime() {
  const flow = useLabLive((s) => s.report?.flow);
  const cell = useStore((s) => s.labChoices.cell);
  const T = flow ? flow.gradNorm.length - 1 : 0;
  const g = flow ? thin(flow.gradNorm, T + 1, 400, { positive: true }) : [];
  const j = flow ? thin(flow.jacobianNorm, T + 1, 400, { positive: true }) : [];
  const m = flow?.cellGradNorm ? thin(flow.cellGradNorm, T + 1, 400, { positive: true }) : [];
  const second =
    m.length > 0
      ? [{ label: '‖∂L_T/∂m_t‖ (cell state)', points: m }]
      : j.length > 1
        ? [{ label: '‖product of Jacobians‖₂', points: j }]
        : [];
  const why = GRAD_BY_TIME_WHY[cell];
  const note = flow ? gradByTimeNote(flow.gradNorm) : null;
  return (
    <div className="chart-box">
      <h3>How much of the last loss reaches each step</h3>
      <LineChart
        chart="grad-by-time"
        title="Norm of the gradient of the last loss with respect to each hidden state, log scale"
        series={[{ label: '‖∂L_T/∂s_t‖', points: g }, ...second]}
        log
        xLabel="time step t"
        yLabel="norm"
      />
      {note && (
        <p className="explain" data-chart-note="grad-by-time">
          {note}
        </p>
      )}
      <p className="explain">
        {why.words} The chart follows L_T alone, the last step’s loss, to show how far one loss’s
        signal travels back; an early input still learns from the losses near it.
      </p>
      <Tex tex={why.tex} display />
    </div>
  );
}

function Spectral() {
  const cell = useStore((s) => s.labChoices.cell);
  if (CELLS[cell].recurrence !== 'W')
    return (
      <p className="lab-spectral">
        ρ(W) describes the vanilla cell, where going back a step multiplies by W. The{' '}
        {CELLS[cell].label}&apos;s W stacks one block of rows per gate, and how far its gradient
        reaches is set by its gates (the chart above), so there is no ρ(W) to show or rescale.
      </p>
    );
  return <SpectralRadius />;
}

function SpectralRadius() {
  const sp = useLabLive((s) => s.report?.spectral);
  const setRadius = useStore((s) => s.labSetSpectralRadius);
  const [r, setR] = useState('1');
  const id = useId();
  const v = Number(r);
  const ok = Number.isFinite(v) && v > 0 && v <= 10;
  return (
    <div className="lab-spectral">
      <p>
        Spectral radius ρ(W) ={' '}
        <span data-metric="spectral-radius">{sp ? sp.spectralRadius.toPrecision(3) : '–'}</span>,
        largest stretch ‖W‖₂ ={' '}
        <span data-metric="spectral-norm">{sp ? sp.spectralNorm.toPrecision(3) : '–'}</span>.
      </p>
      {sp && <VanishingWords spectralNorm={sp.spectralNorm} />}
      <span className="inline">
        <label htmlFor={id}>Rescale W to spectral radius</label>
        <input
          id={id}
          type="number"
          min={0.01}
          max={10}
          step={0.1}
          value={r}
          aria-invalid={!ok || undefined}
          onChange={(e) => setR(e.target.value)}
        />
        <button type="button" disabled={!ok} onClick={() => void setRadius(v)}>
          Rescale W
        </button>
      </span>
    </div>
  );
}

/** The example of a W whose ρ is below 1 while one step back can stretch the gradient. */
const SHEAR = spectralReport(Float64Array.from([0.9, 5, 0, 0.9]), 2);

/** What ‖W‖₂ and the activation's largest slope guarantee, and what ρ(W) does not. */
function VanishingWords({ spectralNorm }: { spectralNorm: number }) {
  const act = useStore((s) => s.labChoices.act);
  const T = useStore((s) => s.labChoices.seqLen);
  const cell = useStore((s) => s.labChoices.cell);
  const keepRates = useStore((s) => s.labChoices.keep);
  // Leaky units keep a share κ of their state: the bound adds it (vanishingBound.ts).
  const keep = CELLS[cell].keep ? keepRates : [];
  const v = vanishingBound(spectralNorm, act, T - 1, keep);
  const label = ACTIVATIONS[act].label;
  const stretch = keep.length
    ? `max κ + ‖W‖₂ · max(1 − κ) · max f′ = ${Math.max(...keep)} + ${spectralNorm.toPrecision(3)} × ${Math.max(...keep.map((k) => 1 - k)).toPrecision(3)} × ${v.maxSlope}`
    : `‖W‖₂ · max f′ = ${spectralNorm.toPrecision(3)} × ${v.maxSlope}`;
  return (
    <p data-vanishing-bound={v.shrinks ? 'shrinks' : 'no-guarantee'}>
      One step back multiplies the gradient by {GRAD_BY_TIME_WHY[cell].factor}, which stretches it
      by at most {stretch} = <span data-metric="vanishing-bound">{v.bound.toPrecision(3)}</span> (
      {label}&apos;s slope is at most {v.maxSlope}).{' '}
      {v.shrinks
        ? `Below 1, every step back shrinks it: over the ${v.steps} steps back from t = ${T} to t = 1 at most ${v.afterSteps.toExponential(1)} of it can remain, whatever the inputs.`
        : 'Above 1 nothing is promised either way: the slopes at the actual aₜ are usually well below their maximum, so the gradient may still fade (the chart shows what it does), or it may grow.'}{' '}
      ρ(W), the largest |eigenvalue|, describes Wⁿ only over many steps with the units in their
      linear range; ρ(W) &lt; 1 alone does not make a gradient fade. W = [[0.9, 5], [0, 0.9]] has ρ
      = {SHEAR.spectralRadius.toPrecision(2)} but ‖W‖₂ = {SHEAR.spectralNorm.toPrecision(2)}.
    </p>
  );
}

function GradCheck() {
  const check = useStore((s) => s.labGradCheck);
  const run = useStore((s) => s.labCheckGradients);
  return (
    <div className="lab-gradcheck">
      <button type="button" onClick={() => void run()}>
        Check gradients
      </button>
      {check && (
        <p>
          Worst relative error{' '}
          <strong data-metric="gradcheck">{check.worstRelError.toExponential(2)}</strong> (rounding
          alone: about {check.expectedRelError.toExponential(1)}), at {check.where.param}[
          {check.where.row}, {check.where.col}] (analytic {check.analytic.toPrecision(6)}, numeric{' '}
          {check.numeric.toPrecision(6)}, {check.checked} entries checked). {check.reason}
        </p>
      )}
    </div>
  );
}

export function WhyGradients() {
  return (
    <section aria-labelledby="why-gradients" className="lab-why">
      <h3 id="why-gradients">Why gradients vanish or explode</h3>
      <GradByTime />
      <Spectral />
      <GradCheck />
    </section>
  );
}
