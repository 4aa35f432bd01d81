import type { ClipConfig } from '../clip';
import { createOptimizerState, type OptimizerConfig, type OptimizerState } from '../optimizers';
import { paramTensors } from '../params';
import type { ActivationName, LossName, Params } from '../types';
import { forwardBackward } from './forwardBackward';
import { chunkColumns, createColumnScratch, type ColumnScratch } from './columns';
import { DEFAULT_KERNELS, type Kernels } from './kernelChoice';
import { clipAdagradSimd } from './simdPath';
import { clipAndUpdate } from './update';
import { createWorkspace, type TrainSequence, type Workspace } from './workspace';

/** The network being trained. Its params are updated in place by trainChunk. */
export interface TrainModel {
  params: Params;
  activation: ActivationName;
  loss: LossName;
}

/**
 * Everything a truncated-BPTT loop carries from one chunk to the next: the model, the
 * optimizer and its memory, the clipping rule, the buffers, and the hidden state h. The state
 * is carried across chunks; gradients are not (each chunk's BPTT stops at its first step).
 */
export interface TrainSession {
  model: TrainModel;
  optimizer: OptimizerConfig;
  /**
   * The optimizer's memory. With Adagrad on the WebAssembly path, its G for W and V become
   * views of the workspace's module memory, where the update runs (simdPath.ts): to post it
   * elsewhere, send a copy (cloneOptimizerState), as that memory cannot be transferred.
   */
  optState: OptimizerState;
  clip: ClipConfig;
  ws: Workspace;
  /** s at the end of the last chunk, the s_0 of the next (H). */
  h: Float64Array;
  /** The parameter tensors in paramTensors order, aliasing model.params. */
  tensors: Float64Array[];
  /** Chunks trained so far. */
  steps: number;
  /** ‖g‖ of the last chunk's gradient, before clipping. */
  lastGradNorm: number;
  /** This session's buffers for the columns of dL/dU a chunk touches (columns.ts). */
  columns: ColumnScratch;
}

export interface SessionOptions {
  /** Longest chunk the session will be asked to train (its buffers' size); default 25. */
  maxT?: number;
  /** Initial hidden state; default zeros. Copied. */
  h0?: Float64Array;
  /** The kernels of its workspace (kernelChoice.ts); default the WebAssembly SIMD ones. */
  kernels?: Kernels;
}

export function createSession(
  model: TrainModel,
  optimizer: OptimizerConfig,
  clip: ClipConfig,
  opts: SessionOptions = {},
): TrainSession {
  const { H } = model.params;
  const tensors = paramTensors(model.params);
  const h = new Float64Array(H);
  if (opts.h0) {
    if (opts.h0.length !== H) throw new Error(`h0: expected ${H} entries, got ${opts.h0.length}`);
    h.set(opts.h0);
  }
  return {
    model,
    optimizer,
    optState: createOptimizerState(optimizer, tensors),
    clip,
    ws: createWorkspace(model.params, opts.maxT ?? 25, opts.kernels ?? DEFAULT_KERNELS),
    h,
    tensors,
    steps: 0,
    lastGradNorm: 0,
    columns: createColumnScratch(),
  };
}

/** Start again from s_0 = 0, as min-char-rnn does at each pass over the text. */
export function resetHidden(session: TrainSession): void {
  session.h.fill(0);
}

/**
 * One iteration of min-char-rnn's loop on steps start .. start+len-1 of seq: forward and BPTT
 * from the carried state, clip, one optimizer update of the params (in place), and carry s_T
 * (computed with the params before the update, as min-char-rnn does) to the next chunk.
 * Returns the chunk's loss Σ_t L_t. Allocates nothing.
 */
export function trainChunk(
  session: TrainSession,
  seq: TrainSequence,
  start: number,
  len: number,
): number {
  const { model, ws } = session;
  const loss = forwardBackward(
    ws,
    model.params,
    model.activation,
    model.loss,
    seq,
    session.h,
    start,
    len,
  );
  const cols = seq.inputIndex
    ? chunkColumns(session.columns, seq.inputIndex, start, len, model.params.D)
    : undefined;
  // = applyClip then applyUpdate, fused where it can be.
  const { optimizer, optState, clip, tensors } = session;
  session.lastGradNorm =
    clipAdagradSimd(ws, optimizer, optState, clip, tensors, ws.gradTensors, cols) ??
    clipAndUpdate(optimizer, optState, clip, tensors, ws.gradTensors, cols);
  session.h.set(ws.hLast);
  session.steps++;
  return loss;
}

/**
 * Truncated BPTT over a whole sequence: cut into chunks of k steps (the last may be shorter),
 * each trained by trainChunk from the state the previous one left. Starts from session.h (call
 * resetHidden first for a fresh pass). Returns the loss of each chunk.
 */
export function trainTruncated(session: TrainSession, seq: TrainSequence, k: number): Float64Array {
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`k must be a positive integer, got ${k}`);
  if (seq.T === 0) return new Float64Array(0);
  const chunkLen = Math.min(k, seq.T);
  if (chunkLen > session.ws.maxT)
    session.ws = createWorkspace(session.model.params, chunkLen, session.ws.kernels);
  const n = Math.ceil(seq.T / chunkLen);
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const start = i * chunkLen;
    losses[i] = trainChunk(session, seq, start, Math.min(chunkLen, seq.T - start));
  }
  return losses;
}

/**
 * A text as a next-character task, as min-char-rnn reads it: x_t is character t, y_t is
 * character t+1, both one-hot over a vocabulary of size V. The T = n - 1 steps share one buffer.
 */
export function indexSequence(indices: ArrayLike<number>, V: number): TrainSequence {
  const n = indices.length;
  if (n < 2) throw new Error('a text needs at least two characters');
  const buf = Int32Array.from(indices);
  for (let i = 0; i < n; i++)
    if (!(buf[i] >= 0 && buf[i] < V))
      throw new Error(`character ${i} has index ${buf[i]}, outside 0..${V - 1}`);
  return {
    T: n - 1,
    D: V,
    K: V,
    inputIndex: buf.subarray(0, n - 1),
    targetIndex: buf.subarray(1, n),
  };
}
