import type { ExploreResult } from '../core/explore';
import { cursorInfo } from '../core/cursor';
import { argmax, spokenSymbol } from '../core/symbols';
import { fmt } from './format';

// What the live region says at each cursor position: the step in words, for screen readers
// and for anyone who looks away from the graph.

export function symbolName(labels: string[] | null, k: number): string {
  return labels ? spokenSymbol(labels[k]) : `unit ${k + 1}`;
}

export function announce(res: ExploreResult, cursor: number): string {
  const { trace: tr, labels } = res;
  const { T, K } = tr;
  const { phase, t } = cursorInfo(cursor, T);
  switch (phase) {
    case 'init':
      return `Start: nothing computed yet. ${T} time steps; the weights U, W and V are shared by every step.`;
    case 'forward': {
      const off = (t - 1) * K;
      const predicted = argmax(tr.yhat, off, K);
      const target = argmax(res.scenario.seq.targets, off, K);
      let running = 0;
      for (let i = 0; i < t; i++) running += tr.losses[i];
      const verdict = predicted === target ? 'right' : 'wrong';
      return `Forward pass, t = ${t}: s_${t} computed from x_${t} and s_${t - 1}; predicted ${symbolName(labels, predicted)}, target ${symbolName(labels, target)} (${verdict}); L_${t} = ${fmt(tr.losses[t - 1])}, loss so far ${fmt(running)}.`;
    }
    case 'backward': {
      const from =
        t === T ? `from o_${t} only (no future step)` : `from o_${t} and from s_${t + 1}`;
      const tail = t === 1 ? ' The gradients of U, W and V are complete.' : '';
      return `Backward pass, t = ${t}: gradient reaches s_${t} ${from}, then a_${t} through f'(a_${t}).${tail}`;
    }
    case 'update':
      return `Update: every weight moved against its gradient with learning rate ${fmt(res.updated.lr)}; loss ${fmt(tr.loss)} → ${fmt(res.updated.loss)}.`;
  }
}
