import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { LayoutNode } from '../../layout/graphLayout';
import { placeTip, type View } from '../../layout/viewport';
import { TIP_ID } from './parts';

// The tooltip with a node's numbers: anchored to the node's box on screen, measured once
// drawn, then placed beside the node inside the stage.

export interface TipAnchor {
  l: number;
  r: number;
  top: number;
  bottom: number;
}

/** Where a node of the chain (or of the folded cell) is on screen, under the view. */
export function tipAnchor(node: LayoutNode, view: View, shift = { dx: 0, dy: 0 }): TipAnchor {
  const x = node.x + shift.dx;
  const y = node.y + shift.dy;
  return {
    l: view.x + view.k * x,
    r: view.x + view.k * (x + node.w),
    top: view.y + view.k * y,
    bottom: view.y + view.k * (y + node.h),
  };
}

export function TipLayer({
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
