import type { StateCreator } from 'zustand';
import type { ParamName } from '../../core/types';
import type { AppState } from '../store';

export type View = 'folded' | 'unrolled';
export type Theme = 'auto' | 'light' | 'dark';
export type SharedWeight = Extract<ParamName, 'U' | 'W' | 'V'>;

export interface ViewSlice {
  view: View;
  theme: Theme;
  /** The weight under the pointer or focus: every edge that shares it lights up. */
  hoverWeight: SharedWeight | null;
  embed: boolean;
  parentOrigin: string | null;
  /** Dismissible notices (a URL value that was refused, an imported file that was not valid). */
  notices: string[];
  setView: (view: View) => void;
  setTheme: (theme: Theme) => void;
  setHoverWeight: (w: SharedWeight | null) => void;
  dismissNotice: (index: number) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: 'folded',
  theme: 'auto',
  hoverWeight: null,
  embed: false,
  parentOrigin: null,
  notices: [],
  setView: (view) => set({ view }),
  setTheme: (theme) => set({ theme }),
  setHoverWeight: (hoverWeight) => set({ hoverWeight }),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
});
