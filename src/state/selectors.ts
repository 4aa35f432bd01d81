import type { AppState } from './store';
import { cursorCount, cursorLabel } from '../core/cursor';
import type { HidePart } from './url';

// Module-level, atomic selectors: each returns a primitive or a reference the store already
// holds, so components re-render only when what they read changes.

export const selectResult = (s: AppState) => s.result;
export const selectT = (s: AppState) => s.result?.trace.T ?? 0;
export const selectCursor = (s: AppState) => s.cursor;
export const selectCursorCount = (s: AppState) => cursorCount(selectT(s));
export const selectStepLabel = (s: AppState) => cursorLabel(s.cursor, selectT(s));
export const selectPlaying = (s: AppState) => s.playing;
export const selectView = (s: AppState) => s.view;
/** The weight lit up: the one under the pointer or focus, else the lesson step's. */
export const selectHoverWeight = (s: AppState) => s.hoverWeight ?? s.lessonHighlight;
export const selectStatus = (s: AppState) => s.status;
export const selectConfig = (s: AppState) => s.config;
export const selectSource = (s: AppState) => s.source;
export const selectNotation = (s: AppState) => s.config.notation;
/** Is this part left out by `hide=`? (A selector per part, so the answer is a boolean.) */
export const selectHidden = (part: HidePart) => (s: AppState) => s.hide.includes(part);
