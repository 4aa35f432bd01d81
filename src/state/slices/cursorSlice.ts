import type { StateCreator } from 'zustand';
import type { AppState } from '../store';
import { cursorCount } from '../../core/cursor';

import { APP_DEFAULTS, type Speed } from '../appChoices';

export type { Speed };

export interface CursorSlice {
  /** Index over 0, f1..fT, bT..b1, update (see cursor.ts). */
  cursor: number;
  /** A step label from the URL or a message, applied once the trace it refers to exists. */
  pendingStep: string | null;
  playing: boolean;
  speed: Speed;
  setCursor: (index: number) => void;
  stepForward: () => void;
  stepBack: () => void;
  reset: () => void;
  toEnd: () => void;
  setPlaying: (playing: boolean) => void;
  setSpeed: (speed: Speed) => void;
}

const lastIndex = (s: AppState) => (s.result ? cursorCount(s.result.trace.T) - 1 : 0);

export const createCursorSlice: StateCreator<AppState, [], [], CursorSlice> = (set, get) => ({
  cursor: 0,
  pendingStep: null,
  playing: false,
  speed: APP_DEFAULTS.speed,
  setCursor: (index) => {
    const clamped = Math.max(0, Math.min(lastIndex(get()), Math.round(index)));
    if (clamped !== get().cursor) set({ cursor: clamped });
  },
  stepForward: () => {
    const s = get();
    if (s.cursor >= lastIndex(s)) set({ playing: false });
    else set({ cursor: s.cursor + 1 });
  },
  stepBack: () => get().setCursor(get().cursor - 1),
  reset: () => set({ cursor: 0, playing: false }),
  toEnd: () => set({ cursor: lastIndex(get()), playing: false }),
  setPlaying: (playing) => {
    const s = get();
    // Play from the end starts over, as a media player does.
    if (playing && s.cursor >= lastIndex(s)) set({ cursor: 0 });
    set({ playing });
  },
  setSpeed: (speed) => set({ speed }),
});
