/** WCAG relative luminance of a #rrggbb or rgb(r, g, b) colour (shared by unit and e2e tests). */
export function luminance(c: string): number {
  const m = c.startsWith('#')
    ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))
    : (c.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  const [r, g, b] = m.map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
