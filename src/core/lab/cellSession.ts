import type { ClipConfig } from '../clip';
import { cellOf, stateSize } from '../model';
import type { OptimizerConfig } from '../optimizers';
import type { Rng } from '../rng';
import type { Kernels } from '../train/kernelChoice';
import type { TrainSequence } from '../train';
import type { ActivationName, LossName, Params } from '../types';
import type { GradientFlow } from './gradientFlow';
import type { Evaluator, LabSession } from './labPath';
import { labPathOf } from './labPaths';

// The lab's run calls these; each reaches the training path of the cell its parameters belong
// to (lab/labPaths.ts), so the run never asks which cell it trains.

export type { Evaluator, LabSession };

/** A session for these params (their cell decides which). Its carried state h starts at 0. */
export function createLabSession(
  params: Params,
  act: ActivationName,
  loss: LossName,
  optimizer: OptimizerConfig,
  clip: ClipConfig,
  maxT: number,
  kernels: Kernels,
): LabSession {
  return labPathOf(params).createSession(params, act, loss, optimizer, clip, maxT, kernels);
}

/** Make room for chunks of `len` steps. */
export function ensureChunk(session: LabSession, len: number): void {
  labPathOf(session.model.params).ensureChunk(session, len);
}

/** One truncated-BPTT update on steps start .. start+len-1; returns the chunk's loss. */
export function trainLabChunk(
  session: LabSession,
  seq: TrainSequence,
  start: number,
  len: number,
): number {
  return labPathOf(session.model.params).trainChunk(session, seq, start, len);
}

/** Entries of the state carried from step to step: s, and an LSTM's cell state m. */
export const labStateSize = (params: Params): number => stateSize(cellOf(params), params.H);

export function createEvaluator(
  params: Params,
  act: ActivationName,
  loss: LossName,
  maxT: number,
  kernels: Kernels,
): Evaluator {
  return labPathOf(params).createEvaluator(params, act, loss, maxT, kernels);
}

/** n characters drawn from the model. */
export function sampleFrom(
  params: Params,
  act: ActivationName,
  from: number,
  state: Float64Array,
  n: number,
  rng: Rng,
  temperature: number,
  kernels: Kernels,
): Int32Array {
  return labPathOf(params).sample(params, act, from, state, n, rng, temperature, kernels);
}

/**
 * ‖∂L_T/∂s_t‖ on seq from the zero state; a gated cell's ‖P_t‖ are NaN, and an LSTM also gives
 * ‖∂L_T/∂m_t‖ (lab/gatedPath.ts).
 */
export function labGradientFlow(
  params: Params,
  act: ActivationName,
  loss: LossName,
  seq: TrainSequence,
  withJacobian: boolean,
  kernels: Kernels,
): GradientFlow {
  return labPathOf(params).gradientFlow(params, act, loss, seq, withJacobian, kernels);
}
