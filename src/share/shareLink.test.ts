import { describe, expect, it } from 'vitest';
import { parseUrl, URL_DEFAULTS } from '../state/url';
import { shareLink } from './shareLink';

describe('the Share link', () => {
  const base = 'https://example.org/unrolled/';
  const state = { ...URL_DEFAULTS, text: 'hello world', notation: 'wxh', step: 'b3' } as const;

  it('carries the scenario, notation and cursor, and the parts to hide', () => {
    const link = shareLink(base, state, {
      hide: ['settings', 'legend'],
      embed: false,
      lesson: null,
    });
    expect(link).toBe(`${base}?text=hello+world&notation=wxh&step=b3&hide=settings,legend`);
    const back = parseUrl(new URL(link).search);
    expect(back.problems).toEqual([]);
    expect(back.state).toEqual(state);
    expect(back.frame).toEqual({ embed: false, parentOrigin: null, hide: ['settings', 'legend'] });
  });

  it('adds embed=1 and the lesson step when asked, and nothing for the defaults', () => {
    expect(shareLink(base, URL_DEFAULTS, { hide: [], embed: false, lesson: null })).toBe(base);
    expect(shareLink(base, URL_DEFAULTS, { hide: [], embed: true, lesson: '4' })).toBe(
      `${base}?embed=1&lesson=4`,
    );
    expect(shareLink(base, URL_DEFAULTS, { hide: [], embed: false, lesson: 'x<y' })).toBe(base);
  });
});
