import { useEffect, useMemo, useRef, useState } from 'react';
import { buildEquations, gatedEquationsLoaded, loadGatedEquations } from '../../content/equations';
import { narrateText } from '../../content/lesson/narrate';
import { LESSON, type LessonStep } from '../../content/lesson/steps';
import { vanillaTwin } from '../../content/lesson/vanillaTwin';
import { notation } from '../../content/notation';
import { cellOf, NOTATIONS } from '../../core/model';
import { predictionData } from './predictionData';
import { selectCursor, selectNotation, selectResult } from '../../state/selectors';
import { loadLessonProgress } from '../../state/persist/lessonProgress';
import { useStore } from '../../state/store';
import { equationColors } from '../encoding';
import { Tex } from '../equations/Tex';
import { useResolvedTheme } from '../equations/useResolvedTheme';
import { openSpeakerNotes } from '../presenter/openNotes';
import { CellStateChart } from './CellStateChart';
import { LastLossChart } from './LastLossChart';
import { lessonTarget, lessonWalk } from './lessonTarget';
import { Narration } from './Narration';
import { PredictionBox } from './PredictionBox';
import { SpotTheSlip } from './SpotTheSlip';
import { WalkControl } from './WalkControl';
import './Lesson.css';

// The guided lesson (loaded on demand): the step's narration, what it shows, its prediction,
// and the buttons that move through it. Each step moves the app with the store's goTo; the
// clicker keys walk the step's cursor first (lessonSlice.ts).

/** Moves the app to a lesson step when it changes. */
function useApplyStep(index: number, step: LessonStep, again: number) {
  // A link to a lesson step and a cursor within it (lesson=8&step=b2) keeps that cursor.
  const first = useRef(true);
  useEffect(() => {
    const keepCursor = first.current;
    first.current = false;
    let live = true;
    const s = useStore.getState();
    let unsubscribe = () => {};
    const apply = (ok: boolean) => {
      const now = useStore.getState();
      if (!live || now.lesson !== index) return;
      // A step that could not be set up still answers the clicker (it goes on from here).
      const stay = { from: now.cursor, to: now.cursor, revealAt: null };
      if (!ok || !now.result) return now.setLessonWalk(stay);
      const walk = lessonWalk(step, now.result.trace.T);
      if (walk && (!keepCursor || now.cursor < walk.from || now.cursor > walk.to))
        now.setCursor(walk.from);
      // After a reload: an answer given here is not asked again while it is on screen (the
      // cursor at or past where it shows), and an open quiz opens again where it was.
      const kept = keepCursor ? loadLessonProgress() : null;
      const answer = kept?.answers[index];
      if (answer && walk?.revealAt != null && now.cursor >= walk.revealAt)
        now.restoreLessonAnswer(answer);
      now.setLessonWalk(walk ?? stay);
      if (kept?.slips?.lesson === index) now.setLessonSlips(true);
      // Apart from the pointer's hover: a click on Next that leaves the pointer over the stage
      // must not clear it.
      now.setLessonHighlight(step.highlight ?? null);
    };
    void s.goTo(lessonTarget(step, !keepCursor)).then((res) => {
      if (res.ok || !('cancelled' in res)) return apply(res.ok);
      // Superseded by a newer change (the page's own start): the step is set up once that one
      // settles; until then the walk stays unknown and the clicker waits.
      const settled = (st: ReturnType<typeof useStore.getState>) =>
        st.status === 'ready' || st.status === 'error';
      if (settled(useStore.getState())) return apply(useStore.getState().status === 'ready');
      unsubscribe = useStore.subscribe((st) => {
        if (!settled(st)) return;
        unsubscribe();
        apply(st.status === 'ready');
      });
    });
    return () => {
      live = false;
      unsubscribe();
      if (step.highlight) useStore.getState().setLessonHighlight(null);
    };
  }, [index, step, again]);
}

export default function LessonPanel() {
  const index = useStore((s) => s.lesson);
  const walk = useStore((s) => s.lessonWalk);
  const presenting = useStore((s) => s.presenting);
  const result = useStore(selectResult);
  const cursor = useStore(selectCursor);
  const notationName = useStore(selectNotation);
  const theme = useResolvedTheme();
  const n = useMemo(() => notation(notationName, equationColors(theme)), [notationName, theme]);
  const slips = useStore((s) => s.lessonSlips);
  const setSlips = useStore.getState().setLessonSlips;
  // Back from the quiz, the keyboard goes on from the button that opened it.
  const slipButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (slips || !refocus.current) return;
    refocus.current = false;
    slipButton.current?.focus();
  }, [slips]);
  // Bumped to apply the same step again (after the exercise moved the app elsewhere).
  const [again, setAgain] = useState(0);
  const step = LESSON[index - 1];
  const total = LESSON.length;
  useApplyStep(index, step, again);

  // A gated step compares with the vanilla RNN on the same text (computed here, it is small).
  const vanilla = useMemo(
    () => (step.scenario.cell ? vanillaTwin(step.scenario) : null),
    [step.scenario],
  );
  const data = useMemo(() => (result ? predictionData(result, vanilla) : null), [result, vanilla]);
  // The result on screen may still be the previous step's while this step's computes.
  const cellMatches = cellOf(result?.trace ?? {}) === cellOf(step.scenario);
  // A gated cell's derivation blocks load on demand (as in the derivation panel).
  const gated = !!result?.trace.gated;
  const [gatedReady, setGatedReady] = useState(gatedEquationsLoaded);
  useEffect(() => {
    if (gated && !gatedReady) void loadGatedEquations().then(() => setGatedReady(true));
  }, [gated, gatedReady]);
  const equations = useMemo(() => {
    if (!result || !walk || !step.equations || (gated && !gatedReady)) return [];
    const blocks = buildEquations(result.trace, cursor, {
      scenario: result.scenario,
      labels: result.labels,
      notation: notationName,
      colors: equationColors(theme),
      lr: result.updated.lr,
      updated: result.updated,
    });
    return blocks.filter((b) => step.equations!.includes(b.id));
  }, [result, walk, step, cursor, notationName, theme, gated, gatedReady]);

  const s = useStore.getState();
  const code = step.code && narrateText(step.code, notationName);
  return (
    <section
      aria-label="Lesson"
      className="panel lesson"
      data-lesson-step={index}
      data-ready={walk !== null}
    >
      <header className="lesson-head">
        <h2>
          <span className="lesson-count">
            {index} / {total}
          </span>{' '}
          {slips ? 'Spot the slip' : <Narration source={step.title} n={n} />}
        </h2>
        <progress className="lesson-progress" max={total} value={index} aria-hidden="true" />
      </header>
      {slips ? (
        <SpotTheSlip
          n={n}
          lesson={index}
          onDone={() => {
            refocus.current = true;
            setSlips(false);
            setAgain(again + 1);
          }}
        />
      ) : (
        <div className="lesson-body">
          <div className="lesson-main">
            <p className="lesson-narration">
              <Narration source={step.narration} n={n} />
            </p>
            {/* Presenting, the clicker walks the step and the presenter bar says where it is:
                the slide keeps its room for the graph and the derivation. */}
            {!presenting && walk && walk.to > walk.from && <WalkControl walk={walk} />}
            {step.prediction && data && walk && cellMatches && (
              <PredictionBox key={index} prediction={step.prediction} data={data} n={n} />
            )}
            {step.link && (
              <p className="lesson-link">
                <a href={step.link.href}>{step.link.text}</a>
              </p>
            )}
          </div>
          {(code || equations.length > 0 || step.chart) && (
            <div className="lesson-aside">
              {code && (
                <pre className="lesson-code" aria-label="The loop, as code">
                  <code>{code}</code>
                </pre>
              )}
              {equations.length > 0 && (
                <div className="lesson-eq">
                  {equations.map((b) => (
                    <Tex key={b.id} display tex={b.general} />
                  ))}
                </div>
              )}
              {step.chart === 'last-loss-grad' && result && walk && (
                <LastLossChart
                  trace={result.trace}
                  params={result.scenario.params}
                  cursor={cursor}
                  state={NOTATIONS[notationName].state}
                />
              )}
              {step.chart === 'cell-state-grad' && result && walk && vanilla && cellMatches && (
                <CellStateChart
                  trace={result.trace}
                  params={result.scenario.params}
                  vanilla={vanilla}
                  cursor={cursor}
                  state={NOTATIONS[notationName].state}
                  cellState={NOTATIONS[notationName].cellState}
                />
              )}
            </div>
          )}
        </div>
      )}
      <nav className="lesson-nav" aria-label="Lesson steps">
        <button type="button" onClick={() => s.setLessonStep(index - 1)} disabled={index <= 1}>
          Back
        </button>
        <button type="button" onClick={() => s.setLessonStep(index + 1)} disabled={index >= total}>
          Next
        </button>
        {!slips && (
          <button type="button" ref={slipButton} onClick={() => setSlips(true)}>
            Spot the slip
          </button>
        )}
        {!presenting && (
          <button type="button" onClick={() => openSpeakerNotes(notationName)}>
            Speaker notes
          </button>
        )}
        <button type="button" onClick={s.closeLesson}>
          Close lesson
        </button>
      </nav>
    </section>
  );
}
