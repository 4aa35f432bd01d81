import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useAfterPaint } from '../app/useAfterPaint';
import { WEIGHT_CLASS_PREFIX } from '../../content/katexOptions';
import type { SharedWeight } from '../../state/slices/viewSlice';
import type { PointerEvent, ReactNode } from 'react';
import {
  buildEquations,
  gatedEquationsLoaded,
  loadGatedEquations,
  type EquationBlock,
} from '../../content/equations';
import { updateLossAdvice, type LossAdvice } from '../../content/lossAdvice';
import { cursorHeading, cursorInfo } from '../../core/cursor';
import {
  selectCursor,
  selectHoverWeight,
  selectNotation,
  selectResult,
} from '../../state/selectors';
import { equationColors } from '../encoding';
import { useStore } from '../../state/store';
import { Tex } from './Tex';
import { useResolvedTheme } from './useResolvedTheme';
import './DerivationPanel.css';

// The derivation for the current cursor: each block's general equation, then the same equation
// with this step's numbers. The LaTeX is memoized per (result, cursor, theme) and the rendered
// HTML cached per string (Tex.tsx); the cursor is deferred, so stepping never waits for KaTeX.

/**
 * A horizontal scroller that becomes a keyboard stop only when its content overflows. A
 * ResizeObserver on the scroller and its content measures after layout, so stepping never
 * forces a layout of its own.
 */
function Scroller({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  // Which edges have more to see: a fade there says the line goes on.
  const [more, setMore] = useState({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      // Integers both: even one pixel more can be scrolled to, so it must be a keyboard stop.
      const over = el.scrollWidth > el.clientWidth;
      setOverflows(over);
      const left = over && el.scrollLeft > 1;
      const right = over && el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setMore((m) => (m.left === left && m.right === right ? m : { left, right }));
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);
  return (
    <div
      ref={ref}
      className="eq-scroll"
      data-more-left={more.left || undefined}
      data-more-right={more.right || undefined}
      {...(overflows
        ? {
            tabIndex: 0,
            role: 'group',
            'aria-label': `${label} (scrolls sideways)`,
            'data-scrolls': true,
          }
        : {})}
    >
      {children}
    </div>
  );
}

/** Said under the loss after the update when the step made it worse, with α / 10 to try. */
function Advice({ advice }: { advice: LossAdvice }) {
  return (
    <div
      className={`eq-advice eq-advice-${advice.severity}`}
      role="note"
      data-advice={advice.severity}
    >
      <p>{advice.text}</p>
      <button
        type="button"
        onClick={() => useStore.getState().setConfig({ lr: advice.suggestedLr })}
      >
        Try α = {advice.suggestedLr}
      </button>
    </div>
  );
}

const Block = memo(function Block({
  block,
  advice,
}: {
  block: EquationBlock;
  advice?: LossAdvice | null;
}) {
  return (
    <li className="eq-block" data-block={block.id}>
      <h4 className="eq-title">{block.title}</h4>
      <Scroller label={block.title}>
        <Tex display tex={block.general} className="eq-general" />
      </Scroller>
      <p className="eq-with">with the numbers of this step:</p>
      <Scroller label={`${block.title}, with numbers`}>
        <Tex display tex={block.substituted} className="eq-substituted" />
      </Scroller>
      {block.note && <p className="eq-note">{block.note}</p>}
      {advice && <Advice advice={advice} />}
    </li>
  );
});

/** The shared weight whose symbol is under the pointer (KaTeX's span carries its class). */
function weightAt(target: EventTarget): SharedWeight | null {
  if (!(target instanceof Element)) return null;
  const el = target.closest(`[class*="${WEIGHT_CLASS_PREFIX}"]`);
  const m = el && new RegExp(`${WEIGHT_CLASS_PREFIX}([UWV])`).exec(el.className);
  return m ? (m[1] as SharedWeight) : null;
}

function setHover(w: SharedWeight | null) {
  const s = useStore.getState();
  if (s.hoverWeight !== w) s.setHoverWeight(w);
}

// Hovering U, W or V in an equation lights up every edge and heatmap of that weight.
const onPointerOver = (e: PointerEvent<HTMLElement>) => setHover(weightAt(e.target));

export function DerivationPanel() {
  const result = useStore(selectResult);
  const cursor = useStore(selectCursor);
  const theme = useResolvedTheme();
  const shownCursor = useAfterPaint(cursor);
  const hoverWeight = useStore(selectHoverWeight);
  const notationName = useStore(selectNotation);
  // A gated cell's equations arrive on demand; render again once they are here.
  const gated = !!result?.trace.gated;
  const [gatedReady, setGatedReady] = useState(gatedEquationsLoaded);
  useEffect(() => {
    if (gated && !gatedReady) void loadGatedEquations().then(() => setGatedReady(true));
  }, [gated, gatedReady]);

  const blocks = useMemo(
    () =>
      result && (!gated || gatedReady)
        ? buildEquations(result.trace, shownCursor, {
            scenario: result.scenario,
            labels: result.labels,
            notation: notationName,
            colors: equationColors(theme),
            lr: result.updated.lr,
            updated: result.updated,
          })
        : [],
    [result, shownCursor, theme, notationName, gated, gatedReady],
  );
  const advice = useMemo(
    () =>
      result && cursorInfo(shownCursor, result.trace.T).phase === 'update'
        ? updateLossAdvice(result.trace.loss, result.updated.loss, result.updated.lr)
        : null,
    [result, shownCursor],
  );

  return (
    // Focusable: on a wide screen the panel scrolls on its own, and the keyboard must reach that.
    <section
      aria-label="Derivation"
      className="panel derivation"
      aria-busy={shownCursor !== cursor}
      tabIndex={0}
      data-hover-weight={hoverWeight ?? undefined}
      onPointerOver={onPointerOver}
      onPointerLeave={() => setHover(null)}
    >
      <header className="derivation-head">
        <h3>Derivation</h3>
        {result && (
          <p className="derivation-step">
            {cursorHeading(shownCursor, result.trace.T, result.updated.lr)}
          </p>
        )}
      </header>
      {result ? (
        <ol className="eq-list">
          {blocks.map((b) => (
            <Block key={b.id} block={b} advice={b.id === 'update-loss' ? advice : null} />
          ))}
        </ol>
      ) : (
        <p className="derivation-empty">The equations appear once the network is computed.</p>
      )}
    </section>
  );
}
