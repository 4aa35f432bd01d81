import { useStore } from '../../state/store';

// The clicker's forward and back while presenting, from the presenting window's keys and from
// the speaker-notes window alike.

/** Goes back one lesson step and shows it as it was left: at the end of its walk, with its
 * answer revealed (as reveal.js shows the previous slide with its fragments). */
export function backToPreviousStep(): void {
  const s = useStore.getState();
  const target = s.lesson - 1;
  if (target < 1) return;
  s.setLessonStep(target);
  // The lesson applies the step (a computation, then its walk): finish it when that is done.
  const unsubscribe = useStore.subscribe((now) => {
    if (now.lesson !== target) return unsubscribe();
    const w = now.lessonWalk;
    if (!w) return;
    unsubscribe();
    if (w.revealAt !== null && now.lessonAnswer === null) now.answerLesson('shown');
    useStore.getState().setCursor(w.to);
  });
}

/** The clicker's back in presenter mode: within the step's walk, one position back (a revealed
 * answer stays revealed); at its start, the previous step as it was left. */
export function presenterBack(): void {
  const s = useStore.getState();
  if (s.lesson === 0) return s.stepBack();
  const w = s.lessonWalk;
  if (w && s.cursor > w.from && s.cursor <= w.to) s.stepBack();
  else backToPreviousStep();
}

/** The clicker's forward: the lesson's (answer, walk, next step), or the cursor's. */
export function presenterForward(): void {
  const s = useStore.getState();
  if (s.lesson > 0) s.lessonForward();
  else s.stepForward();
}
