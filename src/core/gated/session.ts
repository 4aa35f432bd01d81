import type { ClipConfig } from '../clip';
import { createOptimizerState, type OptimizerConfig, type OptimizerState } from '../optimizers';
import { paramTensors } from '../params';
import type { Rng } from '../rng';
import { argmax } from '../symbols';
import { drawSoftmax } from '../train/sample';
import { chunkColumns, createColumnScratch, type ColumnScratch } from '../train/columns';
import { DEFAULT_KERNELS, type Kernels } from '../train/kernelChoice';
import { clipAndUpdate } from '../train/update';
import type { TrainSequence } from '../train/workspace';
import type { LossName, Params } from '../types';
import {
  createGatedWorkspace,
  gatedForward,
  gatedForwardBackward,
  isGatedCell,
  stateSize,
  type GatedCell,
  type GatedWorkspace,
} from './fast';

// Truncated BPTT for a gated cell, field for field like train/truncated.ts's session, so the
// lab's run drives either one. The carried state h is s, then (LSTM) the cell state m.

export interface GatedSession {
  model: { params: Params; loss: LossName; cell: GatedCell };
  optimizer: OptimizerConfig;
  optState: OptimizerState;
  clip: ClipConfig;
  ws: GatedWorkspace;
  /** The carried state: s (H), then m (H) for an LSTM. */
  h: Float64Array;
  tensors: Float64Array[];
  steps: number;
  lastGradNorm: number;
  /** This session's buffers for the columns of dL/dU a chunk touches (train/columns.ts). */
  columns: ColumnScratch;
}

export function createGatedSession(
  params: Params,
  loss: LossName,
  optimizer: OptimizerConfig,
  clip: ClipConfig,
  maxT: number,
  kernels: Kernels = DEFAULT_KERNELS,
): GatedSession {
  const cell = params.cell;
  if (!isGatedCell(cell)) throw new Error('createGatedSession: not a gated cell');
  const tensors = paramTensors(params);
  return {
    model: { params, loss, cell },
    optimizer,
    optState: createOptimizerState(optimizer, tensors),
    clip,
    ws: createGatedWorkspace(cell, params, maxT, kernels),
    h: new Float64Array(stateSize(cell, params.H)),
    tensors,
    steps: 0,
    lastGradNorm: 0,
    columns: createColumnScratch(),
  };
}

/**
 * One update on steps start .. start+len-1 of seq from the carried state, as trainChunk does
 * for the vanilla cell: forward, BPTT, clip, optimizer step, and carry the last state.
 */
export function trainGatedChunk(
  session: GatedSession,
  seq: TrainSequence,
  start: number,
  len: number,
): number {
  const { model, ws } = session;
  const loss = gatedForwardBackward(ws, model.params, model.loss, seq, session.h, start, len);
  const cols = seq.inputIndex
    ? chunkColumns(session.columns, seq.inputIndex, start, len, model.params.D)
    : undefined;
  session.lastGradNorm = clipAndUpdate(
    session.optimizer,
    session.optState,
    session.clip,
    session.tensors,
    ws.gradTensors,
    cols,
  );
  session.h.set(ws.stateLast);
  session.steps++;
  return loss;
}

// The lab samples and reports the gradient by time about ten times a second on the same
// weights: their workspaces (with their WebAssembly memory) are made once per weights object.
const sampleWs = new WeakMap<Params, GatedWorkspace>();
const flowWs = new WeakMap<Params, GatedWorkspace>();

function cachedWorkspace(
  cache: WeakMap<Params, GatedWorkspace>,
  params: Params,
  maxT: number,
  kernels: Kernels,
): GatedWorkspace {
  const cell = params.cell as GatedCell;
  let ws = cache.get(params);
  const fits =
    ws &&
    ws.cell === cell &&
    ws.kernels === kernels &&
    ws.maxT >= maxT &&
    ws.dims.H === params.H &&
    ws.dims.D === params.D &&
    ws.dims.K === params.K;
  if (!fits) {
    ws = createGatedWorkspace(cell, params, maxT, kernels);
    cache.set(params, ws);
  }
  return ws!;
}

/**
 * n characters from a gated character model, as sampleChars does for the vanilla cell: feed
 * the seed, draw from softmax(o_t / temperature) (0: the most likely), feed it back. The state
 * (s, then m) is not modified.
 */
export function sampleGatedChars(
  params: Params,
  seedIndex: number,
  state: Float64Array,
  n: number,
  rng: Rng,
  temperature = 1,
  kernels: Kernels = DEFAULT_KERNELS,
): Int32Array {
  const cell = params.cell;
  if (!isGatedCell(cell)) throw new Error('sampleGatedChars: not a gated cell');
  const { D, K } = params;
  if (D !== K)
    throw new Error(`sampling feeds outputs back as inputs: needs D = K, got ${D}, ${K}`);
  if (!(temperature >= 0)) throw new Error(`temperature must be >= 0, got ${temperature}`);
  const ws = cachedWorkspace(sampleWs, params, 1, kernels);
  // One step at a time; the target only fills the loss, which is not used.
  const seq: TrainSequence = {
    T: 1,
    D,
    K,
    inputIndex: new Int32Array([seedIndex]),
    targetIndex: new Int32Array([0]),
  };
  const h = state.slice();
  const o = new Float64Array(K);
  const out = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    gatedForward(ws, params, 'cross-entropy', seq, h, 0, 1);
    h.set(ws.stateLast);
    o.set(ws.o.subarray(0, K));
    const ix = temperature === 0 ? argmax(o) : drawSoftmax(o, 1 / temperature, rng);
    out[t] = ix;
    seq.inputIndex![0] = ix;
  }
  return out;
}

/** How much of the last loss reaches each state of a gated cell (see lab/gradientFlow.ts). */
export interface GatedFlow {
  /** ‖∂L_T/∂s_t‖ for t = 0..T. */
  gradNorm: Float64Array;
  /** LSTM: ‖∂L_T/∂m_t‖ for t = 0..T; null for a GRU. */
  cellGradNorm: Float64Array | null;
  /** ∂L_T/∂s_t, row t for t = 0..T. */
  dLT_ds: Float64Array;
  lossT: number;
}

/** ∂L_T/∂s_t (and ∂L_T/∂m_t) of a gated cell on seq from the given state (default zeros). */
export function gatedFlow(
  params: Params,
  loss: LossName,
  seq: TrainSequence,
  state?: Float64Array,
  kernels: Kernels = DEFAULT_KERNELS,
): GatedFlow {
  const cell = params.cell;
  if (!isGatedCell(cell)) throw new Error('gatedFlow: not a gated cell');
  const { H } = params;
  const { T } = seq;
  if (T < 1) throw new Error('gatedFlow needs at least one step');
  const ws = cachedWorkspace(flowWs, params, T, kernels);
  const h = state ?? new Float64Array(stateSize(cell, H));
  const lossT = gatedForwardBackward(ws, params, loss, seq, h, 0, T, { lastOnly: true });
  const dLT_ds = new Float64Array((T + 1) * H);
  dLT_ds.set(ws.grads.s0, 0);
  dLT_ds.set(ws.dL_ds.subarray(0, T * H), H);
  const norms = (first: Float64Array, rows: Float64Array) => {
    const out = new Float64Array(T + 1);
    out[0] = Math.hypot(...first);
    for (let t = 1; t <= T; t++) out[t] = Math.hypot(...rows.subarray((t - 1) * H, t * H));
    return out;
  };
  return {
    gradNorm: norms(ws.grads.s0, ws.dL_ds),
    cellGradNorm: ws.dL_dm.length > 0 ? norms(ws.grads.m0, ws.dL_dm) : null,
    dLT_ds,
    lossT,
  };
}
