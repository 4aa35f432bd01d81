import { useCallback, useMemo, useState } from 'react';
import { useAfterPaint } from '../app/useAfterPaint';
import type { ExploreResult } from '../../core/explore';
import { cursorInfo } from '../../core/cursor';
import {
  selectCursor,
  selectHoverWeight,
  selectNotation,
  selectResult,
} from '../../state/selectors';
import { isEdgeWeight } from '../../core/model';
import { paramText } from '../../content/notation';
import { useStore } from '../../state/store';
import type { WeightName } from '../encoding';
import { fmt, maxAbs, valueScale, zeroWord } from '../encoding';
import { useResolvedTheme } from '../equations/useResolvedTheme';
import { plainNumber, updateLossAdvice } from '../../content/lossAdvice';
import { Heatmap } from './Heatmap';
import {
  accumulate,
  axesOf,
  gradDomains,
  shapeOf,
  shapeText,
  stepContribution,
  touched,
  weightDomains,
  WEIGHTS,
} from './weightsData';
import './WeightsPanel.css';

// The parameters as heatmaps, beside their gradients. In the backward pass at bK the gradient
// shows the sum of the contributions of t >= K, with step K's own cells outlined and its
// contribution drawn on its own ("+Δ from t = K"); at `update` the new weights sit beside the
// old. Hovering a shared weight lights up its edges in the graph (store.hoverWeight).

/** ∂L/∂U (or ∂L/∂W_xh) in plain text. */
const gradSymbol = (name: string) => `∂L/∂${name}`;

function Legend() {
  const theme = useResolvedTheme();
  const scale = valueScale(1, theme);
  const zero = zeroWord(theme);
  const stops = [-1, -0.5, 0, 0.5, 1];
  return (
    <div
      className="wp-legend"
      aria-label={`Colour scale: purple negative, ${zero} zero, orange positive`}
    >
      <span className="num">−</span>
      <svg width="96" height="10" aria-hidden="true">
        <defs>
          <linearGradient id="wp-legend-grad">
            {stops.map((s) => (
              <stop key={s} offset={`${((s + 1) / 2) * 100}%`} stopColor={scale(s)} />
            ))}
          </linearGradient>
        </defs>
        <rect width="96" height="10" fill="url(#wp-legend-grad)" stroke="var(--border)" />
      </svg>
      <span className="num">+</span>
      <span className="wp-legend-text">
        each matrix on its own symmetric scale (±m beside its name); 0 is {zero}
      </span>
    </div>
  );
}

function LossCompare({ result }: { result: ExploreResult }) {
  const before = result.trace.loss;
  const after = result.updated.loss;
  const change = after - before;
  const advice = updateLossAdvice(before, after, result.updated.lr);
  return (
    <p className="wp-loss">
      Loss on this sequence:{' '}
      <span className="num" data-value={String(before)} title={String(before)}>
        {fmt(before)}
      </span>{' '}
      before →{' '}
      <strong
        className="num"
        data-testid="updated-loss"
        data-value={String(after)}
        title={String(after)}
      >
        {fmt(after)}
      </strong>{' '}
      after one step with α = {result.updated.lr}{' '}
      <span className={change <= 0 ? 'wp-better' : 'wp-worse'}>
        ({change <= 0 ? 'down' : 'up'} by {fmt(Math.abs(change))})
      </span>
      {advice && (
        <span className="wp-advice" data-advice={advice.severity}>
          {' '}
          {advice.severity === 'much-worse'
            ? `— ${Number.isFinite(advice.ratio) ? `${plainNumber(advice.ratio)} times what it was` : 'it overflowed'}: the step was far too large for this loss (try α = ${advice.suggestedLr}; see the derivation).`
            : `— the step overshot (try α = ${advice.suggestedLr}).`}
        </span>
      )}
    </p>
  );
}

export function WeightsPanel() {
  const result = useStore(selectResult);
  const cursor = useAfterPaint(useStore(selectCursor));
  const hoverWeight = useStore(selectHoverWeight);
  const notation = useStore(selectNotation);
  const [showNumbers, setShowNumbers] = useState(false);
  const [readout, setReadout] = useState('');
  const onReadout = useCallback((t: string) => setReadout(t), []);

  const trace = result?.trace ?? null;
  const gDomains = useMemo(() => (trace ? gradDomains(trace) : null), [trace]);
  const wDomains = useMemo(
    () => (result ? weightDomains(result.scenario.params, result.updated.params) : null),
    [result],
  );

  const labels = result?.labels ?? null;
  const axes = useMemo(() => {
    if (!trace) return null;
    const out = {} as Record<WeightName, ReturnType<typeof axesOf>>;
    for (const name of WEIGHTS) out[name] = axesOf(name, trace, labels);
    return out;
  }, [trace, labels]);

  const phaseInfo = trace ? cursorInfo(cursor, trace.T) : null;
  // The gradient is known from t = from to T: at bK from = K, at update it is complete.
  const from =
    phaseInfo?.phase === 'backward' ? phaseInfo.t : phaseInfo?.phase === 'update' ? 1 : null;

  const backward = phaseInfo?.phase === 'backward';
  const grads = useMemo(() => {
    if (!trace || from === null) return null;
    const out = {} as Record<
      WeightName,
      { sum: Float64Array; delta: Float64Array | null; mark: Uint8Array | null; all: boolean }
    >;
    for (const name of WEIGHTS) {
      const s = shapeOf(name, trace);
      const size = s.rows * s.cols;
      const sum =
        from === 1 ? trace.grads[name] : accumulate(trace.contrib[name], size, from, trace.T);
      const delta = backward ? stepContribution(trace.contrib[name], size, from) : null;
      const mark = delta ? touched(delta) : null;
      const all = !!mark && mark.every((m) => m === 1);
      // When the step touched every cell, outlining them all says less than one bold frame.
      out[name] = { sum, delta, mark: all ? null : mark, all };
    }
    return out;
  }, [trace, from, backward]);

  if (!result || !trace || !gDomains || !wDomains || !phaseInfo || !axes) {
    return (
      <section aria-label="Weights and gradients" className="panel weights">
        <h3>Weights and gradients</h3>
        <p className="wp-empty">The weights appear once the network is computed.</p>
      </section>
    );
  }

  const { phase } = phaseInfo;
  const isUpdate = phase === 'update';
  const hover = (w: WeightName | null) => {
    const s = useStore.getState();
    const next = isEdgeWeight(w) ? w : null;
    if (s.hoverWeight !== next) s.setHoverWeight(next);
  };

  const status =
    phase === 'backward'
      ? `Gradients so far: the sum of the contributions of t = ${from} … ${trace.T}; cells outlined (or the whole matrix framed boldly) got a share from t = ${from}.`
      : isUpdate
        ? `The full gradients, and the weights after θ ← θ − α ∂L/∂θ with α = ${result.updated.lr}.`
        : 'The gradients appear in the backward pass.';

  return (
    <section aria-label="Weights and gradients" className="panel weights">
      <header className="wp-head">
        <h3>Weights and gradients</h3>
        <Legend />
        <button
          type="button"
          aria-pressed={showNumbers}
          onClick={() => setShowNumbers((v) => !v)}
          className="wp-toggle"
        >
          Show numbers
        </button>
      </header>
      <p className="wp-status">{status}</p>
      {isUpdate && <LossCompare result={result} />}
      <p className="wp-readout num" aria-live="polite">
        {readout || 'Hover or focus a cell (then use the arrow keys) to read its exact value.'}
      </p>
      <div className="wp-scroll">
        <div className="wp-grid">
          {WEIGHTS.map((name) => {
            const s = shapeOf(name, trace);
            const g = grads?.[name];
            const common = {
              name,
              rows: s.rows,
              cols: s.cols,
              rowLabels: axes[name].rows,
              colLabels: axes[name].cols,
              showNumbers,
              onReadout,
            };
            const dims = shapeText(name, s);
            const sym = paramText(name, notation);
            return (
              <div
                key={name}
                className={`wp-row${hoverWeight === name ? ' is-hover' : ''}`}
                data-param-row={name}
                onPointerEnter={() => hover(name)}
                onPointerLeave={() => hover(null)}
                onFocus={() => hover(name)}
                onBlur={() => hover(null)}
              >
                <Heatmap
                  {...common}
                  kind="weight"
                  caption={isUpdate ? `${sym} (${dims}) before` : `${sym} (${dims})`}
                  symbol={sym}
                  data={result.scenario.params[name]}
                  domain={wDomains[name]}
                />
                {g ? (
                  <Heatmap
                    {...common}
                    kind="grad"
                    caption={
                      isUpdate || from === 1
                        ? `${gradSymbol(sym)}, all t`
                        : `${gradSymbol(sym)}, t ≥ ${from}`
                    }
                    symbol={gradSymbol(sym)}
                    data={g.sum}
                    domain={gDomains[name]}
                    highlight={g.mark}
                    emphasis={g.all}
                  />
                ) : (
                  <div className="hm-pending" data-grad-pending={name}>
                    {gradSymbol(sym)}
                    <br />
                    after the backward pass
                  </div>
                )}
                {g?.delta && (
                  <Heatmap
                    {...common}
                    kind="delta"
                    caption={`+Δ from t = ${from}`}
                    symbol={`Δ${from} ${gradSymbol(sym)}`}
                    data={g.delta}
                    domain={maxAbs(g.delta)}
                  />
                )}
                {isUpdate && (
                  <Heatmap
                    {...common}
                    kind="new"
                    caption={`${sym} after`}
                    symbol={`new ${sym}`}
                    data={result.updated.params[name]}
                    domain={wDomains[name]}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
