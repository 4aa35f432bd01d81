/**
 * The length of the app's transitions in ms: the theme's --dur, which styles.css sets to 0 under
 * prefers-reduced-motion (checked here too, for code that animates without CSS).
 */
export function motionMs(): number {
  if (typeof window === 'undefined') return 0;
  if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return 0;
  // Read once: getComputedStyle right after a commit would force a style pass of the page.
  themeDur ??= readDur();
  return themeDur;
}

let themeDur: number | undefined;

function readDur(): number {
  const raw = getComputedStyle(document.documentElement).getPropertyValue('--dur').trim();
  const n = parseFloat(raw);
  if (!Number.isFinite(n)) return 300;
  if (raw.endsWith('ms')) return n;
  if (raw.endsWith('s')) return n * 1000;
  return n;
}

/** Cubic ease in and out, for tweens driven by requestAnimationFrame. */
export function easeInOut(p: number): number {
  return p < 0.5 ? 4 * p * p * p : 1 - Math.pow(-2 * p + 2, 3) / 2;
}

/** Cubic ease out: starts at full speed, for a pan that takes over from one under way. */
export function easeOut(p: number): number {
  return 1 - Math.pow(1 - p, 3);
}
