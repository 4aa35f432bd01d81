import katex from 'katex';
import { memo } from 'react';
import { katexOptions } from '../../content/katexOptions';

// One small renderer for every equation. katexOptions trusts nothing but the class that marks
// a shared weight, and the strings are our own (numbers formatted by equationsFormat.ts), so
// the HTML KaTeX returns is safe to set. output 'htmlAndMathml' gives screen readers MathML.

/** Rendered HTML by (display, tex): stepping back and forth re-renders nothing. */
const cache = new Map<string, string>();
const CACHE_SIZE = 600;

export function renderTex(tex: string, display: boolean): string {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Refresh its place: the map's insertion order is the eviction order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = katex.renderToString(tex, { ...katexOptions, displayMode: display });
  cache.set(key, html);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return html;
}

export interface TexProps {
  tex: string;
  display?: boolean;
  className?: string;
}

export const Tex = memo(function Tex({ tex, display = false, className }: TexProps) {
  const html = renderTex(tex, display);
  const Tag = display ? 'div' : 'span';
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
});
