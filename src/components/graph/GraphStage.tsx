import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { useStore } from '../../state/store';
import {
  selectCursor,
  selectHoverWeight,
  selectResult,
  selectStatus,
  selectView,
} from '../../state/selectors';
import { cursorInfo, forwardKnown, gradKnown } from '../../state/cursor';
import type { SharedWeight } from '../../state/slices/viewSlice';
import {
  foldedLayout,
  unrolledLayout,
  type LayoutNode,
  type NodeKind,
} from '../../layout/graphLayout';
import {
  centerOn,
  fitScale,
  panToShow,
  placeTip,
  visibleRange,
  zoomAbout,
  type Frame,
  type View,
} from '../../layout/viewport';
import { fmt, WEIGHT_VAR } from '../encoding';
import { ChainColumn, groupColumns } from './ChainColumn';
import { FoldedCell } from './FoldedCell';
import { graphData } from './graphData';
import { Legend } from './Legend';
import { motionMs } from './motion';
import { NodeTipBody } from './NodeTip';
import { Overview } from './Overview';
import { TIP_ID } from './parts';
import { useChainZoom } from './useChainZoom';
import { useResolvedTheme } from '../equations/useResolvedTheme';
import './GraphStage.css';

// The stage of the app: the folded cell or the unrolled chain, its toolbar (Unroll / Fold,
// the running loss, zoom), the tooltip with a node's numbers, the overview of the whole
// sequence and the legend. Geometry comes from src/layout; React draws every element; d3-zoom
// only reports the pan and zoom transform.

const GUTTER = 84;
const GUTTER_NARROW = 62;
const K_MAX = 2.5;
const CHUNK = 8;

type Tip = { kind: NodeKind; t: number } | null;
type Anim = 'none' | 'unroll-start' | 'folding';

const isWeight = (w: string | undefined): w is SharedWeight => w === 'U' || w === 'W' || w === 'V';

/** The node or weight under an event target, read from the data attributes of the graph. */
function hitOf(target: EventTarget | null) {
  const el = target instanceof Element ? target : null;
  const node = el?.closest<SVGGElement>('[data-node]');
  const weightEl = el?.closest<SVGElement>('[data-weight], [data-edge]');
  const w =
    weightEl?.getAttribute('data-weight') ?? weightEl?.getAttribute('data-edge') ?? undefined;
  return {
    tip: node
      ? { kind: node.getAttribute('data-node') as NodeKind, t: Number(node.getAttribute('data-t')) }
      : null,
    weight: isWeight(w) ? w : null,
  };
}

const sameTip = (a: Tip, b: Tip) => a === b || (!!a && !!b && a.kind === b.kind && a.t === b.t);

function setHover(w: SharedWeight | null) {
  const s = useStore.getState();
  if (s.hoverWeight !== w) s.setHoverWeight(w);
}

export function GraphStage() {
  const result = useStore(selectResult);
  const cursor = useStore(selectCursor);
  const view = useStore(selectView);
  const hover = useStore(selectHoverWeight);
  const status = useStore(selectStatus);

  const theme = useResolvedTheme();
  const data = useMemo(() => (result ? graphData(result, theme) : null), [result, theme]);
  const T = data?.T ?? 0;
  const H = data?.H ?? 1;
  const K = data?.K ?? 1;
  const D = data?.D ?? 1;
  const probStrip = data?.crossEntropy ?? true;

  // Width of the stage, followed with a ResizeObserver.
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(720);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.floor(el.clientWidth)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const narrow = width < 480;
  const left = narrow ? GUTTER_NARROW : GUTTER;

  // A short chain on a wide stage gets roomier columns and cells (in steps of 1/8, so a
  // resize rarely re-lays it out). Geometry depends on sizes only, never on the cursor.
  const roomy =
    Math.floor(8 * Math.min(1.5, Math.max(1, (width - left - 40) / ((T + 1) * 64)))) / 8;
  const geom = useMemo(
    () => unrolledLayout(T, H, K, D, { probStrip, scale: roomy }),
    [T, H, K, D, probStrip, roomy],
  );
  const folded = useMemo(
    () => foldedLayout(H, K, D, { probStrip, scale: roomy }),
    [H, K, D, probStrip, roomy],
  );
  const columns = useMemo(() => groupColumns(geom), [geom]);
  // The chain is drawn as several SVGs of CHUNK steps side by side: each is its own paint
  // layer, so a cursor step repaints one or two of them, not the whole chain.
  const chunks = useMemo(() => {
    const out: { key: number; x0: number; x1: number; cols: typeof columns }[] = [];
    for (let i = 0; i < columns.length; i += CHUNK) {
      const cols = columns.slice(i, i + CHUNK);
      out.push({ key: i, x0: cols[0].col.x0, x1: cols[cols.length - 1].col.x1, cols });
    }
    return out;
  }, [columns]);

  const info = cursorInfo(cursor, T);
  const stepT = info.t;
  // The column whose nodes are in the tab order: the current step, else the first or last.
  const focusT = stepT > 0 ? stepT : info.phase === 'update' ? T : 1;

  // Folded ⇄ unrolled: the chain is drawn collapsed onto the folded cell, then released (or the
  // reverse), and CSS moves the columns over --dur. With reduced motion the swap is instant.
  const [anim, setAnim] = useState<Anim>('none');
  const [prevView, setPrevView] = useState(view);
  if (view !== prevView) {
    setPrevView(view);
    const animate = motionMs() > 0 && data !== null;
    setAnim(!animate ? 'none' : view === 'unrolled' ? 'unroll-start' : 'folding');
  }
  const shown = view === 'unrolled' || anim === 'folding' ? 'unrolled' : 'folded';
  const collapsed = anim !== 'none';

  useEffect(() => {
    if (anim === 'unroll-start') {
      // Two frames: the collapsed chain is painted once before it is released.
      let id = requestAnimationFrame(() => {
        id = requestAnimationFrame(() => setAnim('none'));
      });
      return () => cancelAnimationFrame(id);
    }
    if (anim === 'folding') {
      const id = window.setTimeout(() => setAnim('none'), motionMs());
      return () => window.clearTimeout(id);
    }
  }, [anim]);

  const frame: Frame = useMemo(
    () => ({ width, height: geom.height, left, contentW: geom.width, contentH: geom.height }),
    [width, left, geom.width, geom.height],
  );
  const kFit = fitScale(frame);
  const kMin = Math.max(0.05, Math.min(0.6, kFit));

  // Where the chain starts when unrolled: from s_0, or with the current step in view.
  const viewRef = useRef<HTMLDivElement>(null);
  const initialView = useCallback((): View => {
    const start: View = { x: left, y: 0, k: 1 };
    const col = geom.columns[stepT];
    return col && stepT > 0 ? panToShow(start, frame, col.x0, col.x1) : start;
  }, [left, geom, stepT, frame]);
  const zoom = useChainZoom(viewRef, shown === 'unrolled' && data !== null, frame, initialView);
  const { animateTo, current: currentView, setScaleExtent } = zoom;
  const tv = zoom.view;

  useEffect(() => setScaleExtent(kMin, K_MAX), [kMin, setScaleExtent, shown]);

  // Keep the current step in view as the cursor moves (only as far as needed).
  useEffect(() => {
    if (shown !== 'unrolled' || stepT === 0) return;
    const col = geom.columns[stepT];
    if (!col) return;
    const v = currentView();
    const bias = info.phase === 'backward' ? 0.65 : 0.35;
    const next = panToShow(v, frame, col.x0, col.x1, 48, bias);
    if (next !== v) animateTo(next);
  }, [shown, stepT, info.phase, geom, frame, currentView, animateTo]);

  // The tooltip: the node under the pointer, else the node that has focus.
  const [hoverTip, setHoverTip] = useState<Tip>(null);
  const [focusTip, setFocusTip] = useState<Tip>(null);
  const tip = hoverTip ?? focusTip;

  const onPointerOver = (e: PointerEvent) => {
    const hit = hitOf(e.target);
    setHoverTip((old) => (sameTip(old, hit.tip) ? old : hit.tip));
    setHover(hit.weight);
  };
  const onPointerLeave = () => {
    setHoverTip(null);
    setHover(null);
  };
  const onFocus = (e: FocusEvent) => {
    const hit = hitOf(e.target);
    setFocusTip(hit.tip);
    setHover(hit.weight);
    if (hit.tip && shown === 'unrolled') {
      const col = geom.columns[hit.tip.t];
      if (col) {
        const v = currentView();
        const next = panToShow(v, frame, col.x0, col.x1, 24, 0.5);
        if (next !== v) animateTo(next);
      }
    }
  };
  const onBlur = (e: FocusEvent) => {
    if (!hitOf(e.relatedTarget).tip) setFocusTip(null);
    if (!hitOf(e.relatedTarget).weight) setHover(null);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      setHoverTip(null);
      setFocusTip(null);
      setHover(null);
    }
  };

  const toggle = () => useStore.getState().setView(view === 'folded' ? 'unrolled' : 'folded');

  // The running loss: the sum of the L_t known at this cursor.
  const knownSteps = info.phase === 'init' ? 0 : info.phase === 'forward' ? stepT : T;
  const runningLoss = data ? data.cumLoss[knownSteps] : 0;
  const gradFrom = info.phase === 'backward' ? stepT : info.phase === 'update' ? 0 : Infinity;

  // The folded cell shows the step the cursor is at (step 1 before the forward pass starts).
  const foldT = stepT > 0 ? stepT : info.phase === 'update' ? T : 1;
  const foldFocusT = stepT > 0 ? stepT : 1;

  const zoomBy = (f: number) => animateTo(zoomAbout(currentView(), frame, f, kMin, K_MAX));
  const fitAll = () => animateTo(zoomAbout({ ...currentView(), k: 1 }, frame, kFit, kMin, 1));
  const resetZoom = () => {
    const col = geom.columns[stepT];
    const v = zoomAbout(currentView(), frame, 1 / currentView().k, kMin, K_MAX);
    animateTo(col && stepT > 0 ? centerOn(v, frame, col.cx) : { x: left, y: 0, k: 1 });
  };

  // Screen position of the node a tooltip belongs to.
  const tipNode: LayoutNode | undefined = tip
    ? shown === 'unrolled'
      ? geom.nodes.find((n) => n.kind === tip.kind && n.t === tip.t)
      : folded.nodes.find((n) => n.kind === tip.kind)
    : undefined;
  let tipBox: TipAnchor | null = null;
  if (tip && tipNode) {
    const k = shown === 'unrolled' ? tv.k : 1;
    const ox = shown === 'unrolled' ? tv.x : Math.round(width / 2);
    const oy = shown === 'unrolled' ? tv.y : 0;
    tipBox = {
      l: ox + k * tipNode.x,
      r: ox + k * (tipNode.x + tipNode.w),
      top: oy + k * tipNode.y,
      bottom: oy + k * (tipNode.y + tipNode.h),
    };
  }

  const [vis0, vis1] = visibleRange(tv, frame);
  // Only while folding or unfolding: a custom property inherits, so changing it on every pan
  // would restyle every cell of the chain.
  const chainStyle = collapsed
    ? ({ '--fold-x': `${(width / 2 - tv.x) / tv.k}px` } as CSSProperties)
    : undefined;
  const band = stepT > 0 ? geom.columns[stepT] : null;
  // Cells are drawn for the columns in view and a screen's width either side, in chunks of 8
  // columns, so a long chain paints a few thousand cells rather than all of them.
  const colW = geom.columns[0].x1 - geom.columns[0].x0;
  const perScreen = Math.ceil((width - left) / (colW * tv.k));
  const detail0 = collapsed ? 0 : Math.floor((vis0 / colW - perScreen) / 8) * 8;
  const detail1 = collapsed ? T : Math.ceil((vis1 / colW + perScreen) / 8) * 8;

  return (
    <section className="gs" aria-label="Network graph" data-view={shown}>
      <div className="gs-toolbar">
        <button type="button" className="gs-toggle" onClick={toggle}>
          {view === 'folded' ? 'Unroll' : 'Fold'}
        </button>
        <span className="gs-loss" data-testid="running-loss" data-value={String(runningLoss)}>
          Loss so far:{' '}
          <span className="num" title={String(runningLoss)}>
            {fmt(runningLoss)}
          </span>
          <span className="gs-loss-note">
            {info.phase === 'init'
              ? ' (no step computed yet)'
              : info.phase === 'forward'
                ? stepT === 1
                  ? ' (t = 1)'
                  : ` (t = 1…${stepT})`
                : ` (all ${T} steps)`}
          </span>
        </span>
        {info.phase === 'update' && result && (
          <span className="gs-loss gs-loss-after">
            after the update:{' '}
            <span className="num" title={String(result.updated.loss)}>
              {fmt(result.updated.loss)}
            </span>
          </span>
        )}
        {shown === 'unrolled' && data && (
          <span className="gs-zoom">
            <button type="button" onClick={() => zoomBy(1 / 1.4)} aria-label="Zoom out">
              −
            </button>
            <button type="button" onClick={() => zoomBy(1.4)} aria-label="Zoom in">
              +
            </button>
            <button type="button" onClick={fitAll}>
              Whole sequence
            </button>
            <button type="button" onClick={resetZoom} aria-label="Reset zoom">
              1:1
            </button>
          </span>
        )}
      </div>

      <div className="gs-stage">
        <div
          className="gs-scroll"
          ref={scrollRef}
          onPointerOver={onPointerOver}
          onPointerLeave={onPointerLeave}
          onFocus={onFocus}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
        >
          {!data ? (
            <div className="gs-empty" style={{ height: geom.height }}>
              {status === 'error' ? 'No trace to show.' : 'Computing the trace…'}
            </div>
          ) : shown === 'folded' ? (
            <FoldedCell
              geom={folded}
              data={data}
              width={width}
              t={foldT}
              T={T}
              computed={forwardKnown(cursor, T, foldT)}
              grad={gradKnown(cursor, T, foldT)}
              current={stepT > 0}
              hover={hover}
            />
          ) : (
            <div
              ref={viewRef}
              className="gs-unrolled"
              role="group"
              aria-label={`The network unrolled over ${T} time steps`}
              data-view="unrolled"
              data-phase={info.phase}
              style={{ height: geom.height }}
            >
              <div
                className="gs-world"
                data-collapsed={anim === 'none' ? undefined : anim}
                style={{
                  width: geom.width,
                  height: geom.height,
                  transform: `translate(${tv.x}px, ${tv.y}px) scale(${tv.k})`,
                  ...chainStyle,
                }}
              >
                <div
                  className="gs-band"
                  data-on={band !== null && !collapsed}
                  style={{ left: (band?.x0 ?? 0) + 2, width: colW - 4, height: geom.height - 4 }}
                />
                {chunks.map((ch) => (
                  <svg
                    key={ch.key}
                    className="gs-svg gs-chunk"
                    role="none"
                    style={{ left: ch.x0 }}
                    width={ch.x1 - ch.x0}
                    height={geom.height}
                    viewBox={`${ch.x0} 0 ${ch.x1 - ch.x0} ${geom.height}`}
                  >
                    {ch.cols.map((c) => {
                      const t = c.col.t;
                      return (
                        <ChainColumn
                          key={t}
                          geo={c}
                          data={data}
                          computed={forwardKnown(cursor, T, t)}
                          grad={gradKnown(cursor, T, t)}
                          current={t > 0 && t === stepT}
                          flowing={info.phase === 'backward' && t === stepT}
                          hover={hover}
                          foldFocus={t === foldFocusT}
                          detail={t >= detail0 && t <= detail1}
                          tabbable={t === focusT}
                        />
                      );
                    })}
                  </svg>
                ))}
              </div>
              <Gutter
                rows={geom.rows}
                view={tv}
                left={left}
                height={geom.height}
                narrow={narrow}
                probs={probStrip}
              />
            </div>
          )}
        </div>
        {tip && tipBox && data && (
          <TipBox anchor={tipBox} stageW={width} contentKey={`${tip.kind}${tip.t}:${cursor}`}>
            <NodeTipBody
              kind={tip.kind}
              t={shown === 'unrolled' ? tip.t : foldT}
              data={data}
              computed={forwardKnown(cursor, T, shown === 'unrolled' ? tip.t : foldT)}
              grad={gradKnown(cursor, T, shown === 'unrolled' ? tip.t : foldT)}
            />
          </TipBox>
        )}
      </div>

      {shown === 'unrolled' && data ? (
        <Overview
          data={data}
          columns={geom.columns}
          contentW={geom.width}
          width={width}
          known={knownSteps}
          gradFrom={gradFrom}
          currentT={stepT}
          visible={[vis0, vis1]}
          onPan={(cx) => animateTo(centerOn(currentView(), frame, cx))}
        />
      ) : (
        <p className="gs-caption">
          One cell, applied at every step with the same{' '}
          <span className="gs-wname" style={{ color: WEIGHT_VAR.U }}>
            U
          </span>
          ,{' '}
          <span className="gs-wname" style={{ color: WEIGHT_VAR.W }}>
            W
          </span>{' '}
          and{' '}
          <span className="gs-wname" style={{ color: WEIGHT_VAR.V }}>
            V
          </span>
          : s<sub>t</sub> depends on s<sub>t−1</sub> through the loop{' '}
          <span className="gs-wname" style={{ color: WEIGHT_VAR.W }}>
            W
          </span>
          . Unroll it to see all {T || 'the'} steps side by side.
        </p>
      )}
      <Legend />
    </section>
  );
}

interface TipAnchor {
  l: number;
  r: number;
  top: number;
  bottom: number;
}

/** The tooltip box: measured once drawn, then placed beside its node inside the stage. */
function TipBox({
  anchor,
  stageW,
  contentKey,
  children,
}: {
  anchor: TipAnchor;
  stageW: number;
  /** Changes when the content (so perhaps the size) changes. */
  contentKey: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [w, setW] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && el.offsetWidth !== w) setW(el.offsetWidth);
  }, [w, contentKey, stageW]);
  const pos = placeTip(anchor, w, stageW);
  return (
    <div
      ref={ref}
      className="gs-tip"
      id={TIP_ID}
      role="tooltip"
      style={{ left: w ? pos.left : 0, top: pos.top, visibility: w ? 'visible' : 'hidden' }}
    >
      {children}
    </div>
  );
}

/** Row names on the left, fixed while the chain pans under them. */
function Gutter({
  rows,
  view,
  left,
  height,
  narrow,
  probs,
}: {
  rows: ReturnType<typeof unrolledLayout>['rows'];
  view: View;
  left: number;
  height: number;
  narrow: boolean;
  /** ŷ is drawn beside o (cross-entropy). */
  probs: boolean;
}) {
  const y = (v: number) => view.y + view.k * v;
  const mid = (top: number, h: number) => y(top + h / 2) + 4;
  const items: [string, string, number][] = [
    ['step', 't', y(rows.header)],
    ['predicted', 'ŷ', y(rows.pred)],
    ['target', 'y', y(rows.target)],
    ['loss', 'L', mid(rows.lossTop, rows.lossH)],
    ['output', probs ? 'o | ŷ' : 'o', mid(rows.oTop, rows.oH)],
    ['state', 's | ∂L/∂a', mid(rows.sTop, rows.sH)],
    ['input', 'x', mid(rows.xTop, rows.xH)],
    ['symbol', '', y(rows.char)],
  ];
  const show = view.k >= 0.55;
  return (
    <svg className="gs-gutter" width={left + 14} height={height} aria-hidden="true">
      <defs>
        <linearGradient id="gs-gutter-fade" x1="0" x2="1" y1="0" y2="0">
          <stop offset="0" className="gs-fade-a" />
          <stop offset="1" className="gs-fade-b" />
        </linearGradient>
      </defs>
      <rect className="gs-gutter-bg" width={left} height={height} />
      <rect x={left} width={14} height={height} fill="url(#gs-gutter-fade)" />
      {show &&
        items.map(([name, sym, yy]) => (
          <text key={name} className="gs-rowname" x={8} y={yy}>
            {name}
            {!narrow && sym && (
              <tspan className="gs-rowsym" dx={4}>
                {sym}
              </tspan>
            )}
          </text>
        ))}
    </svg>
  );
}
