import { memo, useEffect, useReducer, useSyncExternalStore } from 'react';
import { katexOptions } from '../../content/katexOptions';
import { getKatex, subscribeKatex, type Katex } from './katexLoader';
import { texHeightEm } from './texRows';
import { mayTypesetNow, typesetLater } from './texSlices';

// One small renderer for every equation. katexOptions trusts nothing but the class that marks
// a shared weight, and the strings are our own (numbers formatted by equationsFormat.ts), so
// the HTML KaTeX returns is safe to set. output 'htmlAndMathml' gives screen readers MathML.
// KaTeX itself arrives just after the first paint (katexLoader.ts); until then each equation
// is a quiet placeholder of about its height; at start-up, equations are typeset a few per task
// (texSlices.ts).

/** Rendered HTML by (display, tex): stepping back and forth re-renders nothing. */
const cache = new Map<string, string>();
const CACHE_SIZE = 600;

const cacheKey = (tex: string, display: boolean) => `${display ? 'D' : 'I'}${tex}`;

export function renderTex(katex: Katex, tex: string, display: boolean): string {
  const key = cacheKey(tex, display);
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
  const katex = useSyncExternalStore(subscribeKatex, getKatex, getKatex);
  const [, typeset] = useReducer((n: number) => n + 1, 0);
  const html =
    katex && (cache.has(cacheKey(tex, display)) || mayTypesetNow())
      ? renderTex(katex, tex, display)
      : null;
  const waiting = katex !== null && html === null;
  useEffect(() => {
    if (!katex || !waiting) return;
    return typesetLater(() => {
      renderTex(katex, tex, display);
      typeset();
    });
  }, [katex, waiting, tex, display]);
  const Tag = display ? 'div' : 'span';
  if (html === null) {
    return (
      <Tag
        className={className ? `${className} tex-pending` : 'tex-pending'}
        aria-hidden="true"
        // About the height KaTeX's lines will take, so little moves when they arrive.
        style={display ? { blockSize: `${texHeightEm(tex).toFixed(2)}em` } : undefined}
      />
    );
  }
  return <Tag className={className} dangerouslySetInnerHTML={{ __html: html }} />;
});
