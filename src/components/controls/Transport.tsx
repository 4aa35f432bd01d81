import { useStore } from '../../state/store';
import {
  selectCursor,
  selectCursorCount,
  selectPlaying,
  selectStepLabel,
  selectT,
} from '../../state/selectors';
import { cursorTitle, nextPressWords } from '../../core/cursor';
import type { Speed } from '../../state/slices/cursorSlice';
import './Transport.css';

/** The media-player bar: step back, play, step forward, the timeline over all 2T + 2 positions. */
export function Transport() {
  const cursor = useStore(selectCursor);
  const count = useStore(selectCursorCount);
  const T = useStore(selectT);
  const playing = useStore(selectPlaying);
  const label = useStore(selectStepLabel);
  const speed = useStore((s) => s.speed);
  const ready = useStore((s) => s.result !== null);
  const last = count - 1;
  const s = useStore.getState();
  // The backward pass walks back in time with the forward press: say which pass it does.
  const next = ready ? nextPressWords(cursor, T) : null;

  return (
    <div className="transport" role="group" aria-label="Transport">
      <button
        type="button"
        onClick={s.reset}
        disabled={!ready || cursor === 0}
        title="Reset (Home)"
      >
        Reset
      </button>
      <button
        type="button"
        onClick={s.stepBack}
        disabled={!ready || cursor === 0}
        title="Step back (←, PageUp)"
      >
        <span aria-hidden="true">◀ </span>Step back
      </button>
      <button
        type="button"
        className="play"
        onClick={() => s.setPlaying(!playing)}
        disabled={!ready}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={s.stepForward}
        disabled={!ready || cursor >= last}
        title="Step forward (→, PageDown)"
      >
        Step forward<span aria-hidden="true"> ▶</span>
      </button>
      <button
        type="button"
        onClick={s.toEnd}
        disabled={!ready || cursor >= last}
        title="Go to the end (End)"
      >
        Go to end
      </button>
      <label className="timeline">
        <span className="visually-hidden">Timeline</span>
        <input
          type="range"
          min={0}
          max={Math.max(0, last)}
          step={1}
          value={cursor}
          disabled={!ready}
          aria-valuetext={cursorTitle(cursor, T)}
          onChange={(e) => s.setCursor(Number(e.target.value))}
        />
      </label>
      <output
        className="step-label num"
        data-testid="step-label"
        data-step={label}
        aria-label="Current step"
      >
        {label === '0' ? 'start' : label}
      </output>
      <label className="speed">
        Speed{' '}
        <select value={speed} onChange={(e) => s.setSpeed(e.target.value as Speed)}>
          <option value="0.5">0.5×</option>
          <option value="1">1×</option>
          <option value="2">2×</option>
          <option value="4">4×</option>
        </select>
      </label>
      <p className="transport-next" data-testid="next-press" aria-live="off">
        {next ? (
          <>
            <span aria-hidden="true">▶ </span>Step forward next: {next}
          </>
        ) : ready ? (
          'At the end: the update is applied'
        ) : null}
      </p>
    </div>
  );
}
