import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Column } from '../../layout/graphLayout';
import type { Phase } from '../../core/cursor';
import type { ChainPanZoom } from './chainPanZoom';

/**
 * Keep the current step's column on screen as the cursor moves (the decisions are
 * planFollow's). In a layout effect, so a jump is drawn in the same frame as the step: a held
 * key never shows the cursor off screen. Forward, the column rests left of the middle (room
 * ahead of it); backward, right of it. Only a move of the cursor pans: not a resize, and not
 * leaving the whole-sequence view (which puts the view where the user asked).
 */
export function useFollowCursor(
  panZoom: RefObject<ChainPanZoom | null>,
  active: boolean,
  column: Column | undefined,
  phase: Phase,
): void {
  const last = useRef({ column, phase });
  useLayoutEffect(() => {
    const moved = last.current.column !== column || last.current.phase !== phase;
    last.current = { column, phase };
    if (!active || !column || !moved) return;
    panZoom.current?.follow(column.x0, column.x1, { bias: phase === 'backward' ? 0.65 : 0.35 });
  }, [panZoom, active, column, phase]);
}
