import type { StateCreator } from 'zustand';
import type { EdgeWeight } from '../../core/model';
import { APP_DEFAULTS, type Theme, type View } from '../appChoices';
import type { FrameOptions, HidePart } from '../url';
import type { AppState } from '../store';

export type { Theme, View };
/** A weight drawn as edges (U, W, V): hovering one lights up every edge that shares it. */
export type SharedWeight = EdgeWeight;

export interface ViewSlice {
  view: View;
  theme: Theme;
  /** The weight under the pointer or focus: every edge that shares it lights up. */
  hoverWeight: SharedWeight | null;
  embed: boolean;
  parentOrigin: string | null;
  /** Parts left out by `hide=` (a lesson link or an embed). */
  hide: readonly HidePart[];
  /** Dismissible notices (a URL value that was refused, an imported file that was not valid). */
  notices: string[];
  setView: (view: View) => void;
  setTheme: (theme: Theme) => void;
  setHoverWeight: (w: SharedWeight | null) => void;
  /** How the page is framed (embed, parent origin): read once from the URL. */
  setFrame: (frame: FrameOptions) => void;
  notify: (messages: string[]) => void;
  dismissNotice: (index: number) => void;
}

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  view: APP_DEFAULTS.view,
  theme: APP_DEFAULTS.theme,
  hoverWeight: null,
  embed: false,
  parentOrigin: null,
  hide: [],
  notices: [],
  setView: (view) => set({ view }),
  setTheme: (theme) => set({ theme }),
  setHoverWeight: (hoverWeight) => set({ hoverWeight }),
  setFrame: ({ embed, parentOrigin, hide = [] }) => set({ embed, parentOrigin, hide }),
  notify: (messages) => {
    if (messages.length) set((s) => ({ notices: [...s.notices, ...messages] }));
  },
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
});
