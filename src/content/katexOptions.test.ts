import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { katexOptions } from './katexOptions';
import { notation } from './notation';
import { equationColors } from '../components/encoding';

const render = (tex: string) => katex.renderToString(tex, katexOptions);

describe('katexOptions', () => {
  it('marks the shared weights with their class', () => {
    const n = notation('uvw', equationColors('light'));
    expect(render(n.w('U'))).toMatch(/class="enclosing uw-w-U"/);
    expect(render(n.w('W'))).toMatch(/uw-w-W/);
    expect(render(n.w('b'))).not.toMatch(/uw-w-/);
  });

  it('refuses links, other classes and other html commands', () => {
    for (const tex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{https://example.org}',
      '\\htmlClass{evil}{x}',
      '\\htmlId{x}{y}',
      '\\htmlStyle{color:red}{x}',
      '\\htmlData{a=b}{x}',
    ]) {
      const html = render(tex);
      expect(html).not.toMatch(/href=|class="enclosing evil"|id="x"|style="color:red"|data-a=/);
    }
  });
});
