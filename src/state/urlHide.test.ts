import { describe, expect, it } from 'vitest';
import { parseUrl, serializeUrl } from './url';

// `hide=` (spec/ui-contract.md, "The lesson and presenting"): a comma list of parts to leave
// out, read with the frame options and written back with them.

describe('hide= in the URL', () => {
  it('reads the known parts in the contract order, and writes them back readably', () => {
    const p = parseUrl('?step=b3&hide=legend,settings,,legend&embed=1');
    expect(p.problems).toEqual([]);
    expect(p.frame.hide).toEqual(['settings', 'legend']);
    expect(serializeUrl(p.state, p.frame)).toBe('?step=b3&embed=1&hide=settings,legend');
    expect(parseUrl(serializeUrl(p.state, p.frame)).frame).toEqual(p.frame);
  });

  it('keeps the known parts of a list and names the unknown ones in a notice', () => {
    const p = parseUrl('?hide=weights,<b>menu</b>,derivation');
    expect(p.frame.hide).toEqual(['weights', 'derivation']);
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatch(/^“hide=<b>menu<\/b>”: not a part that can be hidden/);
  });

  it('leaves the frame as it was without hide=, or when nothing in it is known', () => {
    expect(parseUrl('?embed=1').frame).toEqual({ embed: true, parentOrigin: null });
    const p = parseUrl('?hide=everything');
    expect(p.frame.hide).toBeUndefined();
    expect(p.problems).toHaveLength(1);
    expect(serializeUrl(p.state, p.frame)).toBe('');
  });
});
