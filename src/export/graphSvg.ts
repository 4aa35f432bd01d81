// The graph as it is on screen, as one standalone SVG file: the stage's box (pan, zoom and
// theme as shown), each of its <svg> layers placed where the screen shows it, the band of the
// current step, and every colour and font inlined from the computed style, so the file needs
// none of the page's CSS (or its CSS variables) to look the same.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The presentation properties the stage's CSS sets on SVG elements. */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'stop-color',
  'stop-opacity',
];

/** Attributes that belong to the page, not to the picture. */
const DROP = ['class', 'tabindex', 'role', 'style', 'data-current', 'focusable'];

function inline(src: Element, dst: Element): void {
  const cs = getComputedStyle(src);
  const style = PROPS.map((p) => [p, cs.getPropertyValue(p)] as const)
    .filter(([, v]) => v !== '' && v !== 'normal' && v !== 'auto')
    .map(([p, v]) => `${p}:${v}`);
  // A CSS transform (an animation caught mid-way) is kept; attribute transforms are copied as is.
  if (cs.transform && cs.transform !== 'none') style.push(`transform:${cs.transform}`);
  for (const a of DROP) dst.removeAttribute(a);
  if (style.length) dst.setAttribute('style', style.join(';'));
  const from = src.children;
  const to = dst.children;
  for (let i = from.length - 1; i >= 0; i--) {
    if (getComputedStyle(from[i]).display === 'none') to[i].remove();
    else inline(from[i], to[i]);
  }
}

const paints = (c: string) => c !== '' && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c);

export interface GraphPicture {
  svg: string;
  /** CSS pixels, the size on screen. */
  width: number;
  height: number;
}

/** The stage of `section[aria-label="Network graph"]` as a standalone SVG. */
export function graphSvg(stage: HTMLElement): GraphPicture {
  const box = stage.getBoundingClientRect();
  const width = Math.round(box.width);
  const height = Math.round(box.height);
  const cs = getComputedStyle(stage);
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width} ${height}`);
  out.setAttribute('font-family', cs.fontFamily);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = 'Unrolled: the network graph';
  out.append(title);

  const radius = parseFloat(cs.borderTopLeftRadius) || 0;
  const bg = document.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ width, height, rx: radius })) bg.setAttribute(k, String(v));
  bg.setAttribute('fill', cs.backgroundColor);
  out.append(bg);

  // The band behind the current step (a <div>), then every <svg> layer in document order.
  for (const el of stage.querySelectorAll<HTMLElement | SVGSVGElement>('.gs-band, svg')) {
    const r = el.getBoundingClientRect();
    if (r.width < 0.5 || r.height < 0.5) continue;
    if (r.right < box.left || r.left > box.right || r.bottom < box.top || r.top > box.bottom)
      continue;
    const x = String(r.left - box.left);
    const y = String(r.top - box.top);
    if (!(el instanceof SVGSVGElement)) {
      const ecs = getComputedStyle(el);
      if (ecs.visibility === 'hidden' || Number(ecs.opacity) === 0 || !paints(ecs.backgroundColor))
        continue;
      const rect = document.createElementNS(SVG_NS, 'rect');
      const attrs = {
        x,
        y,
        width: r.width,
        height: r.height,
        rx: parseFloat(ecs.borderTopLeftRadius) || 0,
      };
      for (const [k, v] of Object.entries(attrs)) rect.setAttribute(k, String(v));
      rect.setAttribute('fill', ecs.backgroundColor);
      rect.setAttribute('opacity', ecs.opacity);
      out.append(rect);
      continue;
    }
    // Nested <svg> are found by their outermost one.
    if (el.parentElement?.closest('svg')) continue;
    const copy = el.cloneNode(true) as SVGSVGElement;
    inline(el, copy);
    if (!el.getAttribute('viewBox'))
      copy.setAttribute('viewBox', `0 0 ${el.width.baseVal.value} ${el.height.baseVal.value}`);
    for (const [k, v] of Object.entries({ x, y, width: r.width, height: r.height }))
      copy.setAttribute(k, String(v));
    copy.removeAttribute('aria-hidden');
    out.append(copy);
  }

  const border = document.createElementNS(SVG_NS, 'rect');
  const bw = parseFloat(cs.borderTopWidth) || 0;
  if (bw > 0) {
    const attrs = { x: bw / 2, y: bw / 2, width: width - bw, height: height - bw, rx: radius };
    for (const [k, v] of Object.entries(attrs)) border.setAttribute(k, String(v));
    border.setAttribute('fill', 'none');
    border.setAttribute('stroke', cs.borderTopColor);
    border.setAttribute('stroke-width', String(bw));
    out.append(border);
  }
  const svg = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(out)}\n`;
  return { svg, width, height };
}

/** The picture as a PNG at `scale` times its size on screen (2 for a sharp slide). */
export async function svgToPng(pic: GraphPicture, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([pic.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = pic.width * scale;
    canvas.height = pic.height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas in this browser');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, pic.width, pic.height);
    return await new Promise<Blob>((done, fail) =>
      canvas.toBlob(
        (b) => (b ? done(b) : fail(new Error('the PNG could not be encoded'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
