// The height an embedded explorer's content needs, in CSS px, for the `resize` message.
//
// An embedded page is exactly as tall as its frame (App.css): the stage column and the
// derivation scroll inside themselves. The derivation scrolls on its own beside the stage on
// purpose (its length changes at every step; a frame that followed it would jump as the
// student steps), so the height that counts is the stage column's: the frame's height plus what
// the column needs beyond its box (the weights opened, a long lesson) or minus what it leaves
// empty. Where nothing scrolls inside (a narrow frame stacks the parts), it is the page's own
// scroll height.

/** The bottom of an element's content, from its top, as if it did not scroll. */
function naturalHeight(el: HTMLElement): number {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  let bottom = 0;
  for (const child of el.children) {
    const r = child.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    bottom = Math.max(bottom, r.bottom - box.top + el.scrollTop);
  }
  return bottom + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth);
}

export function scrollsInside(el: HTMLElement): boolean {
  return /(auto|scroll|hidden)/.test(getComputedStyle(el).overflowY);
}

export function contentHeight(doc: Document = document): number {
  const root = doc.documentElement;
  const page = Math.max(root.scrollHeight, root.clientHeight);
  const column = doc.querySelector<HTMLElement>('.app.embed .stage-column');
  if (!column || !scrollsInside(column)) return Math.ceil(page);
  const extra = naturalHeight(column) - column.clientHeight;
  return Math.ceil(
    Math.max(root.clientHeight + extra, root.scrollHeight > root.clientHeight ? page : 0),
  );
}
