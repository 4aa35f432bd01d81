import type { StateCreator } from 'zustand';
import { LESSON_LENGTH } from '../../content/lesson/length';
import type { AppState } from '../store';
import type { SharedWeight } from './viewSlice';
import { saveLessonAnswer, saveSlipProgress } from '../persist/lessonProgress';

// The guided lesson and presenter mode. The lesson's steps are data that load on demand
// (content/lesson); the store holds only where the lesson is, the stretch of the cursor the
// current step walks, and whether a prediction waits for its answer, so the clicker keys and
// the speaker-notes window can move it before (and without) the lesson's own code.

/** The cursor positions (indices) a lesson step walks, and where its prediction is revealed. */
export interface LessonWalk {
  from: number;
  to: number;
  /** The cursor position that answers the step's prediction; null without one. */
  revealAt: number | null;
}

export interface LessonSlice {
  /** The lesson step shown, 1-based; 0 when the lesson is closed. */
  lesson: number;
  lessonWalk: LessonWalk | null;
  /** The choice the student made for this step's prediction, `shown` for “Show me”. */
  lessonAnswer: string | null;
  /** The step's “Spot the slip” quiz is open: the clicker keys leave it be. */
  lessonSlips: boolean;
  /** The shared weight the step lights up; a hover shows another only while it lasts. */
  lessonHighlight: SharedWeight | null;
  presenting: boolean;
  blank: boolean;
  openLesson: (step?: number) => void;
  closeLesson: () => void;
  /** Go to a lesson step (clamped to 1 … LESSON_LENGTH); its walk and answer start afresh. */
  setLessonStep: (step: number) => void;
  setLessonWalk: (walk: LessonWalk | null) => void;
  setLessonSlips: (open: boolean) => void;
  setLessonHighlight: (w: SharedWeight | null) => void;
  /** An answer given before a reload, where it is still on screen (the cursor stays). */
  restoreLessonAnswer: (choice: string) => void;
  /** Answer the prediction (or `shown`): the cursor steps to where the answer is seen. */
  answerLesson: (choice: string) => void;
  /** The clicker's forward: answer a waiting prediction, walk the cursor, then the next step. */
  lessonForward: () => void;
  lessonBack: () => void;
  setPresenting: (on: boolean) => void;
  setBlank: (on: boolean) => void;
}

const clampStep = (n: number) => Math.max(1, Math.min(LESSON_LENGTH, Math.round(n)));

export const createLessonSlice: StateCreator<AppState, [], [], LessonSlice> = (set, get) => ({
  lesson: 0,
  lessonWalk: null,
  lessonAnswer: null,
  lessonSlips: false,
  lessonHighlight: null,
  presenting: false,
  blank: false,
  openLesson: (step) => get().setLessonStep(step ?? (get().lesson || 1)),
  closeLesson: () => {
    saveSlipProgress(null);
    set({
      lesson: 0,
      lessonWalk: null,
      lessonAnswer: null,
      lessonSlips: false,
      lessonHighlight: null,
    });
  },
  setLessonStep: (step) => {
    const n = clampStep(step);
    if (n === get().lesson) return;
    // A step entered from another asks its question again (and the quiz starts over); opening
    // the lesson (a reload) keeps them, for the panel to restore.
    if (get().lesson > 0) {
      saveLessonAnswer(n, null);
      saveSlipProgress(null);
    }
    set({
      lesson: n,
      lessonWalk: null,
      lessonAnswer: null,
      lessonSlips: false,
      lessonHighlight: null,
    });
  },
  setLessonWalk: (lessonWalk) => set({ lessonWalk }),
  setLessonSlips: (lessonSlips) => set({ lessonSlips }),
  setLessonHighlight: (lessonHighlight) => set({ lessonHighlight }),
  restoreLessonAnswer: (lessonAnswer) => set({ lessonAnswer }),
  answerLesson: (choice) => {
    const s = get();
    if (s.lessonAnswer !== null) return;
    set({ lessonAnswer: choice, playing: false });
    saveLessonAnswer(s.lesson, choice);
    if (s.lessonWalk?.revealAt != null) s.setCursor(s.lessonWalk.revealAt);
  },
  lessonForward: () => {
    const s = get();
    const w = s.lessonWalk;
    // The quiz keeps its place; a step still loading has no walk yet, and going on now would
    // skip it (a quick → → after opening ?lesson=2 landed on step 4, not on f2).
    if (s.lessonSlips || !w) return;
    if (w?.revealAt != null && s.lessonAnswer === null) s.answerLesson('shown');
    else if (w && s.cursor >= w.from && s.cursor < w.to) s.stepForward();
    else if (s.lesson < LESSON_LENGTH) s.setLessonStep(s.lesson + 1);
  },
  lessonBack: () => {
    const s = get();
    const w = s.lessonWalk;
    if (s.lessonSlips) return;
    if (w && s.cursor > w.from && s.cursor <= w.to) s.stepBack();
    else if (s.lesson > 1) s.setLessonStep(s.lesson - 1);
  },
  setPresenting: (presenting) => set(presenting ? { presenting } : { presenting, blank: false }),
  setBlank: (blank) => set({ blank }),
});
