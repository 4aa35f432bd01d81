import type { AppState } from './store';
import { cursorCount, cursorInfo, cursorLabel, type CursorInfo } from './cursor';

// Module-level, atomic selectors: each returns a primitive or a reference the store already
// holds, so components re-render only when what they read changes.

export const selectResult = (s: AppState) => s.result;
export const selectTrace = (s: AppState) => s.result?.trace ?? null;
export const selectLabels = (s: AppState) => s.result?.labels ?? null;
export const selectT = (s: AppState) => s.result?.trace.T ?? 0;
export const selectCursor = (s: AppState) => s.cursor;
export const selectCursorCount = (s: AppState) => cursorCount(selectT(s));
export const selectStepLabel = (s: AppState) => cursorLabel(s.cursor, selectT(s));
export const selectPhase = (s: AppState) => cursorInfo(s.cursor, selectT(s)).phase;
export const selectStepT = (s: AppState) => cursorInfo(s.cursor, selectT(s)).t;
export const selectPlaying = (s: AppState) => s.playing;
export const selectView = (s: AppState) => s.view;
export const selectHoverWeight = (s: AppState) => s.hoverWeight;
export const selectStatus = (s: AppState) => s.status;
export const selectError = (s: AppState) => s.error;
export const selectConfig = (s: AppState) => s.config;
export const selectSource = (s: AppState) => s.source;

/** The cursor as phase and step, for code that has the two primitives already. */
export function currentInfo(cursor: number, T: number): CursorInfo {
  return cursorInfo(cursor, T);
}
