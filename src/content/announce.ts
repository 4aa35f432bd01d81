import type { ExploreResult } from '../core/explore';
import { cursorInfo } from '../core/cursor';
import { argmax, spokenSymbol } from '../core/symbols';
import { fmt } from './format';
import { CELLS, EDGE_WEIGHTS, NOTATIONS, type NotationName } from '../core/model';
import { paramText, stateText } from './notation';

// What the live region says at each cursor position: the step in words, for screen readers
// and for anyone who looks away from the graph.

export function symbolName(labels: string[] | null, k: number): string {
  return labels ? spokenSymbol(labels[k]) : `unit ${k + 1}`;
}

/** The step in words, with symbols written as the notation names them (s_3 or h_3). */
export function announce(res: ExploreResult, cursor: number, n: NotationName = 'uvw'): string {
  const st = (t: number) => stateText(t, n);
  const mt = (t: number) => `${NOTATIONS[n].cellState}_${t}`;
  const weights = EDGE_WEIGHTS.map((p) => paramText(p, n));
  const { trace: tr, labels } = res;
  const { T, K } = tr;
  const { phase, t } = cursorInfo(cursor, T);
  switch (phase) {
    case 'init':
      return `Start: nothing computed yet. ${T} time steps; the weights ${weights.slice(0, -1).join(', ')} and ${weights.at(-1)} are shared by every step.`;
    case 'forward': {
      const off = (t - 1) * K;
      const predicted = argmax(tr.yhat, off, K);
      const target = argmax(res.scenario.seq.targets, off, K);
      let running = 0;
      for (let i = 0; i < t; i++) running += tr.losses[i];
      const verdict = predicted === target ? 'right' : 'wrong';
      const via = tr.gated
        ? ` through the gates ${CELLS[tr.gated.cell].gates.map((g) => g.name).join(', ')}${tr.gated.cell === 'lstm' ? ` and the cell state ${mt(t)}` : ''}`
        : '';
      return `Forward pass, t = ${t}: ${st(t)} computed from x_${t} and ${st(t - 1)}${via}; predicted ${symbolName(labels, predicted)}, target ${symbolName(labels, target)} (${verdict}); L_${t} = ${fmt(tr.losses[t - 1])}, loss so far ${fmt(running)}.`;
    }
    case 'backward': {
      const from =
        t === T ? `from o_${t} only (no future step)` : `from o_${t} and from ${st(t + 1)}`;
      const tail =
        t === 1
          ? ` The gradients of ${weights.slice(0, -1).join(', ')} and ${weights.at(-1)} are complete.`
          : '';
      if (tr.gated?.cell === 'lstm') {
        const along = t === T ? '' : `, and ${mt(t)} from ${mt(t + 1)} through f_${t + 1}`;
        return `Backward pass, t = ${t}: gradient reaches ${st(t)} ${from}, then ${mt(t)} through q_${t}${along}.${tail}`;
      }
      if (tr.gated)
        return `Backward pass, t = ${t}: gradient reaches ${st(t)} ${from}, then the gates r_${t}, z_${t}, n_${t}.${tail}`;
      return `Backward pass, t = ${t}: gradient reaches ${st(t)} ${from}, then a_${t} through f'(a_${t}).${tail}`;
    }
    case 'update':
      return `Update: every weight moved against its gradient with learning rate ${fmt(res.updated.lr)}; loss ${fmt(tr.loss)} → ${fmt(res.updated.loss)}.`;
  }
}
