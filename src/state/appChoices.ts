// The choices of the app around the model (how it is shown and played), with their options and
// defaults. The model's own choices are declared in core/model.ts; the URL table joins both.

export const VIEWS = ['folded', 'unrolled'] as const;
export type View = (typeof VIEWS)[number];

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const SPEEDS = ['0.5', '1', '2', '4'] as const;
export type Speed = (typeof SPEEDS)[number];

export const PAGES = ['explorer', 'lab'] as const;
export type Page = (typeof PAGES)[number];

export const APP_DEFAULTS = {
  view: 'folded' as View,
  theme: 'auto' as Theme,
  speed: '1' as Speed,
  step: '0',
  page: 'explorer' as Page,
};
