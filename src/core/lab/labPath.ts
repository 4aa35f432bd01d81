import type { ClipConfig } from '../clip';
import type { GatedSession } from '../gated/session';
import type { GradientFlow } from './gradientFlow';
import type { OptimizerConfig } from '../optimizers';
import type { Rng } from '../rng';
import type { Kernels } from '../train/kernelChoice';
import type { TrainSequence, TrainSession } from '../train';
import type { ActivationName, LossName, Params } from '../types';

// What the lab's run needs from a cell's training path (lab/labPaths.ts names each cell's);
// the run itself never asks which cell it trains. Every workspace a path makes computes on the
// kernels it is handed (train/kernelChoice.ts); a bigger one for a session takes the session's.

/** A training session: the vanilla path's (train/) or the gated path's (gated/session.ts). */
export type LabSession = TrainSession | GatedSession;

/** Forward passes for evaluation: the loss, with each step's ŷ and the last state kept. */
export interface Evaluator {
  /** With other weights of the same shapes when given (the gradient check's). */
  run(seq: TrainSequence, state: Float64Array, start: number, len: number, p?: Params): number;
  /** ŷ of the last run, row t for its step t + 1. */
  yhat(): Float64Array;
  /** The state after the last run's last step. */
  stateLast(): Float64Array;
}

export interface LabPath {
  /** A session for these params. Its carried state h starts at 0. */
  createSession(
    params: Params,
    act: ActivationName,
    loss: LossName,
    optimizer: OptimizerConfig,
    clip: ClipConfig,
    maxT: number,
    kernels: Kernels,
  ): LabSession;
  /** Make room for chunks of `len` steps (on the kernels of the session's workspace). */
  ensureChunk(session: LabSession, len: number): void;
  /** One truncated-BPTT update on steps start .. start+len-1; returns the chunk's loss. */
  trainChunk(session: LabSession, seq: TrainSequence, start: number, len: number): number;
  createEvaluator(
    params: Params,
    act: ActivationName,
    loss: LossName,
    maxT: number,
    kernels: Kernels,
  ): Evaluator;
  /** n characters drawn from the model, from symbol `from` and the carried state. */
  sample(
    params: Params,
    act: ActivationName,
    from: number,
    state: Float64Array,
    n: number,
    rng: Rng,
    temperature: number,
    kernels: Kernels,
  ): Int32Array;
  /** ‖∂L_T/∂s_t‖ (and what else the cell reports) on seq from the zero state. */
  gradientFlow(
    params: Params,
    act: ActivationName,
    loss: LossName,
    seq: TrainSequence,
    withJacobian: boolean,
    kernels: Kernels,
  ): GradientFlow;
}
