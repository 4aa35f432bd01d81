import { describe, expect, it } from 'vitest';
import { LONG_DELAY_SETUP } from '../../core/lab/choices';
import { parseUrl } from '../../state/url';
import { LESSON } from './steps';

// The lesson's links into the training lab open it as they say, with no refused key.

describe('lesson links', () => {
  const links = LESSON.flatMap((s) => (s.link ? [s.link] : []));

  it('open the lab with valid settings', () => {
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const link of links) {
      const parsed = parseUrl(link.href.slice(1));
      expect(parsed.problems, link.href).toEqual([]);
      expect(parsed.state.page).toBe('lab');
    }
  });

  it('the LSTM chapter opens the side-by-side comparison on the long delay', () => {
    const last = LESSON.find((s) => s.id === 'cell-state')!.link!;
    const parsed = parseUrl(last.href.slice(1));
    expect(parsed.lab).toMatchObject(LONG_DELAY_SETUP);
    expect(parsed.state.compare).toBe('lstm'); // the comparison starts on opening
  });
});
