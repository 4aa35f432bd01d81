import { globalNorm, type ClipConfig } from '../clip';
import { decodeIndices } from '../encoding';
import { CELLS, cellWithArticle, PARAM_NAMES, ratesPerUnit, type ParamName } from '../model';
import {
  cloneOptimizerState,
  createOptimizerState,
  type OptimizerConfig,
  type OptimizerState,
} from '../optimizers';
import { initParams } from '../params';
import type { TrainSequence } from '../train';
import type { Params } from '../types';
import {
  createEvaluator,
  createLabSession,
  ensureChunk,
  labGradientFlow,
  labStateSize,
  sampleFrom,
  trainLabChunk,
  type Evaluator,
  type LabSession,
} from './cellSession';
import {
  BLOWUP,
  blowupCause,
  chanceLoss,
  finiteBlowup,
  zeroGradientSteps,
  type BlowupCause,
  type FiniteBlowup,
} from './blowup';
import { checkGradients, type GradientCheckSummary } from './checkGradients';
import {
  checkLabChoices,
  LAB_CHOICES,
  migrateLabChoices,
  type ClipName,
  type LabChoices,
} from './choices';
import type { GradientFlow } from './gradientFlow';
import { rescaleToSpectralRadius, spectralReport, type SpectralReport } from './spectral';
import {
  allocSequence,
  evalSequences,
  fillSequence,
  makeTask,
  rngFor,
  stepCorrect,
  STREAM,
  type LabTask,
  type TaskSequence,
} from './tasks';

// A training run of the lab: pure, no timers. The worker calls step(n) as often as it likes and
// posts the progress; everything it needs to keep or to send is plain numbers and typed arrays.

/** Characters of each text sample. */
export const SAMPLE_CHARS = 160;
/** Weight of the newest iteration in the smoothed loss (min-char-rnn uses 0.001 per 25 chars). */
export const SMOOTHING = 0.02;
/** Steps of the text scored for accuracy, from the start, from s_0 = 0. */
export const EVAL_TEXT_STEPS = 1000;

/**
 * The last good weights, which the recoveries go back to, are those at the start of the latest
 * iteration whose loss (computed with them) was finite and at most maxGrowth times the first
 * iteration's: while the loss runs away (1e100, still finite) they stay where they were, so a
 * recovery does not return to weights that are about to overflow.
 */
export const LAST_GOOD = { maxGrowth: BLOWUP.growth } as const;

/** What went non-finite, in the order the run checks after each update. */
export type DivergedQuantity = 'loss' | 'gradient' | 'weights' | 'hidden state';

/** Training met NaN or ±Infinity: what, where and when, for the UI to explain. */
export interface Divergence {
  /** The iteration that went wrong (1 = the first); the last good weights are from before it. */
  iteration: number;
  quantity: DivergedQuantity;
  /** For weights: which tensor and which entry went first. */
  param?: ParamName;
  index?: number;
  /** The value found: NaN, Infinity or −Infinity. */
  value: number;
  /** ‖g‖ before clipping at the update that went wrong (may itself be NaN or Infinity). */
  gradNorm: number;
  /** ‖g‖ before clipping of the update just before (NaN if there was none). */
  gradNormBefore: number;
  /** Iterations done when the kept last good weights were saved (see LAST_GOOD). */
  lastGoodIteration: number;
  /** The settings it happened with. */
  lr: number;
  clip: ClipName;
  clipAt: number;
  /** The optimizer and the truncation length in use. */
  opt?: LabChoices['opt'];
  tbptt?: number;
  /** What most likely caused it, from the ‖g‖ history and the truncation (blowup.ts). */
  cause?: BlowupCause;
  /** Set when nothing went non-finite but the loss blew up (quantity 'loss', value finite):
   * how far, and at how many of the T steps the last loss's gradient is exactly 0. */
  finite?: FiniteBlowup & { zeroGradSteps: number; steps: number };
  /** One plain sentence. */
  message: string;
}

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

/** The optimizer's memory as plain arrays. */
export interface OptimizerSnapshot {
  name: OptimizerState['name'];
  t: number;
  first: Float64Array[];
  second: Float64Array[];
}

/** Weights, optimizer memory and hidden state: what a recovery goes back to. */
export interface WeightsSnapshot {
  params: Record<ParamName, Float64Array>;
  optimizer: OptimizerSnapshot;
  /** The carried state: s, then an LSTM's cell state m. */
  hidden: Float64Array;
}

/** The curves, one entry per iteration (accuracy: one per evaluation). */
export interface LabCurves {
  smoothLoss: Float64Array;
  gradNorm: Float64Array;
  accuracyIteration: Float64Array;
  accuracy: Float64Array;
}

/**
 * The whole run as plain data (structured-clone and IndexedDB friendly). Random draws come
 * from rngFor(seed, stream, iteration), so the iteration is the whole rng state.
 */
export interface LabSnapshot {
  choices: LabChoices;
  iteration: number;
  updates: number;
  loss: number;
  smoothLoss: number;
  gradNorm: number;
  clippedGradNorm: number;
  textPos: number;
  current: WeightsSnapshot;
  lastGood: WeightsSnapshot;
  /** Where the last good weights are from. */
  lastGoodState: {
    iteration: number;
    textPos: number;
    gradNorm: number;
    smoothLoss: number;
    loss: number;
  };
  /** The first iteration's loss (the yardstick of LAST_GOOD) and the last ‖g‖ before the current iteration. */
  firstLoss: number;
  gradNormBefore: number;
  divergence: Divergence | null;
  curves: LabCurves;
}

export interface StepOptions {
  /** Measure accuracy on the held-out set after the n iterations; default true. */
  evaluate?: boolean;
  /** Draw a text sample after the n iterations (text task only); default true. */
  sample?: boolean;
}

/** The choices that apply to a running session without a restart. */
export const LIVE_OPTIONS = ['lr', 'clip', 'clipAt', 'tbptt', 'temperature', 'opt'] as const;
export type LiveOptions = Partial<Pick<LabChoices, (typeof LIVE_OPTIONS)[number]>>;

export interface LabRun {
  readonly task: LabTask;
  /** A copy of the current choices. */
  choices(): LabChoices;
  /** Train n iterations (stops early on NaN/Infinity); then evaluate and sample. */
  step(n: number, opts?: StepOptions): LabProgress;
  /** The progress now, without training (evaluates and samples like step). */
  progress(opts?: StepOptions): LabProgress;
  /**
   * Change learning rate, clipping, truncation, temperature or optimizer in the running
   * session. A new optimizer starts with an empty memory; the rest keeps everything.
   */
  setOptions(o: LiveOptions): void;
  /** The live weights (the session's own arrays: read, do not keep). */
  params(): Params;
  divergence(): Divergence | null;
  /** Recovery 1: back to the last good weights, optimizer memory and state; train on. */
  restoreLastGood(): void;
  /**
   * Recovery 2: the learning rate divided by factor (10), from the last good weights when
   * training diverged (else from where it is).
   */
  lowerLearningRate(factor?: number): void;
  /** Recovery 3: clipping by global norm at `at` (its default), as recovery 2. */
  turnClippingOn(at?: number): void;
  snapshot(): LabSnapshot;
  /** Load a snapshot of a run with the same task and sizes. */
  restore(s: LabSnapshot): void;
  curves(): LabCurves;
  /**
   * ‖∂L_T/∂s_t‖ and ‖P_t‖ on the first held-out sequence (text: its first window); without
   * the Jacobian norms (NaN) when withJacobian is false, cheap enough for every progress.
   */
  gradientFlow(withJacobian?: boolean): GradientFlow;
  /** The first held-out sequence (text: its first window), from s_0 = 0. */
  firstSequence(): TrainSequence;
  /** ρ(W) and ‖W‖₂; null for a gated cell, whose W stacks one block per gate. */
  spectral(): SpectralReport | null;
  /** Rescale W to spectral radius r (the optimizer memory is kept); the vanilla cell only. */
  setSpectralRadius(r: number): void;
  /** The central-difference check on the current weights, on the first held-out sequence. */
  checkGradients(samples?: number): GradientCheckSummary;
}

export function clipConfigOf(c: Pick<LabChoices, 'clip' | 'clipAt'>): ClipConfig {
  switch (c.clip) {
    case 'off':
      return { kind: 'none' };
    case 'value':
      return { kind: 'value', value: c.clipAt };
    case 'norm':
      return { kind: 'norm', maxNorm: c.clipAt };
  }
}

const optimizerConfigOf = (c: Pick<LabChoices, 'opt' | 'lr'>): OptimizerConfig => ({
  name: c.opt,
  lr: c.lr,
});

/** A growable Float64Array. */
class Series {
  buf = new Float64Array(256);
  n = 0;
  push(v: number) {
    if (this.n === this.buf.length) {
      const b = new Float64Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.n++] = v;
  }
  view() {
    return this.buf.slice(0, this.n);
  }
  load(a: Float64Array) {
    this.buf = new Float64Array(Math.max(256, a.length));
    this.buf.set(a);
    this.n = a.length;
  }
}

/** Index of the first NaN or ±Infinity in x, or −1. */
function firstNonFinite(x: Float64Array): number {
  // x − x is 0 for a finite x and NaN otherwise: one branch-free pass for the common case.
  let s0 = 0;
  let s1 = 0;
  const n = x.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    s0 += x[i] - x[i];
    s1 += x[i + 1] - x[i + 1];
  }
  if (i < n) s0 += x[i] - x[i];
  if (s0 + s1 === 0) return -1;
  for (let j = 0; j < n; j++) if (!Number.isFinite(x[j])) return j;
  return -1;
}

function copyOptimizer(from: OptimizerState, to: OptimizerState): void {
  to.t = from.t;
  for (let p = 0; p < from.first.length; p++) to.first[p].set(from.first[p]);
  for (let p = 0; p < from.second.length; p++) to.second[p].set(from.second[p]);
}

function describe(d: Omit<Divergence, 'message'>): string {
  const what =
    d.quantity === 'weights' ? `the weights ${d.param} (entry ${d.index})` : `the ${d.quantity}`;
  const clip =
    d.clip === 'off'
      ? 'no clipping'
      : `clipping ${d.clip === 'value' ? 'by value' : 'by global norm'} at ${d.clipAt}`;
  const before = Number.isFinite(d.gradNormBefore)
    ? `; the gradient norm just before was ${d.gradNormBefore.toPrecision(3)}`
    : '';
  if (d.finite)
    return `At iteration ${d.iteration}, the loss per step reached ${d.value.toPrecision(3)}, ${d.finite.growth.toPrecision(3)} times its yardstick ${d.finite.reference.toPrecision(3)} (learning rate ${d.lr}, ${clip})${before}.`;
  return `At iteration ${d.iteration}, ${what} became ${d.value} (learning rate ${d.lr}, ${clip})${before}.`;
}

export function createLabRun(choices: LabChoices): LabRun {
  const c: LabChoices = { ...checkLabChoices(choices) };
  const task = makeTask(c);
  const dims = {
    H: c.hidden,
    D: task.D,
    K: task.K,
    cell: c.cell,
    ...(CELLS[c.cell].keep ? { keep: ratesPerUnit(c.keep, c.hidden) } : {}),
  };
  const session: LabSession = createLabSession(
    initParams(dims, rngFor(c.seed, STREAM.init, 0)),
    c.act,
    task.loss,
    optimizerConfigOf(c),
    clipConfigOf(c),
    Math.min(c.tbptt, task.T),
  );
  const stateSize = labStateSize(session.model.params);
  const trainSeq: TaskSequence | null = task.textSeq ? null : allocSequence(task);
  const heldOut: TaskSequence[] = task.textSeq ? [] : evalSequences(task, c.seed);
  let evaluator: Evaluator | null = null;

  // Run state (all of it in the snapshot).
  let iteration = 0;
  let textPos = 0;
  let lastLoss = NaN;
  let smoothLoss = NaN;
  let divergence: Divergence | null = null;
  let clippedGradNorm = NaN;
  const curves = {
    smoothLoss: new Series(),
    gradNorm: new Series(),
    accuracyIteration: new Series(),
    accuracy: new Series(),
  };
  // The last good weights: copied at the start of every iteration, into fixed buffers.
  const saved = () => ({
    tensors: session.tensors.map((x) => x.slice()),
    opt: cloneOptimizerState(session.optState),
    hidden: session.h.slice(),
    textPos: 0,
    gradNorm: NaN,
    iteration: 0,
    smoothLoss: NaN,
    loss: NaN,
  });
  // The weights at the start of the current iteration (candidate) become the last good ones
  // once the loss they give is known to be sane (LAST_GOOD): the buffers swap, nothing copies.
  let candidate = saved();
  let good = saved();
  let firstLoss = NaN;
  let gradNormBefore = NaN;

  const saveCandidate = () => {
    const k = candidate;
    for (let p = 0; p < k.tensors.length; p++) k.tensors[p].set(session.tensors[p]);
    copyOptimizer(session.optState, k.opt);
    k.hidden.set(session.h);
    k.textPos = textPos;
    k.gradNorm = session.lastGradNorm;
    k.iteration = iteration;
    k.smoothLoss = smoothLoss;
    k.loss = lastLoss;
  };
  const loadGood = () => {
    for (let p = 0; p < good.tensors.length; p++) session.tensors[p].set(good.tensors[p]);
    copyOptimizer(good.opt, session.optState);
    session.h.set(good.hidden);
    textPos = good.textPos;
    session.lastGradNorm = good.gradNorm;
    smoothLoss = good.smoothLoss;
    lastLoss = good.loss;
  };

  const scoredSteps = () => (task.name === 'copy' ? task.T - task.delay : task.T);

  const chance = chanceLoss(
    task.loss,
    task.K,
    heldOut.flatMap((q) => (q.targets ? [q.targets] : [])),
  );
  /** What every divergence reports beside what went wrong. */
  const circumstances = () => {
    const truncation = Math.min(c.tbptt, task.T);
    return {
      gradNorm: session.lastGradNorm,
      gradNormBefore,
      lastGoodIteration: good.iteration,
      lr: c.lr,
      clip: c.clip,
      clipAt: c.clipAt,
      opt: c.opt,
      tbptt: truncation,
      cause: blowupCause(curves.gradNorm.view(), session.lastGradNorm, truncation),
    };
  };
  /** The non-finite quantity after an update, or null. */
  const check = (loss: number): Omit<Divergence, 'message' | 'iteration'> | null => {
    const settings = circumstances();
    if (!Number.isFinite(loss)) return { quantity: 'loss', value: loss, ...settings };
    if (!Number.isFinite(session.lastGradNorm))
      return { quantity: 'gradient', value: session.lastGradNorm, ...settings };
    for (const name of PARAM_NAMES) {
      const i = firstNonFinite(session.model.params[name]);
      if (i >= 0)
        return {
          quantity: 'weights',
          param: name,
          index: i,
          value: session.model.params[name][i],
          ...settings,
        };
    }
    const i = firstNonFinite(session.h);
    if (i >= 0) return { quantity: 'hidden state', value: session.h[i], ...settings };
    return null;
  };

  /** One iteration; false when it diverged. */
  const iterate = (): boolean => {
    saveCandidate();
    gradNormBefore = session.steps > 0 ? session.lastGradNorm : NaN;
    let seq: TrainSequence;
    let start: number;
    if (task.textSeq) {
      seq = task.textSeq;
      if (textPos + task.T > seq.T) {
        textPos = 0;
        session.h.fill(0); // from s_0 = 0 again at each pass, as min-char-rnn does
      }
      start = textPos;
    } else {
      seq = trainSeq!;
      fillSequence(task, trainSeq!, rngFor(c.seed, STREAM.data, iteration));
      session.h.fill(0);
      start = 0;
    }
    const chunk = Math.min(c.tbptt, task.T);
    ensureChunk(session, chunk);
    let total = 0;
    for (let s = start; s < start + task.T; s += chunk) {
      const loss = trainLabChunk(session, seq, s, Math.min(chunk, start + task.T - s));
      const bad = check(loss);
      if (bad) {
        const d = { ...bad, iteration: iteration + 1 };
        divergence = { ...d, message: describe(d) };
        return false;
      }
      total += loss;
    }
    if (task.textSeq) textPos += task.T;
    lastLoss = total / scoredSteps();
    if (iteration === 0) firstLoss = lastLoss;
    const blown = finiteBlowup(lastLoss, firstLoss, chance);
    if (blown) {
      const flow = labGradientFlow(session.model.params, c.act, task.loss, firstSequence(), false);
      const finite = { ...blown, zeroGradSteps: zeroGradientSteps(flow.gradNorm), steps: flow.T };
      const d = {
        ...circumstances(),
        quantity: 'loss' as const,
        value: lastLoss,
        finite,
        iteration: iteration + 1,
      };
      divergence = { ...d, message: describe(d) };
      return false;
    }
    // The weights this iteration started from gave a sane loss: they are the last good ones.
    if (lastLoss <= LAST_GOOD.maxGrowth * firstLoss) [good, candidate] = [candidate, good];
    smoothLoss = Number.isNaN(smoothLoss)
      ? lastLoss
      : (1 - SMOOTHING) * smoothLoss + SMOOTHING * lastLoss;
    iteration++;
    curves.smoothLoss.push(smoothLoss);
    curves.gradNorm.push(session.lastGradNorm);
    return true;
  };

  /** Accuracy and loss per scored step on the held-out set, from s_0 = 0. */
  const evaluate = (): { accuracy: number; loss: number } => {
    const params = session.model.params;
    let right = 0;
    let scored = 0;
    let loss = 0;
    if (task.textSeq) {
      const seq = task.textSeq;
      const n = Math.min(seq.T, EVAL_TEXT_STEPS);
      const win = Math.min(n, 200);
      const ev = (evaluator ??= createEvaluator(params, c.act, task.loss, win));
      const h = new Float64Array(stateSize);
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
      const ev = (evaluator ??= createEvaluator(params, c.act, task.loss, task.T));
      const h0 = new Float64Array(stateSize);
      for (const seq of heldOut) {
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
  };

  const sample = (): TextSample | null => {
    if (!task.textSeq || !task.vocab) return null;
    const seqIdx = task.textSeq.inputIndex!;
    const from = seqIdx[Math.min(textPos, seqIdx.length - 1)];
    const params = session.model.params;
    const rng = rngFor(c.seed, STREAM.sample, iteration);
    const drawn = sampleFrom(params, c.act, from, session.h, SAMPLE_CHARS, rng, c.temperature);
    const greedy = sampleFrom(params, c.act, from, session.h, SAMPLE_CHARS, rng, 0);
    return {
      seed: task.vocab.chars[from],
      temperature: c.temperature,
      sample: decodeIndices(drawn, task.vocab),
      greedy: decodeIndices(greedy, task.vocab),
    };
  };

  const progress = (opts: StepOptions = {}): LabProgress => {
    const ok = divergence === null;
    let accuracy: number | null = null;
    let evalLoss: number | null = null;
    if (ok && (opts.evaluate ?? true)) {
      const e = evaluate();
      accuracy = e.accuracy;
      evalLoss = e.loss;
      const last = curves.accuracyIteration.n - 1;
      if (last < 0 || curves.accuracyIteration.buf[last] !== iteration) {
        curves.accuracyIteration.push(iteration);
        curves.accuracy.push(accuracy);
      }
    }
    const gradNorm = session.lastGradNorm;
    return {
      iteration,
      updates: session.steps,
      loss: lastLoss,
      smoothLoss,
      accuracy,
      evalLoss,
      gradNorm,
      clippedGradNorm,
      sample: ok && (opts.sample ?? true) ? sample() : null,
      divergence,
    };
  };

  const weightsOf = (
    tensors: Float64Array[],
    opt: OptimizerState,
    hidden: Float64Array,
  ): WeightsSnapshot => ({
    params: Object.fromEntries(PARAM_NAMES.map((n, p) => [n, tensors[p].slice()])) as Record<
      ParamName,
      Float64Array
    >,
    optimizer: cloneOptimizerState(opt),
    hidden: hidden.slice(),
  });

  const loadWeights = (
    w: WeightsSnapshot,
    tensors: Float64Array[],
    opt: OptimizerState,
    hidden: Float64Array,
  ) => {
    PARAM_NAMES.forEach((n, p) => {
      if (w.params[n].length !== tensors[p].length)
        throw new Error(`snapshot: ${n} has another size`);
      tensors[p].set(w.params[n]);
    });
    if (w.optimizer.name !== opt.name) throw new Error('snapshot: another optimizer');
    copyOptimizer(w.optimizer, opt);
    hidden.set(w.hidden);
  };

  const recover = () => {
    loadGood();
    divergence = null;
    clippedGradNorm = NaN;
  };

  const firstSequence = (): TrainSequence => {
    if (!task.textSeq) return heldOut[0];
    const s = task.textSeq;
    return {
      T: task.T,
      D: s.D,
      K: s.K,
      inputIndex: s.inputIndex!.subarray(0, task.T),
      targetIndex: s.targetIndex!.subarray(0, task.T),
    };
  };

  return {
    task,
    choices: () => ({ ...c }),
    step(n, opts) {
      if (!(Number.isInteger(n) && n >= 0))
        throw new RangeError(`n must be a whole number, got ${n}`);
      let trained = false;
      for (let i = 0; i < n && divergence === null; i++) trained = iterate();
      // The workspace holds the last update's gradients, clipped in place.
      if (trained) clippedGradNorm = globalNorm(session.ws.gradTensors);
      return progress(opts);
    },
    progress,
    setOptions(o) {
      for (const key of Object.keys(o))
        if (!(LIVE_OPTIONS as readonly string[]).includes(key))
          throw new Error(`${key} cannot change in a running session: make a new run`);
      const next = checkLabChoices({ ...c, ...o });
      if (next.opt !== c.opt) {
        session.optState = createOptimizerState(optimizerConfigOf(next), session.tensors);
        good.opt = cloneOptimizerState(session.optState);
        candidate.opt = cloneOptimizerState(session.optState);
      }
      Object.assign(c, next);
      session.optimizer = optimizerConfigOf(c);
      session.clip = clipConfigOf(c);
    },
    params: () => session.model.params,
    divergence: () => divergence,
    restoreLastGood: recover,
    lowerLearningRate(factor = 10) {
      if (!(factor > 1)) throw new RangeError(`factor must be > 1, got ${factor}`);
      if (divergence) recover();
      this.setOptions({ lr: c.lr / factor });
    },
    turnClippingOn(at = LAB_CHOICES.clipAt.default) {
      if (divergence) recover();
      this.setOptions({ clip: 'norm', clipAt: at });
    },
    snapshot: () => ({
      choices: { ...c },
      iteration,
      updates: session.steps,
      loss: lastLoss,
      smoothLoss,
      gradNorm: session.lastGradNorm,
      clippedGradNorm,
      textPos,
      current: weightsOf(session.tensors, session.optState, session.h),
      lastGood: weightsOf(good.tensors, good.opt, good.hidden),
      lastGoodState: {
        iteration: good.iteration,
        textPos: good.textPos,
        gradNorm: good.gradNorm,
        smoothLoss: good.smoothLoss,
        loss: good.loss,
      },
      firstLoss,
      gradNormBefore,
      divergence: divergence ? { ...divergence } : null,
      curves: {
        smoothLoss: curves.smoothLoss.view(),
        gradNorm: curves.gradNorm.view(),
        accuracyIteration: curves.accuracyIteration.view(),
        accuracy: curves.accuracy.view(),
      },
    }),
    restore(s) {
      const sc = migrateLabChoices(s.choices);
      if (
        sc.task !== c.task ||
        sc.cell !== c.cell ||
        String(sc.keep) !== String(c.keep) ||
        sc.hidden !== c.hidden ||
        sc.act !== c.act ||
        sc.text !== c.text ||
        sc.seqLen !== c.seqLen ||
        sc.delay !== c.delay ||
        sc.seed !== c.seed
      )
        throw new Error(
          'snapshot of another task, size or seed: make a new run with restoreLabRun',
        );
      this.setOptions({
        lr: sc.lr,
        clip: sc.clip,
        clipAt: sc.clipAt,
        tbptt: sc.tbptt,
        temperature: sc.temperature,
        opt: sc.opt,
      });
      loadWeights(s.current, session.tensors, session.optState, session.h);
      loadWeights(s.lastGood, good.tensors, good.opt, good.hidden);
      Object.assign(good, s.lastGoodState);
      firstLoss = s.firstLoss;
      gradNormBefore = s.gradNormBefore;
      iteration = s.iteration;
      session.steps = s.updates;
      lastLoss = s.loss;
      smoothLoss = s.smoothLoss;
      session.lastGradNorm = s.gradNorm;
      clippedGradNorm = s.clippedGradNorm;
      textPos = s.textPos;
      divergence = s.divergence ? { ...s.divergence } : null;
      curves.smoothLoss.load(s.curves.smoothLoss);
      curves.gradNorm.load(s.curves.gradNorm);
      curves.accuracyIteration.load(s.curves.accuracyIteration);
      curves.accuracy.load(s.curves.accuracy);
    },
    curves: () => ({
      smoothLoss: curves.smoothLoss.view(),
      gradNorm: curves.gradNorm.view(),
      accuracyIteration: curves.accuracyIteration.view(),
      accuracy: curves.accuracy.view(),
    }),
    gradientFlow: (withJacobian = true) =>
      labGradientFlow(session.model.params, c.act, task.loss, firstSequence(), withJacobian),
    firstSequence,
    spectral: () =>
      CELLS[c.cell].recurrence === 'W' ? spectralReport(session.model.params.W, c.hidden) : null,
    setSpectralRadius(r) {
      if (CELLS[c.cell].recurrence !== 'W')
        throw new Error(
          `ρ(W) applies where the gradient runs through W (a vanilla cell), not to ${cellWithArticle(c.cell)}`,
        );
      const W = session.model.params.W;
      W.set(rescaleToSpectralRadius(W, c.hidden, r));
    },
    checkGradients: (samples) =>
      checkGradients(
        session.model.params,
        c.act,
        task.loss,
        firstSequence(),
        rngFor(c.seed, STREAM.check, iteration),
        samples,
      ),
  };
}

/** A new run in the state of a snapshot. */
export function restoreLabRun(s: LabSnapshot): LabRun {
  // Runs saved before the cell was a choice are the vanilla cell's.
  const run = createLabRun(migrateLabChoices(s.choices));
  run.restore(s);
  return run;
}
