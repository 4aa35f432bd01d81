import { decodeIndices } from '../encoding';
import type { TrainSequence } from '../train';
import { createEvaluator, sampleFrom } from './cellSession';
import { EVAL_TEXT_STEPS, SAMPLE_CHARS, type RunState } from './runState';
import type { Divergence } from './divergence';
import { rngFor, stepCorrect, STREAM } from './tasks';

// What the lab's run reports: its success measure and loss on the held-out set, a text
// sample, and the progress that carries them.

export interface TextSample {
  /** The character the sample starts from (fed first, not part of the sample). */
  seed: string;
  temperature: number;
  /** Drawn at the temperature. */
  sample: string;
  /** The most likely continuation (temperature 0). */
  greedy: string;
}

export interface LabProgress {
  /** Iterations done: one per training sequence (one update per truncation chunk of it). */
  iteration: number;
  /** Optimizer updates done. */
  updates: number;
  /** The last iteration's loss per scored step. */
  loss: number;
  /** The loss per scored step, exponentially smoothed (weight SMOOTHING on the newest). */
  smoothLoss: number;
  /** The task's success measure on its held-out set (0..1); null when not evaluated. */
  accuracy: number | null;
  /** The loss per scored step on the held-out set; null when not evaluated. */
  evalLoss: number | null;
  /** ‖g‖ of the last update before and after clipping. */
  gradNorm: number;
  clippedGradNorm: number;
  /** The text task only: a fresh sample and the greedy continuation. */
  sample: TextSample | null;
  /** Set when training stopped on NaN or Infinity; step() does nothing until a recovery. */
  divergence: Divergence | null;
}

export interface StepOptions {
  /** Measure accuracy on the held-out set after the n iterations; default true. */
  evaluate?: boolean;
  /** Draw a text sample after the n iterations (text task only); default true. */
  sample?: boolean;
}

/** Accuracy and loss per scored step on the held-out set, from s_0 = 0. */
export function evaluate(st: RunState): { accuracy: number; loss: number } {
  const { task, c } = st;
  const params = st.session.model.params;
  let right = 0;
  let scored = 0;
  let loss = 0;
  if (task.textSeq) {
    const seq = task.textSeq;
    const n = Math.min(seq.T, EVAL_TEXT_STEPS);
    const win = Math.min(n, 200);
    const ev = (st.evaluator ??= createEvaluator(params, c.act, task.loss, win, st.kernels));
    const h = new Float64Array(st.stateSize);
    for (let s = 0; s < n; s += win) {
      const len = Math.min(win, n - s);
      loss += ev.run(seq, h, s, len);
      h.set(ev.stateLast());
      for (let t = 0; t < len; t++) {
        if (stepCorrect(task, seq, s + t, ev.yhat(), t)) right++;
        scored++;
      }
    }
  } else {
    const ev = (st.evaluator ??= createEvaluator(params, c.act, task.loss, task.T, st.kernels));
    const h0 = new Float64Array(st.stateSize);
    for (const seq of st.heldOut) {
      loss += ev.run(seq, h0, 0, task.T);
      for (let t = 0; t < task.T; t++) {
        const ok = stepCorrect(task, seq, t, ev.yhat(), t);
        if (ok === null) continue;
        scored++;
        if (ok) right++;
      }
    }
  }
  return { accuracy: right / scored, loss: loss / scored };
}

/** A sample and the greedy continuation from where the text is, for the text task. */
export function sampleText(st: RunState): TextSample | null {
  const { task, c, session } = st;
  if (!task.textSeq || !task.vocab) return null;
  const seqIdx = task.textSeq.inputIndex!;
  const from = seqIdx[Math.min(st.textPos, seqIdx.length - 1)];
  const params = session.model.params;
  const rng = rngFor(c.seed, STREAM.sample, st.iteration);
  const k = st.kernels;
  const drawn = sampleFrom(params, c.act, from, session.h, SAMPLE_CHARS, rng, c.temperature, k);
  const greedy = sampleFrom(params, c.act, from, session.h, SAMPLE_CHARS, rng, 0, k);
  return {
    seed: task.vocab.chars[from],
    temperature: c.temperature,
    sample: decodeIndices(drawn, task.vocab),
    greedy: decodeIndices(greedy, task.vocab),
  };
}

/** The progress now (evaluated and sampled unless told not to; a new score joins the curve). */
export function progressOf(st: RunState, opts: StepOptions = {}): LabProgress {
  const ok = st.divergence === null;
  let accuracy: number | null = null;
  let evalLoss: number | null = null;
  if (ok && (opts.evaluate ?? true)) {
    const e = evaluate(st);
    accuracy = e.accuracy;
    evalLoss = e.loss;
    const { accuracyIteration } = st.curves;
    const last = accuracyIteration.n - 1;
    if (last < 0 || accuracyIteration.buf[last] !== st.iteration) {
      accuracyIteration.push(st.iteration);
      st.curves.accuracy.push(accuracy);
    }
  }
  return {
    iteration: st.iteration,
    updates: st.session.steps,
    loss: st.lastLoss,
    smoothLoss: st.smoothLoss,
    accuracy,
    evalLoss,
    gradNorm: st.session.lastGradNorm,
    clippedGradNorm: st.clippedGradNorm,
    sample: ok && (opts.sample ?? true) ? sampleText(st) : null,
    divergence: st.divergence,
  };
}

/** The first held-out sequence (text: its first window), from s_0 = 0. */
export function firstSequence(st: RunState): TrainSequence {
  const { task } = st;
  if (!task.textSeq) return st.heldOut[0];
  const s = task.textSeq;
  return {
    T: task.T,
    D: s.D,
    K: s.K,
    inputIndex: s.inputIndex!.subarray(0, task.T),
    targetIndex: s.targetIndex!.subarray(0, task.T),
  };
}
