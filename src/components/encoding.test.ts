import { describe, expect, it } from 'vitest';
import { probScaleFor, throughStops, valueScale } from './encoding';
import { luminance } from '../../test/luminance';

describe('colour scales', () => {
  it('keeps the light theme on PuOr with a near-white zero', () => {
    expect(luminance(valueScale(1)(0))).toBeGreaterThan(0.85);
    expect(luminance(valueScale(1, 'light')(0))).toBeGreaterThan(0.85);
  });

  it('meets in a dark middle in the dark theme, not white', () => {
    const dark = valueScale(2, 'dark');
    expect(luminance(dark(0))).toBeLessThan(0.05);
    expect(luminance(probScaleFor('dark')(0))).toBeLessThan(0.05);
    // The largest values stand out against the dark surface.
    expect(luminance(dark(2))).toBeGreaterThan(0.4);
    expect(luminance(dark(-2))).toBeGreaterThan(0.4);
    expect(luminance(probScaleFor('dark')(1))).toBeGreaterThan(0.4);
  });

  it('is symmetric in the dark theme: ±v are about as light, and lighter with |v|', () => {
    const dark = valueScale(1, 'dark');
    let prev = luminance(dark(0));
    for (const v of [0.25, 0.5, 0.75, 1]) {
      const [neg, pos] = [luminance(dark(-v)), luminance(dark(v))];
      expect(Math.abs(neg - pos) / Math.max(neg, pos)).toBeLessThan(0.15);
      expect(Math.min(neg, pos)).toBeGreaterThan(prev);
      prev = Math.max(neg, pos);
      // Negative is purple (blue over red), positive orange (red over blue).
      const [n, p] = [dark(-v), dark(v)];
      expect(parseInt(n.slice(5, 7), 16)).toBeGreaterThan(parseInt(n.slice(1, 3), 16));
      expect(parseInt(p.slice(1, 3), 16)).toBeGreaterThan(parseInt(p.slice(5, 7), 16));
    }
  });

  it('interpolates through evenly spaced stops', () => {
    const f = throughStops(['#000000', '#ffffff', '#000000']);
    expect(f(0)).toBe('#000000');
    expect(f(0.25)).toBe('#808080');
    expect(f(0.5)).toBe('#ffffff');
    expect(f(1)).toBe('#000000');
  });
});
