import { serializeUrl, type HidePart, type UrlState } from '../state/url';

// The link of the Share dialog: the page's own URL state (scenario, notation, cursor, view …),
// the parts to leave out, and the lesson step when a lesson is open. Written by the one URL
// table (state/url.ts), so it opens exactly what parseUrl reads back.

export interface ShareOptions {
  hide: readonly HidePart[];
  /** For an iframe: `embed=1`, the explorer without the site's chrome. */
  embed: boolean;
  /** The lesson step (`lesson=N`) when the page has one. */
  lesson: string | null;
}

export function shareLink(base: string, state: UrlState, o: ShareOptions): string {
  const query = serializeUrl(state, { embed: o.embed, parentOrigin: null, hide: o.hide }).slice(1);
  // If the URL table already writes the lesson step, it is not added twice.
  const lesson =
    o.lesson && /^[1-9]\d{0,2}$/.test(o.lesson) && !new URLSearchParams(query).has('lesson')
      ? `lesson=${o.lesson}`
      : '';
  const s = [query, lesson].filter(Boolean).join('&');
  return s ? `${base}?${s}` : base;
}
