import { createGatedWorkspace, gatedForward, isGatedCell } from '../gated/fast';
import {
  createGatedSession,
  gatedFlow,
  sampleGatedChars,
  trainGatedChunk,
  type GatedSession,
} from '../gated/session';
import type { Params } from '../types';
import type { LabPath } from './labPath';

const gatedCellOf = (params: Params) => {
  if (!isGatedCell(params.cell)) throw new Error('the gated path needs a gated cell');
  return params.cell;
};

/** The training path of the gated cells (gated/fast.ts): their nonlinearities are fixed. */
export const gatedPath: LabPath = {
  createSession: (params, _act, loss, optimizer, clip, maxT, kernels) =>
    createGatedSession(params, loss, optimizer, clip, maxT, kernels),
  ensureChunk(session, len) {
    if (len <= session.ws.maxT) return;
    const g = session as GatedSession;
    g.ws = createGatedWorkspace(g.model.cell, g.model.params, len, g.ws.kernels);
  },
  trainChunk: (session, seq, start, len) =>
    trainGatedChunk(session as GatedSession, seq, start, len),
  createEvaluator(params, _act, loss, maxT, kernels) {
    const ws = createGatedWorkspace(gatedCellOf(params), params, maxT, kernels);
    return {
      run: (seq, state, start, len, p = params) =>
        gatedForward(ws, p, loss, seq, state, start, len),
      yhat: () => ws.yhat,
      stateLast: () => ws.stateLast,
    };
  },
  sample: (params, _act, from, state, n, rng, temperature, kernels) =>
    sampleGatedChars(params, from, state, n, rng, temperature, kernels),
  // A gated cell has no single Jacobian product to report (its state is s and, for an LSTM,
  // m): its ‖P_t‖ are NaN, and an LSTM also gives ‖∂L_T/∂m_t‖.
  gradientFlow(params, _act, loss, seq, _withJacobian, kernels) {
    const f = gatedFlow(params, loss, seq, undefined, kernels);
    const T = seq.T;
    const jacobianNorm = new Float64Array(T + 1).fill(NaN);
    jacobianNorm[T] = 1;
    return {
      T,
      gradNorm: f.gradNorm,
      jacobianNorm,
      lossT: f.lossT,
      dLT_ds: f.dLT_ds,
      cellGradNorm: f.cellGradNorm,
    };
  },
};
