import { CELLS, DEFAULT_CELL, NOTATIONS } from '../../core/model';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from '../../state/store';
import {
  selectCursor,
  selectHidden,
  selectHoverWeight,
  selectNotation,
  selectResult,
  selectStatus,
  selectView,
} from '../../state/selectors';
import { cursorInfo, forwardKnown, gradKnown } from '../../core/cursor';
import { foldedLayout, unrolledLayout, type LayoutNode } from '../../layout/graphLayout';
import {
  centerOn,
  detailRange,
  fitScale,
  panToShow,
  visibleRange,
  wrapToFit,
  type Frame,
  type View,
} from '../../layout/viewport';
import { groupColumns } from './ChainColumn';
import { ChainWorld, CHUNK, chunkColumns, shiftOf } from './ChainWorld';
import { FoldedCaption } from './FoldedCaption';
import { FoldedCell } from './FoldedCell';
import { graphData } from './graphData';
import { Gutter } from './Gutter';
import { Legend } from './Legend';
import { NodeTipBody } from './NodeTip';
import { Overview } from './Overview';
import { StageToolbar, type ZoomActions } from './StageToolbar';
import { TipLayer, tipAnchor } from './TipLayer';
import { useChainZoom } from './useChainZoom';
import { useResolvedTheme } from '../equations/useResolvedTheme';
import { useFoldAnimation } from './useFoldAnimation';
import { useFollowCursor } from './useFollowCursor';
import { useNodeTip } from './useNodeTip';
import { useStageWidth } from './useStageWidth';
import './GraphStage.css';

// The stage of the app: the folded cell or the unrolled chain, its toolbar, the tooltip with a
// node's numbers, the overview of the whole sequence and the legend. This file wires the parts
// together; each has its own file. Geometry comes from src/layout; React draws every element;
// d3-zoom only reports the pan and zoom transform (chainPanZoom.ts).

const GUTTER = 84;
const GUTTER_NARROW = 62;
const K_MAX = 2.5;
/** Room around the wrapped whole sequence, in px. */
const WHOLE_PAD = 12;

export function GraphStage() {
  const result = useStore(selectResult);
  const cursor = useStore(selectCursor);
  const view = useStore(selectView);
  const hover = useStore(selectHoverWeight);
  const status = useStore(selectStatus);
  const hideLegend = useStore(selectHidden('legend'));

  const theme = useResolvedTheme();
  const notation = useStore(selectNotation);
  const data = useMemo(
    () => (result ? graphData(result, theme, notation) : null),
    [result, theme, notation],
  );
  const T = data?.T ?? 0;
  const H = data?.H ?? 1;
  const K = data?.K ?? 1;
  const D = data?.D ?? 1;
  const probStrip = data?.crossEntropy ?? true;
  const cell = data?.cell ?? DEFAULT_CELL;

  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useStageWidth(scrollRef);
  const narrow = width < 480;
  const gutter = narrow ? GUTTER_NARROW : GUTTER;

  // A short chain on a wide stage gets roomier columns and cells (in steps of 1/8, so a
  // resize rarely re-lays it out). Geometry depends on sizes only, never on the cursor.
  const roomy =
    Math.floor(8 * Math.min(1.5, Math.max(1, (width - gutter - 40) / ((T + 1) * 64)))) / 8;
  const geom = useMemo(
    () => unrolledLayout(T, H, K, D, { probStrip, scale: roomy, cell }),
    [T, H, K, D, probStrip, roomy, cell],
  );
  const folded = useMemo(
    () => foldedLayout(H, K, D, { probStrip, scale: roomy, cell }),
    [H, K, D, probStrip, roomy, cell],
  );
  const chunks = useMemo(() => chunkColumns(groupColumns(geom)), [geom]);

  const info = cursorInfo(cursor, T);
  const stepT = info.t;
  // The column whose nodes are in the tab order: the current step, else the first or last.
  const focusT = stepT > 0 ? stepT : info.phase === 'update' ? T : 1;
  // The folded cell shows the step the cursor is at (step 1 before the forward pass starts).
  const foldT = stepT > 0 ? stepT : info.phase === 'update' ? T : 1;
  const foldFocusT = stepT > 0 ? stepT : 1;

  const { anim, shown, collapsed } = useFoldAnimation(view, data !== null);
  const chainOn = shown === 'unrolled' && data !== null;

  // `Whole sequence`: the chain wrapped into rows that fill the stage.
  const [whole, setWhole] = useState(false);
  if (whole && view !== 'unrolled') setWhole(false);
  const wrap = useMemo(
    () =>
      whole
        ? wrapToFit(
            chunks.map((c): [number, number] => [c.x0, c.x1]),
            geom.height,
            width - 2 * WHOLE_PAD,
            geom.height - 2 * WHOLE_PAD,
          )
        : null,
    [whole, chunks, geom.height, width],
  );

  const strip: Frame = useMemo(
    () => ({
      width,
      height: geom.height,
      left: gutter,
      contentW: geom.width,
      contentH: geom.height,
    }),
    [width, gutter, geom.width, geom.height],
  );
  const frame: Frame = useMemo(
    () =>
      wrap
        ? { ...strip, left: 0, contentW: wrap.width, contentH: wrap.height, center: true }
        : strip,
    [strip, wrap],
  );
  const kMinStrip = Math.max(0.05, Math.min(0.6, fitScale(strip)));
  const kMin = wrap ? Math.min(kMinStrip, wrap.k) : kMinStrip;

  // Where the chain starts when unrolled: from s_0, or with the current step in view.
  const viewRef = useRef<HTMLDivElement>(null);
  const initialView = useCallback((): View => {
    const start: View = { x: strip.left, y: 0, k: 1 };
    const col = geom.columns[stepT];
    return col && stepT > 0 ? panToShow(start, strip, col.x0, col.x1) : start;
  }, [geom, stepT, strip]);
  const { view: tv, panZoom } = useChainZoom(
    viewRef,
    chainOn,
    { frame, kMin, kMax: K_MAX },
    initialView,
  );

  // Into the whole sequence and out of it: the content changes shape, so the view jumps.
  const leaving = useRef<((f: Frame) => View) | null>(null);
  useLayoutEffect(() => {
    const pz = panZoom.current;
    if (!pz) return;
    if (wrap) pz.fitWhole({ animate: false });
    else if (leaving.current) pz.setViewport(leaving.current(frame), { animate: false });
    leaving.current = null;
    // `frame` follows `wrap`; only a new wrap (or none) re-fits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wrap, panZoom]);

  useFollowCursor(panZoom, chainOn && !wrap, geom.columns[stepT], info.phase);

  const { tip, handlers } = useNodeTip((t) => {
    const col = geom.columns[t];
    if (shown === 'unrolled' && !wrap && col)
      panZoom.current?.follow(col.x0, col.x1, { margin: 24, bias: 0.5 });
  });

  /** A view of the strip at scale k, around the current step. */
  const around =
    (k: number) =>
    (f: Frame): View => {
      const col = geom.columns[stepT];
      const v = { x: f.left, y: 0, k: Math.max(kMinStrip, Math.min(K_MAX, k)) };
      return col && stepT > 0 ? centerOn(v, f, col.cx) : v;
    };
  const leaveWhole = (to: (f: Frame) => View) => {
    leaving.current = to;
    setWhole(false);
  };
  const zoom: ZoomActions = {
    zoomOut: () => (wrap ? leaveWhole(around(tv.k / 1.4)) : panZoom.current?.zoomBy(1 / 1.4)),
    zoomIn: () => (wrap ? leaveWhole(around(tv.k * 1.4)) : panZoom.current?.zoomBy(1.4)),
    whole: () => (wrap ? leaveWhole(around(1)) : setWhole(true)),
    reset: () => (wrap ? leaveWhole(around(1)) : panZoom.current?.setViewport(around(1)(frame))),
  };
  const panTo = (cx: number) => {
    if (wrap) leaveWhole((f) => centerOn({ x: f.left, y: 0, k: 1 }, f, cx));
    else {
      const pz = panZoom.current;
      if (pz) pz.setViewport(centerOn(pz.heading(), frame, cx));
    }
  };

  // The running loss: the sum of the L_t known at this cursor.
  const knownSteps = info.phase === 'init' ? 0 : info.phase === 'forward' ? stepT : T;
  const runningLoss = data ? data.cumLoss[knownSteps] : 0;
  const gradFrom = info.phase === 'backward' ? stepT : info.phase === 'update' ? 0 : Infinity;

  // Screen position of the node a tooltip belongs to.
  const tipNode: LayoutNode | undefined = tip
    ? shown === 'unrolled'
      ? geom.nodes.find((n) => n.kind === tip.kind && n.t === tip.t)
      : folded.nodes.find((n) => n.kind === tip.kind)
    : undefined;
  const anchor =
    tip && tipNode
      ? shown === 'unrolled'
        ? tipAnchor(tipNode, tv, shiftOf(wrap, tip.t))
        : tipAnchor(tipNode, { x: Math.round(width / 2), y: 0, k: 1 })
      : null;
  const tipT = tip && shown === 'unrolled' ? tip.t : foldT;

  const visible: [number, number] = wrap ? [0, geom.width] : visibleRange(tv, frame);
  const colW = geom.columns[0].x1 - geom.columns[0].x0;
  const detail: [number, number] = collapsed || wrap ? [0, T] : detailRange(tv, frame, colW, CHUNK);

  return (
    <section className="gs" aria-label="Network graph" data-view={shown}>
      <StageToolbar
        folded={view === 'folded'}
        info={info}
        T={T}
        runningLoss={runningLoss}
        updatedLoss={info.phase === 'update' && result ? result.updated.loss : null}
        lr={result?.updated.lr ?? 0}
        zoom={chainOn ? zoom : null}
        wholeOn={wrap !== null}
      />

      <div className="gs-stage">
        <div className="gs-scroll" ref={scrollRef} {...handlers}>
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
              <ChainWorld
                geom={geom}
                chunks={chunks}
                data={data}
                cursor={cursor}
                info={info}
                hover={hover}
                view={tv}
                anim={anim}
                foldX={collapsed ? (width / 2 - tv.x) / tv.k : null}
                detail={detail}
                focusT={focusT}
                foldFocusT={foldFocusT}
                wrap={wrap}
              />
              {!wrap && (
                <Gutter
                  rows={geom.rows}
                  view={tv}
                  left={gutter}
                  height={geom.height}
                  narrow={narrow}
                  probs={probStrip}
                  state={NOTATIONS[notation].state}
                  gated={
                    CELLS[cell].gates.length === 0
                      ? undefined
                      : { cellState: CELLS[cell].cellState ? NOTATIONS[notation].cellState : null }
                  }
                />
              )}
            </div>
          )}
        </div>
        {tip && anchor && data && (
          <TipLayer anchor={anchor} stageW={width} contentKey={`${tip.kind}${tip.t}:${cursor}`}>
            <NodeTipBody
              kind={tip.kind}
              t={tipT}
              data={data}
              computed={forwardKnown(cursor, T, tipT)}
              grad={gradKnown(cursor, T, tipT)}
            />
          </TipLayer>
        )}
      </div>

      {chainOn ? (
        <Overview
          data={data}
          columns={geom.columns}
          contentW={geom.width}
          width={width}
          known={knownSteps}
          gradFrom={gradFrom}
          currentT={stepT}
          visible={visible}
          onPan={panTo}
        />
      ) : (
        <FoldedCaption T={T} />
      )}
      {!hideLegend && <Legend />}
    </section>
  );
}
