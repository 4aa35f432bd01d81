import { memo } from 'react';
import { useStore } from '../../state/store';
import type { SharedWeight } from '../../state/slices/viewSlice';
import { selectNotation } from '../../state/selectors';
import { EDGE_WEIGHTS, NOTATIONS, PARAMS } from '../../core/model';
import { paramText } from '../../content/notation';
import { probScaleFor, valueScale, WEIGHT_VAR } from '../encoding';
import { useResolvedTheme } from '../equations/useResolvedTheme';

// What the colours mean. The ramps are sampled from the same d3 scales the cells use.

function ramp(scale: (v: number) => string, from: number, to: number, n = 11): string {
  const stops = Array.from({ length: n }, (_, i) => scale(from + ((to - from) * i) / (n - 1)));
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

const RAMPS = {
  light: { value: ramp(valueScale(1, 'light'), -1, 1), prob: ramp(probScaleFor('light'), 0, 1) },
  dark: { value: ramp(valueScale(1, 'dark'), -1, 1), prob: ramp(probScaleFor('dark'), 0, 1) },
};

const hover = (w: SharedWeight | null) => () => useStore.getState().setHoverWeight(w);

export const Legend = memo(function Legend() {
  const { value: VALUE_RAMP, prob: PROB_RAMP } = RAMPS[useResolvedTheme()];
  const notation = useStore(selectNotation);
  const st = NOTATIONS[notation].state;
  // A gated cell shows ∂L/∂s_t itself beside s_t (its a_t is the stacked gates).
  const gated = useStore((s) => !!s.result?.trace.gated);
  return (
    <div className="gs-legend" role="group" aria-label="Legend">
      <div className="gs-leg-item">
        <span className="gs-rampbox" aria-hidden="true">
          <span className="gs-ramp" style={{ background: VALUE_RAMP }} />
          <span className="gs-ramp-ends">
            <span>−</span>
            <span>0</span>
            <span>+</span>
          </span>
        </span>
        <span>
          value: negative · zero · positive{' '}
          <span className="gs-leg-faint">(each quantity against its largest |value|)</span>
        </span>
      </div>
      <div className="gs-leg-item">
        <span className="gs-rampbox" aria-hidden="true">
          <span className="gs-ramp" style={{ background: PROB_RAMP }} />
          <span className="gs-ramp-ends">
            <span>0</span>
            <span>1</span>
          </span>
        </span>
        <span>probability ŷ</span>
      </div>
      <div className="gs-leg-item">
        <svg width={46} height={14} aria-hidden="true" className="gs-leg-grad">
          <path d="M44,7 H10" className="gs-grad gs-grad-static" strokeWidth={3} />
          <path d="M2,7 l9,-5 v10 z" className="gs-grad-head" />
        </svg>
        <span>
          gradient flowing back (thicker = larger),{' '}
          {gated ? `∂L/∂${st} beside ${st}` : `∂L/∂a beside ${st}`} in a pink frame
        </span>
      </div>
      <div className="gs-leg-item">
        <span className="gs-leg-swatch-current" aria-hidden="true" />
        <span>the step the cursor is at</span>
        <span className="gs-leg-swatch-future" aria-hidden="true" />
        <span>not computed yet</span>
      </div>
      <div className="gs-leg-item gs-leg-weights">
        {EDGE_WEIGHTS.map((w) => (
          <span
            key={w}
            className="gs-leg-weight"
            onPointerEnter={hover(w)}
            onPointerLeave={hover(null)}
          >
            <span
              className="gs-leg-swatch"
              style={{ background: WEIGHT_VAR[w] }}
              aria-hidden="true"
            />
            <span className="gs-wname" style={{ color: WEIGHT_VAR[w] }}>
              {paramText(w, notation)}
            </span>{' '}
            {PARAMS[w].flow}
          </span>
        ))}
        <span className="gs-leg-faint">shared by every step</span>
      </div>
    </div>
  );
});
