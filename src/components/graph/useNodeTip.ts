import { useState, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { useStore } from '../../state/store';
import type { SharedWeight } from '../../state/slices/viewSlice';
import type { NodeKind } from '../../layout/graphLayout';

// Which node's tooltip is open (the node under the pointer, else the one with focus) and which
// shared weight is lit, read from the data attributes of the graph by delegated handlers.

export type Tip = { kind: NodeKind; t: number } | null;

const isWeight = (w: string | undefined): w is SharedWeight => w === 'U' || w === 'W' || w === 'V';

/** The node or weight under an event target. */
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

/** `onFocusNode` is told the step of a node that gets focus (to bring it into view). */
export function useNodeTip(onFocusNode: (t: number) => void) {
  const [hoverTip, setHoverTip] = useState<Tip>(null);
  const [focusTip, setFocusTip] = useState<Tip>(null);
  const handlers = {
    onPointerOver: (e: PointerEvent) => {
      const hit = hitOf(e.target);
      setHoverTip((old) => (sameTip(old, hit.tip) ? old : hit.tip));
      setHover(hit.weight);
    },
    onPointerLeave: () => {
      setHoverTip(null);
      setHover(null);
    },
    onFocus: (e: FocusEvent) => {
      const hit = hitOf(e.target);
      setFocusTip(hit.tip);
      setHover(hit.weight);
      if (hit.tip) onFocusNode(hit.tip.t);
    },
    onBlur: (e: FocusEvent) => {
      if (!hitOf(e.relatedTarget).tip) setFocusTip(null);
      if (!hitOf(e.relatedTarget).weight) setHover(null);
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setHoverTip(null);
        setFocusTip(null);
        setHover(null);
      }
    },
  };
  return { tip: hoverTip ?? focusTip, handlers };
}
