import { lowerFirst } from './lowerFirst';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Prediction, PredictionData } from '../../content/lesson/predictions';
import type { Notation } from '../../content/notation';
import { useStore } from '../../state/store';
import { Narration } from './Narration';

// Ask before showing: the student picks an answer (or asks to be shown), then the cursor steps
// to where the answer can be seen, and one line says why, with this trace's numbers.

export function PredictionBox({
  prediction,
  data,
  n,
}: {
  prediction: Prediction;
  data: PredictionData;
  n: Notation;
}) {
  const answer = useStore((s) => s.lessonAnswer);
  const [choice, setChoice] = useState<string | null>(null);
  const name = useId();
  const result = useMemo(() => prediction.answer(data), [prediction, data]);
  const question = useMemo(() => prediction.question(data), [prediction, data]);
  const answered = answer !== null;
  // Answer and Show me are gone once answered: the keyboard goes on from the answer's words.
  const reveal = useRef<HTMLParagraphElement>(null);
  const asked = useRef(!answered);
  useEffect(() => {
    const lost = document.activeElement === document.body || document.activeElement === null;
    if (answered && asked.current && lost) reveal.current?.focus();
    asked.current = !answered;
  }, [answered]);
  const right = prediction.choices.find((c) => c.id === result.correct)!;
  const verdict =
    answer === 'shown' ? 'The answer:' : answer === result.correct ? 'Right:' : 'Not this time:';
  return (
    <fieldset className="lesson-predict" data-answered={answered}>
      <legend>
        <span className="lesson-predict-tag">Predict first.</span>{' '}
        <Narration source={question} n={n} />
      </legend>
      <div className="lesson-choices">
        {prediction.choices.map((c) => (
          <label key={c.id} className="lesson-choice">
            <input
              type="radio"
              name={name}
              value={c.id}
              checked={(answered && answer !== 'shown' ? answer : choice) === c.id}
              disabled={answered}
              onChange={() => setChoice(c.id)}
            />{' '}
            {c.label}
          </label>
        ))}
      </div>
      {!answered && (
        <div className="lesson-predict-actions">
          <button
            type="button"
            disabled={choice === null}
            onClick={() => choice && useStore.getState().answerLesson(choice)}
          >
            Answer
          </button>
          <button type="button" onClick={() => useStore.getState().answerLesson('shown')}>
            Show me
          </button>
        </div>
      )}
      <p className="lesson-reveal" role="status" ref={reveal} tabIndex={-1}>
        {answered && (
          <>
            <strong>
              {verdict} {lowerFirst(right.label)}.
            </strong>{' '}
            <Narration source={result.why} n={n} />
          </>
        )}
      </p>
    </fieldset>
  );
}
