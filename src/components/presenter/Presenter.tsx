import { useEffect, useLayoutEffect } from 'react';
import { LESSON_LENGTH } from '../../content/lesson/length';
import { LESSON } from '../../content/lesson/steps';
import { cursorTitle } from '../../core/cursor';
import { selectCursor, selectT } from '../../state/selectors';
import { useStore } from '../../state/store';
import { ownsKey } from '../controls/useKeyboard';
import { presenterBack, presenterForward } from './navigate';
import { openSpeakerNotes } from './openNotes';
import { nextGraphZoom, slideBox } from './slideFit';
import './Presenter.css';

// Presenter mode (loaded on demand), with reveal.js's keys: `B` or `.` blanks the screen and
// brings it back, `F` toggles full screen, `Escape` leaves. The pointer hides when idle. The
// layout (large type, the stage and the derivation only) is Presenter.css.

const IDLE_MS = 2500;

function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
  else void document.documentElement.requestFullscreen?.().catch(() => {});
}

/** Keys that move on (or back): while the screen is blank they only bring it back, as in
 * reveal.js, so the clicker never advances the lecture behind a black screen. */
const NAVIGATION_KEYS = new Set([
  'ArrowRight',
  'ArrowLeft',
  'ArrowUp',
  'ArrowDown',
  'PageDown',
  'PageUp',
  ' ',
  'Home',
  'End',
  'n',
  'N',
  'p',
  'P',
]);

/** reveal.js's navigation keys in presenter mode: Space and N go on like PageDown; P goes back
 * like PageUp; the arrows up and down as left and right. */
const FORWARD_KEYS = new Set(['PageDown', 'ArrowRight', 'ArrowDown', ' ', 'n', 'N']);
const BACK_KEYS = new Set(['PageUp', 'ArrowLeft', 'ArrowUp', 'p', 'P']);

function usePresenterKeys() {
  useEffect(() => {
    // Ahead of the transport's keys (capture phase): in presenter mode Space steps on, it does
    // not play past the step, and back goes to the previous step as it was left.
    const onNavKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (useStore.getState().blank) return;
      if (ownsKey(e.target, e.key)) return;
      if (FORWARD_KEYS.has(e.key)) {
        if (!e.repeat || e.key !== ' ') presenterForward();
      } else if (BACK_KEYS.has(e.key)) presenterBack();
      else return;
      e.preventDefault();
    };
    // Capture phase, ahead of the transport's keys (useKeyboard.ts skips a prevented key).
    const onBlankKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || !useStore.getState().blank) return;
      if (!NAVIGATION_KEYS.has(e.key)) return;
      e.preventDefault();
      useStore.getState().setBlank(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (ownsKey(e.target, e.key)) return;
      const s = useStore.getState();
      switch (e.key) {
        case 'b':
        case 'B':
        case '.':
          s.setBlank(!s.blank);
          break;
        case 'f':
        case 'F':
          toggleFullscreen();
          break;
        case 'Escape':
          if (s.blank) s.setBlank(false);
          else s.setPresenting(false);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onBlankKey, true);
    window.addEventListener('keydown', onNavKey, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onBlankKey, true);
      window.removeEventListener('keydown', onNavKey, true);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
}

/** `data-blank` and `data-pointer-idle` on the root element, for the CSS. */
function useRootAttributes() {
  const blank = useStore((s) => s.blank);
  useEffect(() => {
    const root = document.documentElement;
    if (blank) root.setAttribute('data-blank', 'true');
    else root.removeAttribute('data-blank');
  }, [blank]);
  useEffect(() => {
    const root = document.documentElement;
    root.setAttribute('data-presenting', 'true');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      root.removeAttribute('data-pointer-idle');
      clearTimeout(timer);
      timer = setTimeout(() => root.setAttribute('data-pointer-idle', 'true'), IDLE_MS);
    };
    wake();
    window.addEventListener('pointermove', wake, { passive: true });
    window.addEventListener('pointerdown', wake, { passive: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
      for (const a of ['data-presenting', 'data-pointer-idle', 'data-blank'])
        root.removeAttribute(a);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    };
  }, []);
}

/** The slide's zoom and size on the root element, for Presenter.css; again on every resize. */
function useSlideFit() {
  useLayoutEffect(() => {
    const root = document.documentElement;
    const fit = () => {
      const box = slideBox(window.innerWidth, window.innerHeight);
      root.style.setProperty('--slide-zoom', String(box.zoom));
      root.style.setProperty('--slide-w', `${box.width}px`);
      root.style.setProperty('--slide-h', `${box.height}px`);
    };
    fit();
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      for (const p of ['--slide-zoom', '--slide-w', '--slide-h']) root.style.removeProperty(p);
    };
  }, []);
}

/**
 * The graph fills the room the step leaves it: its stage is zoomed (CSS zoom keeps its layout
 * and pointer maths) by what the room and the drawing measure, whenever either changes size.
 */
function useGraphFit() {
  useEffect(() => {
    const root = document.documentElement;
    let zoom = 1;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const gs = document.querySelector<HTMLElement>('.app.presenting section.gs');
      const stage = gs?.querySelector<HTMLElement>('.gs-stage');
      const svg = stage?.querySelector<SVGSVGElement>('.gs-scroll svg');
      if (!gs || !stage || !svg) return;
      // The room: the section's box less what else it holds (the toolbar).
      const box = gs.getBoundingClientRect();
      let others = 0;
      for (const child of gs.children)
        if (child !== stage) others += child.getBoundingClientRect().height;
      const gap = parseFloat(getComputedStyle(gs).rowGap) || 0;
      const zoomed = parseFloat(getComputedStyle(document.querySelector('.app')!).zoom) || 1;
      const room = { width: box.width, height: box.height - others - gap * zoomed };
      const chain = gs.dataset.view === 'unrolled';
      const drawing = chain ? stage : (svg.querySelector('g') ?? svg);
      const r = drawing.getBoundingClientRect();
      // The folded cell's drawing with a margin, so its labels do not touch the frame.
      const drawn = chain
        ? { width: room.width, height: stage.getBoundingClientRect().height }
        : { width: r.width * 1.1, height: stage.getBoundingClientRect().height };
      const next = nextGraphZoom(zoom, room, drawn, chain);
      if (next !== zoom) {
        zoom = next;
        root.style.setProperty('--graph-zoom', String(zoom));
      }
      fitDerivation();
    };
    const fitDerivation = () => {
      const panel = document.querySelector<HTMLElement>('.app.presenting .derivation');
      const list = panel?.querySelector<HTMLElement>('.eq-list');
      if (!panel || !list || panel.getClientRects().length === 0) return;
      let z = derivationFit(panel, list);
      root.style.setProperty('--derivation-zoom', String(z));
      // Measured at zoom 1, laid out at z: rounding may leave a few pixels over; take them off.
      for (let i = 0; i < 10 && panel.scrollHeight > panel.clientHeight + 1 && z > 0.5; i++) {
        z *= 0.98;
        root.style.setProperty('--derivation-zoom', String(z));
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const observer = new ResizeObserver(schedule);
    const watch = () => {
      observer.disconnect();
      const gs = document.querySelector('.app.presenting section.gs');
      if (!gs) return;
      observer.observe(gs);
      for (const el of gs.querySelectorAll('.gs-stage, .gs-scroll svg, .gs-toolbar'))
        observer.observe(el);
      for (const el of document.querySelectorAll('.app.presenting .derivation, .eq-list'))
        observer.observe(el);
    };
    // The stage's parts come and go (folding, a new step's lesson panel): watch them anew.
    const mutations = new MutationObserver(() => {
      watch();
      schedule();
    });
    mutations.observe(document.querySelector('.app') ?? document.body, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['data-view'],
    });
    watch();
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      mutations.disconnect();
      root.style.removeProperty('--graph-zoom');
      root.style.removeProperty('--derivation-zoom');
    };
  }, []);
}

/** Below this zoom the derivation's titles (29 px at zoom 1) would be under 24 px. */
const EQ_ZOOM_MIN = 0.83;

/**
 * Fits the derivation's blocks to their column, measured at zoom 1: all of each block if they
 * fit (zoomed down to EQ_ZOOM_MIN at most), else the last blocks show their general form only
 * (the numbers are on the desk's screen), one at a time from the end, and if that is not enough
 * the last ones are left out; only a formula too wide for the column zooms further. Returns
 * the zoom; marks the blocks.
 */
function derivationFit(panel: HTMLElement, list: HTMLElement): number {
  const root = document.documentElement;
  root.style.setProperty('--derivation-zoom', '1');
  const all = [...list.querySelectorAll<HTMLElement>('.eq-block')];
  for (const b of all) delete b.dataset.present;
  const blocks = all.filter((b) => b.getClientRects().length > 0);
  const room = () => {
    const r = panel.getBoundingClientRect();
    const pad = parseFloat(getComputedStyle(panel).paddingBottom) || 0;
    return (
      (r.bottom - list.getBoundingClientRect().top - pad * 1.5) /
      list.getBoundingClientRect().height
    );
  };
  let fit = room();
  for (let i = blocks.length - 1; i >= 0 && fit < EQ_ZOOM_MIN; i--) {
    blocks[i].dataset.present = 'general';
    fit = room();
  }
  // Still too many (the cursor's own blocks standing in for the step's): the first ones only.
  for (let i = blocks.length - 1; i > 0 && fit < EQ_ZOOM_MIN; i--) {
    blocks[i].dataset.present = 'none';
    fit = room();
  }
  // A formula wider than the column shrinks on its own (the others keep their size); measured
  // once the blocks are settled, at its own zoom 1.
  for (const el of list.querySelectorAll<HTMLElement>('.eq-scroll')) {
    const tex = el.firstElementChild as HTMLElement | null;
    if (!tex || el.getClientRects().length === 0) continue;
    tex.style.removeProperty('zoom');
    const wide = el.scrollWidth / Math.max(1, el.clientWidth);
    if (wide > 1.01) tex.style.setProperty('zoom', String(Math.max(0.5, 1 / wide)));
  }
  return Math.max(0.5, Math.min(1, room()));
}

/**
 * What the lesson step needs on the slide, for Presenter.css: the derivation's blocks that the
 * step is about (the others are left out: a step fits one screen), its aside (a chart, the
 * loop as code) beside the graph, both, or the graph only.
 */
function StepLayout({ lesson }: { lesson: number }) {
  const step = lesson > 0 ? LESSON[lesson - 1] : null;
  const layout = !step
    ? 'explorer'
    : step.equations && step.chart
      ? 'aside-derivation'
      : step.equations
        ? 'derivation'
        : step.chart || step.code
          ? 'aside'
          : 'graph';
  useEffect(() => {
    document.documentElement.setAttribute('data-present-layout', layout);
    return () => document.documentElement.removeAttribute('data-present-layout');
  }, [layout]);
  if (!step?.equations) return null;
  // Only where the cursor has them: before the update, the update's blocks do not exist yet,
  // and the cursor's own blocks stand in for them.
  const ids = step.equations.map((id) => `[data-block="${CSS.escape(id)}"]`);
  const keep = ids.map((id) => `:not(${id})`).join('');
  const has = ids.map((id) => `> ${id}`).join(', ');
  return (
    <style>{`.app.presenting .derivation .eq-list:has(${has}) > .eq-block${keep} { display: none; }`}</style>
  );
}

export default function Presenter() {
  usePresenterKeys();
  useRootAttributes();
  useSlideFit();
  useGraphFit();
  const lesson = useStore((s) => s.lesson);
  const step = lesson > 0 ? LESSON[lesson - 1] : null;
  const cursor = useStore(selectCursor);
  const T = useStore(selectT);
  const s = useStore.getState();
  return (
    <div className="presenter-bar" role="group" aria-label="Presenter">
      <StepLayout lesson={lesson} />
      <p className="presenter-progress">
        {lesson > 0 ? `Lesson ${lesson} / ${LESSON_LENGTH}` : 'Explorer'} ·{' '}
        {T > 0 ? cursorTitle(cursor, T) : '…'}
      </p>
      {step?.link && (
        // The step's link (the training lab), short on the slide; its words in the title.
        <a className="presenter-link" href={step.link.href} title={step.link.text}>
          Training lab
        </a>
      )}
      <button type="button" onClick={() => openSpeakerNotes(s.config.notation)}>
        Speaker notes
      </button>
      <button type="button" onClick={() => s.setPresenting(false)}>
        Leave presenter mode
      </button>
    </div>
  );
}
