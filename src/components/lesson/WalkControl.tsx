import { cursorTitle, walkButtonWords } from '../../core/cursor';
import { selectCursor, selectT } from '../../state/selectors';
import type { LessonWalk } from '../../state/slices/lessonSlice';
import { useStore } from '../../state/store';

// The lesson's own step control, for a step that walks the cursor: in the panel, so it is on
// screen beside the words that ask for it (the transport may be below the fold), and named for
// what the press does, since the backward pass walks back in time with a forward press.

export function WalkControl({ walk }: { walk: LessonWalk }) {
  const cursor = useStore(selectCursor);
  const T = useStore(selectT);
  const s = useStore.getState();
  const inWalk = cursor >= walk.from && cursor <= walk.to;
  const canOn = inWalk && cursor < walk.to;
  const canUndo = inWalk && cursor > walk.from;
  const words = canOn ? walkButtonWords(cursor, T) : null;
  return (
    <div className="lesson-walk" role="toolbar" aria-label="Walk this step">
      <button type="button" onClick={s.stepBack} disabled={!canUndo} title="Undo one press (←)">
        <span aria-hidden="true">◀ </span>Undo
      </button>
      <button
        type="button"
        className="lesson-walk-on"
        onClick={s.stepForward}
        disabled={!canOn}
        title="Same as Step forward ▶ (→, PageDown)"
        data-walk-on
      >
        {words ?? 'Walked to the end'}
        <span aria-hidden="true"> ▶</span>
      </button>
      <span className="lesson-walk-at" data-walk-at>
        Now: {cursorTitle(cursor, T)}
        {!canOn && inWalk && ' · Next goes on'}
      </span>
    </div>
  );
}
