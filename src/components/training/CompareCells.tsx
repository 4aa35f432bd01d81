import { useEffect, useId, useState } from 'react';
import {
  COMPARE_CELLS,
  LAB_CHOICES,
  LONG_DELAY_SETUP,
  type CompareCell,
  type LabChoices,
} from '../../core/lab/choices';
import { CELLS, DEFAULT_CELL } from '../../core/model';
import { useStore } from '../../state/store';
import type { CompareReport, CompareSide } from '../../state/compare';
import { LineChart } from '../charts/LineChart';
import { thin } from '../charts/thin';
import { lowerFirst } from '../lesson/lowerFirst';
import { ProgressBar } from './ProgressBar';
import { useCompare, type CompareSetup } from './useCompare';

// A vanilla RNN and another cell (leaky units, an LSTM, a GRU) side by side: the lab's task and settings with only the cell
// changed, the same number of iterations each, their held-out accuracy and how much of the last
// loss reaches each step, on one shared log scale.

const MAX_BUDGET = 20_000;
const DEFAULT_BUDGET = 3000;

const fmt = (v: number | null) => (v === null || !Number.isFinite(v) ? '–' : v.toFixed(3));

/** ‖∂L_T/∂s_1‖ / ‖∂L_T/∂s_T‖ in words: how much of the last loss's gradient reaches step 1. */
function kept(s: CompareSide): string {
  const T = s.gradNorm.length - 1;
  const r = s.gradNorm[1] / s.gradNorm[T];
  return Number.isFinite(r) ? r.toExponential(1) : '–';
}

function GradByTime({ side, domain }: { side: CompareSide; domain?: [number, number] }) {
  const T = side.gradNorm.length - 1;
  const series = [
    { label: '‖∂L_T/∂s_t‖', points: thin(side.gradNorm, T + 1, 200, { positive: true }) },
  ];
  if (side.cellGradNorm)
    series.push({
      label: '‖∂L_T/∂m_t‖ (cell state)',
      points: thin(side.cellGradNorm, T + 1, 200, { positive: true }),
    });
  const label = CELLS[side.cell].label;
  return (
    <div className="chart-box" data-cell={side.cell}>
      <h4>{label}</h4>
      <LineChart
        chart="compare-grad-by-time"
        title={`${label}: norm of the gradient of the last loss with respect to each state, log scale`}
        series={series}
        log
        yDomain={domain}
        xLabel="time step t"
        yLabel="norm"
      />
      <p className="explain">
        ‖∂L_T/∂s₁‖ = <span data-metric="kept">{kept(side)}</span> × ‖∂L_T/∂s_T‖: what reaches the
        first step.
      </p>
    </div>
  );
}

/** One log range for both charts, so their slopes compare at a glance. */
function sharedDomain(sides: CompareSide[]): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of sides)
    for (const a of [s.gradNorm, s.cellGradNorm])
      for (const v of a ?? [])
        if (Number.isFinite(v) && v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
  return lo < hi ? [lo, hi] : undefined;
}

/** The setup in a few words: task, delay, length, hidden units. */
function describe(c: LabChoices): string {
  const task = LAB_CHOICES.task.labels[c.task];
  const k = c.task === 'copy' ? `, k = ${c.delay}` : '';
  return `${task}${k}, T = ${c.seqLen}, ${c.hidden} hidden units, ${LAB_CHOICES.opt.labels[c.opt]} at ${c.lr}`;
}

const pct = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(0)}%`);

/** The outcome in one sentence each, from the numbers on screen. */
function Verdict({ report }: { report: CompareReport }) {
  const { chance } = report;
  const [a, b] = report.sides;
  if (!a || !b) return null;
  const name = (s: CompareSide) => lowerFirst(CELLS[s.cell].label);
  return (
    <p className="compare-verdict" data-testid="compare-verdict">
      After {report.budget} iterations each, {report.successWords}: {pct(a.accuracy)} for the{' '}
      {name(a)}, {pct(b.accuracy)} for the {name(b)}
      {chance === null ? '' : ` (chance ${pct(chance)})`}. Of the last loss&apos;s gradient,{' '}
      {kept(a)} × ‖∂L_T/∂s_T‖ reaches the first step in the {name(a)}, {kept(b)} × in the {name(b)}.
    </p>
  );
}

function Results({ sides, setup }: { sides: CompareSide[]; setup: CompareSetup }) {
  return (
    <>
      <table className="compare-table">
        <caption>
          {describe(setup.choices)}: a budget of {setup.budget} iterations each
        </caption>
        <thead>
          <tr>
            <th scope="col">Cell</th>
            <th scope="col">Iterations</th>
            <th scope="col">Held-out accuracy</th>
            <th scope="col">Smoothed loss</th>
          </tr>
        </thead>
        <tbody>
          {sides.map((s) => (
            <tr key={s.cell} data-cell={s.cell}>
              <th scope="row">{CELLS[s.cell].label}</th>
              <td data-metric="compare-iteration">{s.iteration}</td>
              <td data-metric="compare-accuracy">{fmt(s.accuracy)}</td>
              <td>{fmt(s.smoothLoss)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sides.map((s) =>
        s.divergence ? (
          <p key={s.cell} role="alert" className="problem">
            {CELLS[s.cell].label} stopped: {s.divergence}
          </p>
        ) : null,
      )}
      <div className="chart-box">
        <h4>Held-out accuracy</h4>
        <LineChart
          chart="compare-accuracy"
          title="Held-out accuracy of each cell against the iteration"
          series={sides.map((s) => ({
            label: CELLS[s.cell].label,
            points: Array.from(s.accuracyCurve.iteration, (x, i) => ({
              x,
              y: s.accuracyCurve.value[i],
            })),
          }))}
          log={false}
          xLabel="iteration"
          yLabel="accuracy"
        />
      </div>
      <div className="compare-pair">
        {sides.map((s) => (
          <GradByTime key={s.cell} side={s} domain={sharedDomain(sides)} />
        ))}
      </div>
    </>
  );
}

export function CompareCells() {
  const choices = useStore((s) => s.labChoices);
  const setLabChoices = useStore((s) => s.setLabChoices);
  const { report, status, error, setup, start, pause, resume } = useCompare();
  // A link with `compare=lstm` (or gru) opens the lab with the comparison running.
  const [other, setOther] = useState<CompareCell>(() => {
    const asked = useStore.getState().labCompare;
    return asked === 'none' ? 'lstm' : asked;
  });
  const [budget, setBudget] = useState(String(DEFAULT_BUDGET));
  const otherId = useId();
  const budgetId = useId();
  const n = Number(budget);
  const budgetOk = Number.isInteger(n) && n >= 1 && n <= MAX_BUDGET;
  const go = (c: LabChoices, cell = other) => {
    start({ choices: c, cells: [DEFAULT_CELL, cell], budget: n });
    useStore.getState().setLabCompare(cell);
  };
  useEffect(() => {
    const s = useStore.getState();
    if (s.labCompare !== 'none') go(s.labChoices, s.labCompare);
    // On opening only: later the buttons start it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const done = report ? Math.min(...report.sides.map((s) => s.iteration)) : 0;
  const task = LAB_CHOICES.task.labels[choices.task].toLowerCase();
  return (
    <section aria-labelledby="compare-cells" className="lab-compare">
      <h3 id="compare-cells">Side by side: a vanilla RNN and another cell</h3>
      <p>
        Both train on the task above ({task}
        {choices.task === 'copy' ? `, k = ${choices.delay}` : ''}) with its settings and seed; only
        the cell differs. Each gets the same number of iterations, in turns. Accuracy is measured on
        held-out sequences.
      </p>
      <div className="compare-controls" role="group" aria-label="Comparison">
        <span className="field">
          <label htmlFor={otherId}>Compare the vanilla RNN with</label>
          <select
            id={otherId}
            value={other}
            onChange={(e) => setOther(e.target.value as CompareCell)}
          >
            {COMPARE_CELLS.map((c) => (
              <option key={c} value={c}>
                {CELLS[c].label}
              </option>
            ))}
          </select>
        </span>
        <span className="field">
          <label htmlFor={budgetId}>Iterations for each</label>
          <input
            id={budgetId}
            type="number"
            min={1}
            max={MAX_BUDGET}
            step={1}
            value={budget}
            aria-invalid={!budgetOk || undefined}
            onChange={(e) => setBudget(e.target.value)}
          />
        </span>
        <button type="button" className="primary" disabled={!budgetOk} onClick={() => go(choices)}>
          {status === 'idle' ? 'Compare' : 'Compare again'}
        </button>
        {status === 'running' && (
          <button type="button" onClick={pause}>
            Pause comparing
          </button>
        )}
        {status === 'paused' && (
          <button type="button" onClick={resume}>
            Resume comparing
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            const c = { ...choices, ...LONG_DELAY_SETUP };
            void setLabChoices(LONG_DELAY_SETUP).then((errors) => {
              if (!errors.length && budgetOk) go(c);
            });
          }}
        >
          Compare on delayed copy, k = {LONG_DELAY_SETUP.delay}
        </button>
      </div>
      {error && (
        <p role="alert" className="problem">
          {error}
        </p>
      )}
      {setup && (
        <ProgressBar
          label="Comparison progress"
          done={done}
          total={setup.budget}
          valueText={`${done} of ${setup.budget} iterations each`}
          shown={`${done} / ${setup.budget} iterations each${status === 'done' ? ', done' : ''}`}
        />
      )}
      {report && status === 'done' && <Verdict report={report} />}
      {report && setup && <Results sides={report.sides} setup={setup} />}
    </section>
  );
}
