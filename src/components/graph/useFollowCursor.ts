import { useLayoutEffect, type RefObject } from 'react';
import type { Column } from '../../layout/graphLayout';
import type { Frame } from '../../layout/viewport';
import type { Phase } from '../../state/cursor';
import type { ChainPanZoom } from './chainPanZoom';

/**
 * Keep the current step's column on screen as the cursor moves (the decisions are
 * planFollow's). In a layout effect, so a jump is drawn in the same frame as the step: a held
 * key never shows the cursor off screen. Forward, the column rests left of the middle (room
 * ahead of it); backward, right of it.
 */
export function useFollowCursor(
  panZoom: RefObject<ChainPanZoom | null>,
  active: boolean,
  column: Column | undefined,
  phase: Phase,
  frame: Frame,
): void {
  useLayoutEffect(() => {
    if (!active || !column) return;
    panZoom.current?.follow(column.x0, column.x1, { bias: phase === 'backward' ? 0.65 : 0.35 });
  }, [panZoom, active, column, phase, frame]);
}
