import { gradientFlow } from './gradientFlow';
import {
  createSession,
  createWorkspace,
  forwardBackward,
  sampleChars,
  trainChunk,
  type TrainSession,
} from '../train';
import type { LabPath } from './labPath';

/** The training path of the cells whose step is a_t = b + W s_{t-1} + U x_t, s_t from f(a_t). */
export const vanillaPath: LabPath = {
  createSession: (params, activation, loss, optimizer, clip, maxT, kernels) =>
    createSession({ params, activation, loss }, optimizer, clip, { maxT, kernels }),
  ensureChunk(session, len) {
    if (len > session.ws.maxT)
      (session as TrainSession).ws = createWorkspace(session.model.params, len, session.ws.kernels);
  },
  trainChunk: (session, seq, start, len) => trainChunk(session as TrainSession, seq, start, len),
  createEvaluator(params, act, loss, maxT, kernels) {
    const ws = createWorkspace(params, maxT, kernels);
    return {
      run: (seq, state, start, len, p = params) =>
        forwardBackward(ws, p, act, loss, seq, state, start, len),
      yhat: () => ws.yhat,
      stateLast: () => ws.hLast,
    };
  },
  // The vanilla sampler runs on plain loops (one step at a time, no workspace): no kernels.
  sample: (params, act, from, state, n, rng, temperature) =>
    sampleChars(params, act, from, state, n, rng, temperature),
  gradientFlow: (params, act, loss, seq, withJacobian) =>
    gradientFlow(params, act, loss, seq, new Float64Array(params.H), withJacobian),
};
