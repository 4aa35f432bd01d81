import type { Page } from './fixtures';

// The rendered size of every visible piece of text inside some regions: the computed font size,
// times the scale of an SVG's transform for SVG text. KaTeX is measured at its formula's base
// size (`.katex`), not at each sub- or superscript. CSS zoom counts: an HTML element's size is
// times its effective zoom (`currentCSSZoom`); an SVG element's screen CTM includes it.

export interface TextSize {
  text: string;
  px: number;
  where: string;
}

export async function textSizes(page: Page, selectors: string[]): Promise<TextSize[]> {
  return page.evaluate((sels) => {
    const out: { text: string; px: number; where: string }[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      if (r.bottom <= 0 || r.right <= 0 || r.top >= vh || r.left >= vw) return false;
      return el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    };
    const sizeOf = (el: Element) => {
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement) {
        const m = (el as SVGGraphicsElement).getScreenCTM?.();
        return m ? px * Math.hypot(m.a, m.b) : px;
      }
      return px * ((el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1);
    };
    for (const sel of sels) {
      for (const root of document.querySelectorAll(sel)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = (n.textContent ?? '').trim();
          if (!text) continue;
          let el = n.parentElement;
          if (!el || el.closest('.katex-mathml, title, option')) continue;
          const katex = el.closest('.katex');
          if (katex) el = katex as HTMLElement;
          if (!visible(el)) continue;
          out.push({ text: text.slice(0, 30), px: sizeOf(el), where: sel });
        }
      }
    }
    return out;
  }, selectors);
}
