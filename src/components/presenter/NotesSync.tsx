import { useEffect } from 'react';
import { cursorLabel } from '../../core/cursor';
import { useStore, type AppState } from '../../state/store';
import { ownsKey } from '../controls/useKeyboard';
import { openChannel, readMessage, type PresenterState } from './channel';
import { presenterBack, presenterForward } from './navigate';
import { openSpeakerNotes } from './openNotes';

// The presenting window's side of the speaker-notes channel: it says where it is on every
// change and obeys the notes window's clicker (forward, back, go to a lesson step). `S` opens
// the notes window.

function stateOf(s: AppState): PresenterState {
  return {
    type: 'state',
    lesson: s.lesson,
    step: s.result ? cursorLabel(s.cursor, s.result.trace.T) : '0',
    notation: s.config.notation,
  };
}

export default function NotesSync() {
  useEffect(() => {
    const channel = openChannel();
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
