import { globalNorm } from '../clip';
import { PARAM_NAMES } from '../model';
import type { TrainSequence } from '../train';
import { blowupCause, finiteBlowup, zeroGradientSteps } from './blowup';
import { ensureChunk, labGradientFlow, trainLabChunk } from './cellSession';
import {
  divergenceAt,
  findDivergence,
  type AfterUpdate,
  type DivergenceContext,
} from './divergence';
import { firstSequence } from './evaluate';
import { LAST_GOOD, SMOOTHING, type RunState } from './runState';
import { saveCandidate } from './snapshot';
import { fillSequence, rngFor, STREAM } from './tasks';

// Training the lab's run: one iteration is one training sequence (the next window of the text,
// or a fresh sequence of the task), cut into truncation chunks, one update each. After every
// update the divergence check runs; the first NaN or Infinity stops the run, and so does a
// loss that blew up while staying finite (blowup.ts), checked after each iteration.

/** Scored steps of an iteration: a delayed copy scores none of its first `delay` steps. */
const scoredSteps = (st: RunState): number =>
  st.task.name === 'copy' ? st.task.T - st.task.delay : st.task.T;

/** What every divergence reports beside what went wrong (made only when one is found). */
const contextOf = (st: RunState): DivergenceContext => {
  const truncation = Math.min(st.c.tbptt, st.task.T);
  return {
    gradNormBefore: st.gradNormBefore,
    lastGoodIteration: st.good.iteration,
    lr: st.c.lr,
    clip: st.c.clip,
    clipAt: st.c.clipAt,
    opt: st.c.opt,
    tbptt: truncation,
    cause: blowupCause(st.curves.gradNorm.view(), st.session.lastGradNorm, truncation),
  };
};

/** One iteration; false when it diverged (st.divergence says how). */
export function iterate(st: RunState): boolean {
  const { session, task, c } = st;
  saveCandidate(st);
  st.gradNormBefore = session.steps > 0 ? session.lastGradNorm : NaN;
  let seq: TrainSequence;
  let start: number;
  if (task.textSeq) {
    seq = task.textSeq;
    if (st.textPos + task.T > seq.T) {
      st.textPos = 0;
      session.h.fill(0); // from s_0 = 0 again at each pass, as min-char-rnn does
    }
    start = st.textPos;
  } else {
    seq = st.trainSeq!;
    fillSequence(task, st.trainSeq!, rngFor(c.seed, STREAM.data, st.iteration));
    session.h.fill(0);
    start = 0;
  }
  const chunk = Math.min(c.tbptt, task.T);
  ensureChunk(session, chunk);
  // What the divergence check reads after each update (the session's own arrays).
  const probe: AfterUpdate = {
    loss: 0,
    gradNorm: 0,
    params: session.model.params,
    paramNames: PARAM_NAMES,
    hidden: session.h,
  };
  let total = 0;
  for (let s = start; s < start + task.T; s += chunk) {
    const loss = trainLabChunk(session, seq, s, Math.min(chunk, start + task.T - s));
    probe.loss = loss;
    probe.gradNorm = session.lastGradNorm;
    const found = findDivergence(probe);
    if (found) {
      st.divergence = divergenceAt(st.iteration + 1, found, session.lastGradNorm, contextOf(st));
      return false;
    }
    total += loss;
  }
  if (task.textSeq) st.textPos += task.T;
  st.lastLoss = total / scoredSteps(st);
  if (st.iteration === 0) st.firstLoss = st.lastLoss;
  // A loss that blew up while staying finite stops the run as NaN does (blowup.ts).
  const blown = finiteBlowup(st.lastLoss, st.firstLoss, st.chance);
  if (blown) {
    const flow = labGradientFlow(
      session.model.params,
      c.act,
      task.loss,
      firstSequence(st),
      false,
      st.kernels,
    );
    const finite = { ...blown, zeroGradSteps: zeroGradientSteps(flow.gradNorm), steps: flow.T };
    st.divergence = divergenceAt(
      st.iteration + 1,
      { quantity: 'loss', value: st.lastLoss, finite },
      session.lastGradNorm,
      contextOf(st),
    );
    return false;
  }
  // The weights this iteration started from gave a sane loss: they are the last good ones.
  if (st.lastLoss <= LAST_GOOD.maxGrowth * st.firstLoss)
    [st.good, st.candidate] = [st.candidate, st.good];
  st.smoothLoss = Number.isNaN(st.smoothLoss)
    ? st.lastLoss
    : (1 - SMOOTHING) * st.smoothLoss + SMOOTHING * st.lastLoss;
  st.iteration++;
  st.curves.smoothLoss.push(st.smoothLoss);
  st.curves.gradNorm.push(session.lastGradNorm);
  return true;
}

/** Up to n iterations, stopping at a divergence. */
export function train(st: RunState, n: number): void {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`n must be a whole number, got ${n}`);
  let trained = false;
  for (let i = 0; i < n && st.divergence === null; i++) trained = iterate(st);
  // The workspace holds the last update's gradients, clipped in place.
  if (trained) st.clippedGradNorm = globalNorm(st.session.ws.gradTensors);
}
