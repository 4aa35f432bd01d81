import { useEffect, useMemo, useRef, useState } from 'react';
import { narrateText } from '../../content/lesson/narrate';
import { LESSON } from '../../content/lesson/steps';
import { notation as notationOf } from '../../content/notation';
import { ownsKey } from '../controls/useKeyboard';
import { equationColors } from '../encoding';
import { useResolvedTheme } from '../equations/useResolvedTheme';
import { Narration } from '../lesson/Narration';
import { openChannel, readMessage, type PresenterCommand, type PresenterState } from './channel';
import './NotesWindow.css';

// The speaker-notes window (`?notes=1`, loaded on demand): the current step's narration (its
// maths typeset) and note, its prediction with the answer, the next step's title, the cursor
// and a timer. It follows the presenting window over the channel and drives it: its buttons and
// keys (the clicker's, Space, N, P, the arrows, B and `.`) are sent there. F cannot make the
// other window full screen (a browser lets only a key pressed in a window do that).
// No preview of the current and next picture: the graph would have to be computed and drawn a
// second time here.

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
      if (['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'n', 'N'].includes(e.key))
        send({ type: 'forward' });
      else if (['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P'].includes(e.key)) send({ type: 'back' });
      else if (['b', 'B', '.'].includes(e.key)) send({ type: 'blank' });
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
  const theme = useResolvedTheme();
  const n = useMemo(() => notationOf(notation, equationColors(theme)), [notation, theme]);
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
            {step ? (
              <>
                <p className="notes-text">
                  <Narration source={step.narration} n={n} />
                </p>
                {step.notes && (
                  <p className="notes-note">
                    <strong>Note:</strong> <Narration source={step.notes} n={n} />
                  </p>
                )}
                {state.question && (
                  <div className="notes-predict">
                    <p>
                      <strong>Ask:</strong> <Narration source={state.question} n={n} />
                    </p>
                    {state.answer && (
                      <p data-revealed={state.revealed ? 'true' : 'false'}>
                        <strong>Answer{state.revealed ? ' (shown)' : ' (not shown yet)'}:</strong>{' '}
                        <Narration source={state.answer} n={n} />
                      </p>
                    )}
                  </div>
                )}
              </>
            ) : (
              <p className="notes-text">Open the lesson to see its notes.</p>
            )}
            {state.blank && (
              <p className="notes-blank">The projector is blank (B brings it back).</p>
            )}
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
        <button type="button" onClick={() => send({ type: 'blank' })} aria-pressed={!!state?.blank}>
          Blank
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
