import type { CursorInfo } from '../../core/cursor';
import { plainNumber, updateLossAdvice } from '../../content/lossAdvice';
import { LAB_WEIGHTS } from '../../state/slices/configSlice';
import { useStore } from '../../state/store';
import { fmt } from '../encoding';

// Above the stage: Unroll / Fold, the running loss, and (unrolled) the zoom buttons.

export interface ZoomActions {
  zoomOut: () => void;
  zoomIn: () => void;
  /** Show the whole sequence at once (wrapped into rows), or leave that view. */
  whole: () => void;
  /** Back to 1:1 around the current step. */
  reset: () => void;
}

export function StageToolbar({
  folded,
  info,
  T,
  runningLoss,
  updatedLoss,
  lr,
  zoom,
  wholeOn,
}: {
  folded: boolean;
  info: CursorInfo;
  T: number;
  runningLoss: number;
  /** The loss after the update, once the cursor is there. */
  updatedLoss: number | null;
  /** The learning rate of that update. */
  lr: number;
  /** Null while the chain is not on screen. */
  zoom: ZoomActions | null;
  wholeOn: boolean;
}) {
  const stepT = info.t;
  const fromLab = useStore((s) => s.source.kind === 'imported' && s.source.name === LAB_WEIGHTS);
  const toggle = () => useStore.getState().setView(folded ? 'unrolled' : 'folded');
  return (
    <div className="gs-toolbar">
      <button type="button" className="gs-toggle" onClick={toggle}>
        {folded ? 'Unroll' : 'Fold'}
      </button>
      <span className="gs-loss" data-testid="running-loss" data-value={String(runningLoss)}>
        Loss so far:{' '}
        <span className="num" title={String(runningLoss)}>
          {fmt(runningLoss)}
        </span>
        <span className="gs-loss-note">
          {info.phase === 'init'
            ? ' (no step computed yet)'
            : info.phase === 'forward'
              ? stepT === 1
                ? ' (t = 1)'
                : ` (t = 1…${stepT})`
              : ` (all ${T} steps)`}
        </span>
      </span>
      {updatedLoss !== null && (
        <span className="gs-loss gs-loss-after">
          after the update:{' '}
          <span className="num" title={String(updatedLoss)}>
            {fmt(updatedLoss)}
          </span>
          <UpdateWhy before={runningLoss} after={updatedLoss} lr={lr} fromLab={fromLab} />
        </span>
      )}
      {zoom && (
        <span className="gs-zoom">
          <button type="button" onClick={zoom.zoomOut} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={zoom.zoomIn} aria-label="Zoom in">
            +
          </button>
          <button
            type="button"
            onClick={(e) => {
              zoom.whole();
              // The whole sequence is only seen whole when the stage is: bring all of it on
              // screen if part of it is below (or above) the window.
              if (!wholeOn)
                e.currentTarget
                  .closest('section.gs')
                  ?.querySelector('.gs-stage')
                  ?.scrollIntoView({ block: 'nearest' });
            }}
            aria-pressed={wholeOn}
          >
            Whole sequence
          </button>
          {/* The name starts with the visible label (WCAG 2.5.3, label in name). */}
          <button type="button" onClick={zoom.reset} aria-label="1:1 (reset zoom)">
            1:1
          </button>
        </span>
      )}
    </div>
  );
}

/** Beside the loss after the update, what it means: where it is shown, not only further down. */
function UpdateWhy({
  before,
  after,
  lr,
  fromLab,
}: {
  before: number;
  after: number;
  lr: number;
  fromLab: boolean;
}) {
  const advice = updateLossAdvice(before, after, lr);
  const step = `one gradient step of α = ${lr} on this sequence's loss`;
  const lab = fromLab ? " (the lab trains with its own optimizer's steps, not this one)" : '';
  return (
    <span className="gs-loss-why" data-testid="update-why">
      {advice
        ? ` — up from ${plainNumber(before)}: ${step} overshot${lab}; try α = ${advice.suggestedLr} (at the end of the derivation).`
        : ` — down from ${plainNumber(before)}: ${step} went downhill${lab}.`}
    </span>
  );
}
