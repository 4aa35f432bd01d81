import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { View } from '../../layout/viewport';
import { createChainPanZoom, type ChainPanZoom } from './chainPanZoom';
import type { ViewportOptions } from './viewportController';

/**
 * The chain's pan and zoom (chainPanZoom.ts) for React: created when the chain is on screen,
 * fed new options on every render, destroyed with it. Returns the view to draw and the
 * controller (null while there is none).
 */
export function useChainZoom(
  elRef: RefObject<HTMLDivElement | null>,
  enabled: boolean,
  options: ViewportOptions,
  initial: () => View,
): { view: View; panZoom: RefObject<ChainPanZoom | null> } {
  const [view, setView] = useState<View>(() => ({ x: options.frame.left, y: 0, k: 1 }));
  const panZoom = useRef<ChainPanZoom | null>(null);
  const latest = useRef({ options, initial });
  useLayoutEffect(() => {
    latest.current = { options, initial };
  });

  useLayoutEffect(() => {
    const el = elRef.current;
    if (!enabled || !el) return;
    const { options: o, initial: init } = latest.current;
    const pz = createChainPanZoom(el, { ...o, onChange: setView }, init());
    panZoom.current = pz;
    return () => {
      pz.destroy();
      panZoom.current = null;
    };
  }, [enabled, elRef]);

  // Before the effects that pan (the caller's, declared after this hook) read the frame.
  const { frame, kMin, kMax } = options;
  useLayoutEffect(() => {
    panZoom.current?.update({ frame, kMin, kMax });
  }, [frame, kMin, kMax]);

  return { view, panZoom };
}
