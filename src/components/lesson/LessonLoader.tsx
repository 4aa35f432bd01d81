import { lazy, Suspense } from 'react';
import { useStore } from '../../state/store';

// The lesson, presenter mode and the speaker-notes link load on demand: the first screen
// carries only these few lines and the buttons that open them.

const LessonPanel = lazy(() => import('./LessonPanel'));
const Presenter = lazy(() => import('../presenter/Presenter'));
const NotesSync = lazy(() => import('../presenter/NotesSync'));

/** The `Lesson` and `Present` buttons of the header; both happen on the explorer's page. */
export function LessonButtons() {
  const lesson = useStore((s) => s.lesson);
  const presenting = useStore((s) => s.presenting);
  const s = useStore.getState();
  const toExplorer = () => {
    if (useStore.getState().page !== 'explorer') s.setPage('explorer');
  };
  return (
    <div className="lesson-buttons">
      <button
        type="button"
        onClick={() => {
          toExplorer();
          s.openLesson();
        }}
        aria-pressed={lesson > 0}
      >
        Lesson
      </button>
      <button
        type="button"
        onClick={() => {
          toExplorer();
          s.setPresenting(!presenting);
        }}
        aria-pressed={presenting}
      >
        Present
      </button>
    </div>
  );
}

/** The lesson's panel, when open. */
export function LessonSlot() {
  const lesson = useStore((s) => s.lesson);
  if (lesson === 0) return null;
  return (
    <Suspense fallback={<p className="lesson-loading">Loading the lesson…</p>}>
      <LessonPanel />
    </Suspense>
  );
}

/** Presenter mode's keys and bar, and the channel to the speaker-notes window. */
export function PresenterSlot() {
  const lesson = useStore((s) => s.lesson);
  const presenting = useStore((s) => s.presenting);
  return (
    <Suspense fallback={null}>
      {presenting && <Presenter />}
      {(presenting || lesson > 0) && <NotesSync />}
    </Suspense>
  );
}
