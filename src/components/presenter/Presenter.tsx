import { useEffect } from 'react';
import { LESSON_LENGTH } from '../../content/lesson/length';
import { cursorTitle } from '../../core/cursor';
import { selectCursor, selectT } from '../../state/selectors';
import { useStore } from '../../state/store';
import { ownsKey } from '../controls/useKeyboard';
import { openSpeakerNotes } from './openNotes';
import './Presenter.css';

// Presenter mode (loaded on demand), with reveal.js's keys: `B` or `.` blanks the screen and
// brings it back, `F` toggles full screen, `Escape` leaves. The pointer hides when idle. The
// layout (large type, the stage and the derivation only) is Presenter.css.

const IDLE_MS = 2500;

function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

/** Keys that move on (or back): while the screen is blank they only bring it back, as in
 * reveal.js, so the clicker never advances the lecture behind a black screen. */
const NAVIGATION_KEYS = new Set([
  'ArrowRight',
  'ArrowLeft',
  'ArrowUp',
  'ArrowDown',
  'PageDown',
  'PageUp',
  ' ',
  'Home',
  'End',
  'n',
  'N',
  'p',
  'P',
]);

function usePresenterKeys() {
  useEffect(() => {
    // Capture phase, ahead of the transport's keys (useKeyboard.ts skips a prevented key).
    const onBlankKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || !useStore.getState().blank) return;
      if (!NAVIGATION_KEYS.has(e.key)) return;
      e.preventDefault();
      useStore.getState().setBlank(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (ownsKey(e.target, e.key)) return;
      const s = useStore.getState();
      switch (e.key) {
        case 'b':
        case 'B':
        case '.':
          s.setBlank(!s.blank);
          break;
        case 'f':
        case 'F':
          toggleFullscreen();
          break;
        case 'Escape':
          if (s.blank) s.setBlank(false);
          else s.setPresenting(false);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onBlankKey, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onBlankKey, true);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}

/** `data-blank` and `data-pointer-idle` on the root element, for the CSS. */
function useRootAttributes() {
  const blank = useStore((s) => s.blank);
  useEffect(() => {
    const root = document.documentElement;
    if (blank) root.setAttribute('data-blank', 'true');
    else root.removeAttribute('data-blank');
  }, [blank]);
  useEffect(() => {
    const root = document.documentElement;
    root.setAttribute('data-presenting', 'true');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      root.removeAttribute('data-pointer-idle');
      clearTimeout(timer);
      timer = setTimeout(() => root.setAttribute('data-pointer-idle', 'true'), IDLE_MS);
    };
    wake();
    window.addEventListener('pointermove', wake, { passive: true });
    window.addEventListener('pointerdown', wake, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
      for (const a of ['data-presenting', 'data-pointer-idle', 'data-blank'])
        root.removeAttribute(a);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, []);
}

export default function Presenter() {
  usePresenterKeys();
  useRootAttributes();
  const lesson = useStore((s) => s.lesson);
  const cursor = useStore(selectCursor);
  const T = useStore(selectT);
  const s = useStore.getState();
  return (
    <div className="presenter-bar" role="group" aria-label="Presenter">
      <p className="presenter-progress">
        {lesson > 0 ? `Lesson ${lesson} / ${LESSON_LENGTH}` : 'Explorer'} ·{' '}
        {T > 0 ? cursorTitle(cursor, T) : '…'}
      </p>
      <button type="button" onClick={() => openSpeakerNotes(s.config.notation)}>
        Speaker notes
      </button>
      <button type="button" onClick={() => s.setPresenting(false)}>
        Leave presenter mode
      </button>
    </div>
  );
}
