import { useEffect, useRef, useState } from 'react';
import { narrateText } from '../../content/lesson/narrate';
import { LESSON } from '../../content/lesson/steps';
import { ownsKey } from '../controls/useKeyboard';
import { openChannel, readMessage, type PresenterCommand, type PresenterState } from './channel';
import './NotesWindow.css';

// The speaker-notes window (`?notes=1`, loaded on demand): the current step's notes, the next
// step's title, the cursor and a timer. It follows the presenting window over the channel and
// drives it: its buttons and clicker keys are sent there, and it shows what comes back.

function useElapsed(): [number, () => void] {
  const [start, setStart] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return [Math.max(0, now - start), () => (setStart(Date.now()), setNow(Date.now()))];
}

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export default function NotesWindow() {
  const [state, setState] = useState<PresenterState | null>(null);
  const [elapsed, resetTimer] = useElapsed();
  const channel = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    const ch = openChannel();
    channel.current = ch;
    if (!ch) return;
    ch.onmessage = (e: MessageEvent) => {
      const m = readMessage(e.data);
      if (m?.type === 'state') setState(m);
    };
    ch.postMessage({ type: 'hello' } satisfies PresenterCommand);
    return () => ch.close();
  }, []);

  useEffect(() => {
    const send = (m: PresenterCommand) => channel.current?.postMessage(m);
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || ownsKey(e.target, e.key)) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') send({ type: 'forward' });
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') send({ type: 'back' });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    document.title = 'Speaker notes — Unrolled';
  }, []);

  const send = (m: PresenterCommand) => channel.current?.postMessage(m);
  const notation = state?.notation ?? 'uvw';
  const step = state && state.lesson > 0 ? LESSON[state.lesson - 1] : null;
  const next = state && state.lesson > 0 ? LESSON[state.lesson] : null;
  return (
    <main className="notes-window" data-lesson-step={state?.lesson ?? 0} data-step={state?.step}>
      <h1>Speaker notes</h1>
      {state === null ? (
        <p>Waiting for the presenting window…</p>
      ) : (
        <>
          <section aria-label="Now" className="notes-now">
            <h2>
              {step
                ? `${state.lesson} / ${LESSON.length} · ${narrateText(step.title, notation)}`
                : 'No lesson open'}
            </h2>
            <p className="notes-cursor">
              Cursor: <span data-testid="notes-step">{state.step}</span>
            </p>
            <p className="notes-text">
              {step?.notes
                ? narrateText(step.notes, notation)
                : step
                  ? narrateText(step.narration, notation)
                  : 'Open the lesson to see its notes.'}
            </p>
          </section>
          <p className="notes-next">
            Next: {next ? narrateText(next.title, notation) : step ? 'the end' : '—'}
          </p>
        </>
      )}
      <div className="notes-controls" role="group" aria-label="Presenting window">
        <button type="button" onClick={() => send({ type: 'back' })}>
          Back
        </button>
        <button type="button" onClick={() => send({ type: 'forward' })}>
          Forward
        </button>
      </div>
      <p className="notes-timer">
        <span aria-label="Time elapsed" role="timer">
          {clock(elapsed)}
        </span>{' '}
        <button type="button" onClick={resetTimer}>
          Reset timer
        </button>
      </p>
    </main>
  );
}
