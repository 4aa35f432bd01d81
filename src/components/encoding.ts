import type { ParamName } from '../core/model';
import { scaleDiverging, scaleSequential } from 'd3-scale';
import { interpolatePuOr, interpolateBlues } from 'd3-scale-chromatic';

// One visual encoding everywhere (DESIGN.md): each weight has one colour (edges, heatmap frames,
// equation symbols); values on a diverging colour-blind-safe scale centred on 0 with a symmetric
// domain; probabilities on a sequential scale; gradients in an accent colour with motion.

/** A parameter of the model (core/model.ts), for the colour tables below. */
export type WeightName = ParamName;

/** CSS custom properties (defined for light and dark themes in styles.css). */
export const WEIGHT_VAR: Record<WeightName, string> = {
  U: 'var(--w-U)',
  W: 'var(--w-W)',
  V: 'var(--w-V)',
  b: 'var(--w-b)',
  c: 'var(--w-c)',
};

/** Hex colours for KaTeX \color (which cannot read CSS variables), per theme. */
export const WEIGHT_HEX: Record<'light' | 'dark', Record<WeightName, string>> = {
  light: { U: '#0072B2', W: '#007A5A', V: '#B84A00', b: '#005A8C', c: '#8F3A00' },
  dark: { U: '#56B4E9', W: '#3FD0A5', V: '#F08A4B', b: '#8CCBF0', c: '#F5A978' },
};

export const GRAD_VAR = 'var(--grad)';

/** The accent of gradients (the --grad token of styles.css), for KaTeX \color. */
export const GRAD_HEX: Record<'light' | 'dark', string> = { light: '#C2185B', dark: '#FF6FB1' };

/** The colours of the equations in a theme: the same as the graph's and the heatmaps'. */
export const equationColors = (theme: 'light' | 'dark') => ({
  weights: WEIGHT_HEX[theme],
  grad: GRAD_HEX[theme],
});

export type ScaleTheme = 'light' | 'dark';

/** Linear RGB interpolation through evenly spaced hex stops, t in [0, 1]. */
export function throughStops(stops: readonly string[]): (t: number) => string {
  const rgb = stops.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
  const hex = (v: number) => Math.round(v).toString(16).padStart(2, '0');
  return (t) => {
    const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0.5)) * (rgb.length - 1);
    const i = Math.min(rgb.length - 2, Math.floor(x));
    const f = x - i;
    const [a, b] = [rgb[i], rgb[i + 1]];
    return `#${a.map((v, k) => hex(v + (b[k] - v) * f)).join('')}`;
  };
}

/**
 * The dark theme's diverging ramp: PuOr's purple and orange, but meeting in a dark middle
 * (a little lighter than the dark surfaces) rather than white, so zeros do not glare. The two
 * arms climb in lightness at the same rate, so ±v look equally strong.
 */
export const DARK_DIVERGING = [
  '#c9bbfc',
  '#9585de',
  '#5f52a0',
  '#2b2f38',
  '#845519',
  '#c98529',
  '#f5be6a',
] as const;
const interpolateDarkPuOr = throughStops(DARK_DIVERGING);

/** The dark theme's probability ramp: from the dark middle up to a light blue. */
export const DARK_SEQUENTIAL = ['#2b2f38', '#24508a', '#4f8fd8', '#a8d2ff'] as const;
const interpolateDarkBlues = throughStops(DARK_SEQUENTIAL);

/** Diverging scale for signed values: symmetric domain [-m, m] so 0 is always the midpoint. */
export function valueScale(maxAbs: number, theme: ScaleTheme = 'light') {
  const m = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  // interpolatePuOr runs purple (0) → white → orange (1): negative values purple, positive orange.
  const ramp = theme === 'dark' ? interpolateDarkPuOr : interpolatePuOr;
  return scaleDiverging<string>(ramp).domain([-m, 0, m]).clamp(true);
}

/** Sequential scale for probabilities in [0, 1]. */
export const probScale = scaleSequential<string>(interpolateBlues).domain([0, 1]).clamp(true);
const darkProbScale = scaleSequential<string>(interpolateDarkBlues).domain([0, 1]).clamp(true);

/** The probability scale of a theme. */
export const probScaleFor = (theme: ScaleTheme) => (theme === 'dark' ? darkProbScale : probScale);

/** What zero looks like on the value scale, in words. */
export const zeroWord = (theme: ScaleTheme) => (theme === 'dark' ? 'dark' : 'white');

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = Math.abs(values[i]);
    if (v > m && Number.isFinite(v)) m = v;
  }
  return m;
}

// Numbers are formatted in content (the live region words them too); the views use the same.
export { fmt } from '../content/format';
