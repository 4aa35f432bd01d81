import { useStore } from '../state/store';
import { cursorLabel } from '../core/cursor';
import { graphSvg, svgToPng } from './graphSvg';
import { latexDocument, latexFragment } from './latex';
import { loadGatedEquations } from '../content/equations';
import { traceJsonText } from './traceJson';

// The exports of the `Download…` menu (loaded on demand): the graph as SVG or PNG, the trace
// as JSON, the worked example of this step as LaTeX. Every one follows the notation chosen.

export type ExportKind = 'svg' | 'png' | 'trace' | 'latex' | 'latex-fragment';

function save(blob: Blob, name: string): string {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

/** Export one kind of file; resolves to the file name it saved. */
export async function exportAs(kind: ExportKind): Promise<string> {
  const s = useStore.getState();
  const res = s.result;
  if (!res) throw new Error('the network is not computed yet');
  const { trace } = res;
  const notation = s.config.notation;
  const step = cursorLabel(s.cursor, trace.T);
  switch (kind) {
    case 'svg':
    case 'png': {
      const stage = document.querySelector<HTMLElement>(
        'section[aria-label="Network graph"] .gs-scroll',
      );
      if (!stage) throw new Error('the graph is not on screen');
      const pic = graphSvg(stage);
      return kind === 'svg'
        ? save(new Blob([pic.svg], { type: 'image/svg+xml' }), `unrolled-${step}.svg`)
        : save(await svgToPng(pic, 2), `unrolled-${step}.png`);
    }
    case 'trace':
      return save(
        new Blob([traceJsonText(trace, notation)], { type: 'application/json' }),
        'unrolled-trace.json',
      );
    case 'latex':
    case 'latex-fragment': {
      // A gated cell's equations load on demand (the panel may not have asked for them yet).
      if (trace.gated) await loadGatedEquations();
      const write = kind === 'latex' ? latexDocument : latexFragment;
      const tex = write({
        trace,
        scenario: res.scenario,
        labels: res.labels,
        notation,
        lr: res.updated.lr,
        updated: res.updated,
        cursors: [s.cursor],
      });
      const name = kind === 'latex' ? `unrolled-${step}.tex` : `unrolled-${step}-fragment.tex`;
      return save(new Blob([tex], { type: 'application/x-tex' }), name);
    }
  }
}
