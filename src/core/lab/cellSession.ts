import type { ClipConfig } from '../clip';
import { createGatedWorkspace, gatedForward, stateSize, type GatedWorkspace } from '../gated/fast';
import {
  createGatedSession,
  gatedFlow,
  sampleGatedChars,
  trainGatedChunk,
  type GatedSession,
} from '../gated/session';
import type { OptimizerConfig } from '../optimizers';
import type { Rng } from '../rng';
import {
  createSession,
  createWorkspace,
  forwardBackward,
  sampleChars,
  trainChunk,
  type TrainSequence,
  type TrainSession,
  type Workspace,
} from '../train';
import type { ActivationName, LossName, Params } from '../types';
import { gradientFlow, type GradientFlow } from './gradientFlow';

// What the lab's run needs from a training session, for the vanilla cell (train/) and the
// gated ones (gated/session.ts) alike: the run itself never asks which cell it trains.

export type LabSession = TrainSession | GatedSession;

const gatedOf = (s: LabSession): GatedSession | null =>
  'cell' in s.model ? (s as GatedSession) : null;

/** A session for these params (their cell decides which). Its carried state h starts at 0. */
export function createLabSession(
  params: Params,
  act: ActivationName,
  loss: LossName,
  optimizer: OptimizerConfig,
  clip: ClipConfig,
  maxT: number,
): LabSession {
  if (params.cell === 'lstm' || params.cell === 'gru')
    return createGatedSession(params, loss, optimizer, clip, maxT);
  return createSession({ params, activation: act, loss }, optimizer, clip, { maxT });
}

/** Make room for chunks of `len` steps. */
export function ensureChunk(session: LabSession, len: number): void {
  if (len <= session.ws.maxT) return;
  const g = gatedOf(session);
  if (g) g.ws = createGatedWorkspace(g.model.cell, g.model.params, len);
  else (session as TrainSession).ws = createWorkspace(session.model.params, len);
}

/** One truncated-BPTT update on steps start .. start+len-1; returns the chunk's loss. */
export function trainLabChunk(
  session: LabSession,
  seq: TrainSequence,
  start: number,
  len: number,
): number {
  const g = gatedOf(session);
  return g
    ? trainGatedChunk(g, seq, start, len)
    : trainChunk(session as TrainSession, seq, start, len);
}

/** Entries of the state carried from step to step: s, and an LSTM's cell state m. */
export const labStateSize = (params: Params): number => stateSize(params.cell ?? 'rnn', params.H);

/** Forward passes for evaluation: the loss, with each step's ŷ and the last state kept. */
export interface Evaluator {
  /** With other weights of the same shapes when given (the gradient check's). */
  run(seq: TrainSequence, state: Float64Array, start: number, len: number, p?: Params): number;
  /** ŷ of the last run, row t for its step t + 1. */
  yhat(): Float64Array;
  /** The state after the last run's last step. */
  stateLast(): Float64Array;
}

export function createEvaluator(
  params: Params,
  act: ActivationName,
  loss: LossName,
  maxT: number,
): Evaluator {
  const cell = params.cell;
  if (cell === 'lstm' || cell === 'gru') {
    const ws: GatedWorkspace = createGatedWorkspace(cell, params, maxT);
    return {
      run: (seq, state, start, len, p = params) =>
        gatedForward(ws, p, loss, seq, state, start, len),
      yhat: () => ws.yhat,
      stateLast: () => ws.stateLast,
    };
  }
  const ws: Workspace = createWorkspace(params, maxT);
  return {
    run: (seq, state, start, len, p = params) =>
      forwardBackward(ws, p, act, loss, seq, state, start, len),
    yhat: () => ws.yhat,
    stateLast: () => ws.hLast,
  };
}

/** n characters drawn from the model (sampleChars for either cell). */
export function sampleFrom(
  params: Params,
  act: ActivationName,
  from: number,
  state: Float64Array,
  n: number,
  rng: Rng,
  temperature: number,
): Int32Array {
  return params.cell === 'lstm' || params.cell === 'gru'
    ? sampleGatedChars(params, from, state, n, rng, temperature)
    : sampleChars(params, act, from, state, n, rng, temperature);
}

/**
 * ‖∂L_T/∂s_t‖ on seq from the zero state. A gated cell has no single Jacobian product to
 * report (its state is s and, for an LSTM, m): its ‖P_t‖ are NaN, and an LSTM also gives
 * ‖∂L_T/∂m_t‖.
 */
export function labGradientFlow(
  params: Params,
  act: ActivationName,
  loss: LossName,
  seq: TrainSequence,
  withJacobian: boolean,
): GradientFlow {
  if (params.cell === 'lstm' || params.cell === 'gru') {
    const f = gatedFlow(params, loss, seq);
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
  }
  return gradientFlow(params, act, loss, seq, new Float64Array(params.H), withJacobian);
}
