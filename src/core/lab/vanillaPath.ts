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
  createSession: (params, activation, loss, optimizer, clip, maxT) =>
    createSession({ params, activation, loss }, optimizer, clip, { maxT }),
  ensureChunk(session, len) {
    if (len > session.ws.maxT)
      (session as TrainSession).ws = createWorkspace(session.model.params, len);
  },
  trainChunk: (session, seq, start, len) => trainChunk(session as TrainSession, seq, start, len),
  createEvaluator(params, act, loss, maxT) {
    const ws = createWorkspace(params, maxT);
    return {
      run: (seq, state, start, len, p = params) =>
        forwardBackward(ws, p, act, loss, seq, state, start, len),
      yhat: () => ws.yhat,
      stateLast: () => ws.hLast,
    };
  },
  sample: sampleChars,
  gradientFlow: (params, act, loss, seq, withJacobian) =>
    gradientFlow(params, act, loss, seq, new Float64Array(params.H), withJacobian),
};
