import { useEffect, useState } from 'react';
import type { View as ViewName } from '../../state/slices/viewSlice';
import { motionMs } from './motion';

// Folded ⇄ unrolled: the chain is drawn collapsed onto the folded cell, then released (or the
// reverse), and CSS moves the columns over --dur. With reduced motion the swap is instant.

export type FoldAnim = 'none' | 'unroll-start' | 'folding';

export function useFoldAnimation(view: ViewName, ready: boolean) {
  const [anim, setAnim] = useState<FoldAnim>('none');
  const [prevView, setPrevView] = useState(view);
  if (view !== prevView) {
    setPrevView(view);
    const animate = motionMs() > 0 && ready;
    setAnim(!animate ? 'none' : view === 'unrolled' ? 'unroll-start' : 'folding');
  }

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

  return {
    anim,
    /** What is drawn: the chain stays while it folds away. */
    shown: view === 'unrolled' || anim === 'folding' ? ('unrolled' as const) : ('folded' as const),
    collapsed: anim !== 'none',
  };
}
