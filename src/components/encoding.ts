import { scaleDiverging, scaleSequential } from 'd3-scale';
import { interpolatePuOr, interpolateBlues } from 'd3-scale-chromatic';

// One visual encoding everywhere (DESIGN.md): each weight has one colour (edges, heatmap frames,
// equation symbols); values on a diverging colour-blind-safe scale centred on 0 with a symmetric
// domain; probabilities on a sequential scale; gradients in an accent colour with motion.

export type WeightName = 'U' | 'W' | 'V' | 'b' | 'c';

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

/** Diverging scale for signed values: symmetric domain [-m, m] so 0 is always the midpoint. */
export function valueScale(maxAbs: number) {
  const m = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  // interpolatePuOr runs purple (0) → white → orange (1): negative values purple, positive orange.
  return scaleDiverging<string>(interpolatePuOr).domain([-m, 0, m]).clamp(true);
}

/** Sequential scale for probabilities in [0, 1]. */
export const probScale = scaleSequential<string>(interpolateBlues).domain([0, 1]).clamp(true);

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
