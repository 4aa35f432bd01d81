import { useEffect } from 'react';
import { LESSON } from '../../content/lesson/steps';
import { vanillaTwin } from '../../content/lesson/vanillaTwin';
import { cursorLabel } from '../../core/cursor';
import { cellOf } from '../../core/model';
import { predictionData } from '../lesson/predictionData';
import { useStore, type AppState } from '../../state/store';
import { ownsKey } from '../controls/useKeyboard';
import { openChannel, readMessage, type PresenterState } from './channel';
import { presenterBack, presenterForward } from './navigate';
import { openSpeakerNotes } from './openNotes';

// The presenting window's side of the speaker-notes channel: it says where it is on every
// change and obeys the notes window's clicker (forward, back, go to a lesson step). `S` opens
// the notes window.

/** The step's prediction and its answer, from the trace on screen (as the lesson's box asks). */
function predictionOf(s: AppState): Pick<PresenterState, 'question' | 'answer' | 'revealed'> {
  const step = s.lesson > 0 ? LESSON[s.lesson - 1] : null;
  const p = step?.prediction;
  const res = s.result;
  if (!step || !p || !res || !s.lessonWalk) return {};
  // The result may still be the previous step's while this one computes.
  if (cellOf(res.trace) !== cellOf(step.scenario)) return {};
  const data = predictionData(res, step.scenario.cell ? vanillaTwin(step.scenario) : null);
  const a = p.answer(data);
  const right = p.choices.find((c) => c.id === a.correct);
  return {
    question: p.question(data),
    answer: `${right?.label ?? a.correct}. ${a.why}`,
    revealed: s.lessonAnswer !== null,
  };
}

/** The state message, with the prediction worked out again only when its inputs change. */
function stateReader(): (s: AppState) => PresenterState {
  let inputs: unknown[] = [];
  let prediction: ReturnType<typeof predictionOf> = {};
  return (s) => {
    const now = [s.result, s.lesson, s.lessonWalk, s.lessonAnswer];
    if (now.some((v, i) => v !== inputs[i])) {
      inputs = now;
      prediction = predictionOf(s);
    }
    return {
      type: 'state',
      lesson: s.lesson,
      step: s.result ? cursorLabel(s.cursor, s.result.trace.T) : '0',
      notation: s.config.notation,
      blank: s.blank,
      ...prediction,
    };
  };
}

export default function NotesSync() {
  useEffect(() => {
    const channel = openChannel();
    const stateOf = stateReader();
    const send = () => channel?.postMessage(stateOf(useStore.getState()));
    let last = '';
    const unsubscribe = useStore.subscribe((s) => {
      const next = JSON.stringify(stateOf(s));
      if (next !== last) {
        last = next;
        send();
      }
    });
    if (channel)
      channel.onmessage = (e: MessageEvent) => {
        const m = readMessage(e.data);
        const s = useStore.getState();
        switch (m?.type) {
          case 'hello':
            send();
            break;
          case 'forward':
            presenterForward();
            break;
          case 'back':
            if (s.presenting) presenterBack();
            else if (s.lesson > 0) s.lessonBack();
            else s.stepBack();
            break;
          case 'lesson':
            s.setLessonStep(m.lesson);
            break;
          case 'blank':
            if (s.presenting) s.setBlank(!s.blank);
            break;
        }
      };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if ((e.key === 's' || e.key === 'S') && !ownsKey(e.target, e.key)) {
        e.preventDefault();
        openSpeakerNotes(useStore.getState().config.notation);
      }
    };
    window.addEventListener('keydown', onKey);
    send();
    return () => {
      unsubscribe();
      channel?.close();
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  return null;
}
