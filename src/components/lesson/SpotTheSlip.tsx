import { lowerFirst } from './lowerFirst';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { SLIPS, type SlipData } from '../../content/lesson/slips';
import { seededShuffle } from '../../core/shuffle';
import type { Notation } from '../../content/notation';
import { selectResult } from '../../state/selectors';
import { loadLessonProgress, saveSlipProgress } from '../../state/persist/lessonProgress';
import { useStore } from '../../state/store';
import { Tex } from '../equations/Tex';
import { Narration } from './Narration';

// Spot the slip: a line as published with a slip in it; the student says what is wrong, then
// sees the fix with the numbers of the worked example on screen. It runs on the worked example
// (cross-entropy, tanh) at `update`, where every number of the trace is known. The choices
// come in an order fixed by the seed (so a link replays it, and the answer is not always first),
// and focus stays in the quiz from its first line to its score.

export function SpotTheSlip({
  n,
  lesson,
  onDone,
}: {
  n: Notation;
  /** The lesson step the quiz was opened from (its place is kept for a reload). */
  lesson: number;
  onDone: () => void;
}) {
  const result = useStore(selectResult);
  const [start] = useState(() => {
    const kept = loadLessonProgress().slips;
    return kept?.lesson === lesson && kept.index <= SLIPS.length ? kept : null;
  });
  const [index, setIndex] = useState(start?.index ?? 0);
  const [choice, setChoice] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [score, setScore] = useState(start?.score ?? 0);
  useEffect(() => saveSlipProgress({ lesson, index, score }), [lesson, index, score]);
  const [ready, setReady] = useState(false);
  const name = useId();
  const seed = useStore((s) => s.config.seed);
  // Each new slip (and the score) takes focus at its first line: the buttons the keyboard was
  // on are gone, and focus must not fall back to the page.
  const top = useRef<HTMLParagraphElement>(null);
  useEffect(() => top.current?.focus(), [index]);
  const choices = useMemo(
    () => (index < SLIPS.length ? seededShuffle(SLIPS[index].choices, seed, SLIPS[index].id) : []),
    [index, seed],
  );

  useEffect(() => {
    let live = true;
    void useStore
      .getState()
      .goTo({
        source: { kind: 'preset', id: 'worked-example' },
        config: { act: 'tanh', loss: 'cross-entropy' },
        view: 'unrolled',
        step: 'update',
      })
      .then((r) => live && r.ok && setReady(true));
    return () => {
      live = false;
    };
  }, []);

  const data: SlipData | null = useMemo(
    () =>
      result && ready
        ? {
            trace: result.trace,
            params: result.scenario.params,
            targets: result.scenario.seq.targets,
            lr: result.updated.lr,
            updated: result.updated,
          }
        : null,
    [result, ready],
  );

  if (index >= SLIPS.length) {
    return (
      <div className="lesson-slips" data-slips-done="true">
        <p className="lesson-narration" ref={top} tabIndex={-1}>
          You spotted {score} of {SLIPS.length} slips. Every one of them appears in published
          derivations; the derivation panel writes each line the right way.
        </p>
        <button
          type="button"
          onClick={() => {
            saveSlipProgress(null);
            onDone();
          }}
        >
          Back to the lesson
        </button>
      </div>
    );
  }
  const slip = SLIPS[index];
  const right = choice === slip.correct;
  return (
    <div className="lesson-slips" data-slip={slip.id}>
      <p className="lesson-slip-count" ref={top} tabIndex={-1}>
        Slip {index + 1} of {SLIPS.length}: {slip.claim}, as written:
      </p>
      <Tex display tex={slip.written(n)} className="lesson-slip-written" />
      <fieldset className="lesson-predict">
        <legend>What is wrong with it?</legend>
        <div className="lesson-choices">
          {choices.map((c) => (
            <label key={c.id} className="lesson-choice">
              <input
                type="radio"
                name={name}
                value={c.id}
                checked={choice === c.id}
                disabled={checked}
                onChange={() => setChoice(c.id)}
              />{' '}
              {c.label}
            </label>
          ))}
        </div>
        {!checked && (
          <div className="lesson-predict-actions">
            <button
              type="button"
              disabled={choice === null}
              onClick={() => {
                setChecked(true);
                if (right) setScore(score + 1);
              }}
            >
              Check
            </button>
          </div>
        )}
        <div className="lesson-reveal" role="status">
          {checked && (
            <>
              <p>
                <strong>
                  {right ? 'Right:' : 'Not quite:'}{' '}
                  {lowerFirst(slip.choices.find((c) => c.id === slip.correct)!.label)}.
                </strong>{' '}
                <Narration source={slip.why} n={n} />
              </p>
              <p>The fix, with the numbers of this trace:</p>
              {data ? (
                <div className="lesson-eq">
                  <Tex display tex={slip.fix(n, data)} className="lesson-slip-fix" />
                </div>
              ) : (
                <p>Computing…</p>
              )}
            </>
          )}
        </div>
      </fieldset>
      {checked && (
        <button
          type="button"
          // The Check button is gone: the keyboard goes on from here.
          autoFocus
          onClick={() => {
            setIndex(index + 1);
            setChoice(null);
            setChecked(false);
          }}
        >
          {index + 1 < SLIPS.length ? 'Next slip' : 'See your score'}
        </button>
      )}
    </div>
  );
}
