import { createStore } from 'zustand/vanilla';
import type { LabReport } from '../worker/protocol';

// The lab's fast-moving numbers (iteration, loss, curves, sample), up to ten times a second:
// a store of their own, read only by the lab's small widgets (useLabLive), so a report
// re-renders them and nothing else of the app.

/** A growable curve: the page keeps every point; charts draw a thinned copy. */
export interface Curve {
  values: Float64Array;
  n: number;
}

export interface LabLive {
  report: LabReport | null;
  smoothLoss: Curve;
  gradNorm: Curve;
  /** How many reports have arrived (the charts' update counter). */
  reports: number;
}

const empty = (): Curve => ({ values: new Float64Array(1024), n: 0 });

function append(c: Curve, from: number, add: Float64Array): Curve {
  const n = from + add.length;
  let values = c.values;
  if (n > values.length) {
    values = new Float64Array(Math.max(n, values.length * 2));
    values.set(c.values.subarray(0, from));
  }
  values.set(add, from);
  return { values, n };
}

export const labLive = createStore<LabLive>()(() => ({
  report: null,
  smoothLoss: empty(),
  gradNorm: empty(),
  reports: 0,
}));

export function applyReport(r: LabReport): void {
  const s = labLive.getState();
  const from = r.curves.from;
  labLive.setState({
    report: r,
    smoothLoss: append(from === 0 ? empty() : s.smoothLoss, from, r.curves.smoothLoss),
    gradNorm: append(from === 0 ? empty() : s.gradNorm, from, r.curves.gradNorm),
    reports: s.reports + 1,
  });
}

export function clearLive(): void {
  labLive.setState({ report: null, smoothLoss: empty(), gradNorm: empty() });
}

/** Curve points the page has. */
export const pointsKnown = () => labLive.getState().smoothLoss.n;
