// The fast training path: no history, no allocation per chunk. The explorer uses computeTrace
// (../trace.ts) for the full history; both give the same gradients.
export { createWorkspace, type TrainSequence, type Workspace } from './workspace';
export { forwardBackward } from './forwardBackward';
export {
  indexSequence,
  createSession,
  resetHidden,
  trainChunk,
  trainTruncated,
  type SessionOptions,
  type TrainModel,
  type TrainSession,
} from './truncated';
export { sampleChars } from './sample';
