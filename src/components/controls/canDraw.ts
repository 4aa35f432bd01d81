import { visibleSymbol } from '../../core/symbols';

// Can this browser draw a character, or would it show an empty box (no font has it)? Drawn
// on a small canvas beside a code point no font has (U+10FFFD): the same pixels mean the same
// missing-glyph box. Where there is no canvas, every character counts as drawable.

const NO_GLYPH = '\u{10FFFD}';
const known = new Map<string, boolean>();
let ctx: CanvasRenderingContext2D | null | undefined;
let missing: Uint8ClampedArray | null = null;

function pixels(c: CanvasRenderingContext2D, ch: string): Uint8ClampedArray {
  c.clearRect(0, 0, 32, 32);
  c.fillText(ch, 4, 24);
  return c.getImageData(0, 0, 32, 32).data;
}

export function canDraw(ch: string): boolean {
  const glyph = visibleSymbol(ch);
  const hit = known.get(glyph);
  if (hit !== undefined) return hit;
  if (ctx === undefined) {
    try {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 32;
      ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (ctx) {
        ctx.font = '24px sans-serif';
        missing = pixels(ctx, NO_GLYPH);
      }
    } catch {
      ctx = null;
    }
  }
  if (!ctx || !missing) return true;
  const drawn = pixels(ctx, glyph);
  let same = true;
  for (let i = 0; i < drawn.length && same; i++) same = drawn[i] === missing[i];
  known.set(glyph, !same);
  return !same;
}
