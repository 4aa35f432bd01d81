import { CELLS, cellOf } from '../model';
import { ACTIVATIONS } from '../activations';
import { gradientCheck, type GradCheckTarget } from '../gradcheck';
import { cloneParams } from '../params';
import type { Rng } from '../rng';
import type { TrainSequence } from '../train';
import type { ActivationName, LossName, Params, Scenario, Sequence } from '../types';
import { createEvaluator, labStateSize } from './cellSession';

/** What "Check gradients" reports about the current weights. */
export interface GradientCheckSummary {
  /** The worst relative error |analytic − numeric| / max(|analytic|, |numeric|, 1e-4). */
  worstRelError: number;
  /** Where: the tensor (U, W, V, b, c or s0), its row and column. */
  where: { param: GradCheckTarget; row: number; col: number };
  analytic: number;
  numeric: number;
  checked: number;
  /** One line: why a right gradient gives about 1e-7 or less, and what this one says. */
  reason: string;
}

/** Dense inputs and targets (computeTrace reads only those) of a training sequence. */
export function denseSequence(seq: TrainSequence): Sequence {
  const { T, D, K } = seq;
  const inputs =
    seq.inputs && !seq.inputIndex ? seq.inputs.slice(0, T * D) : new Float64Array(T * D);
  if (seq.inputIndex)
    for (let t = 0; t < T; t++) if (seq.inputIndex[t] >= 0) inputs[t * D + seq.inputIndex[t]] = 1;
  const targets = seq.targetIndex ? new Float64Array(T * K) : seq.targets!.slice(0, T * K);
  if (seq.targetIndex) for (let t = 0; t < T; t++) targets[t * K + seq.targetIndex[t]] = 1;
  return { T, D, K, inputs, targets };
}

/** Entries checked by default: enough to find a wrong term, few enough for a click. */
export const CHECK_SAMPLES = 200;
const GOOD = 1e-7;

/**
 * Central differences (gradcheck.ts, ε = 1e-5) against BPTT's gradients for params on one
 * sequence from s_0 = 0, on a seeded sample of `samples` entries of U, W, V, b, c and s_0.
 * The analytic gradients come from computeTrace, the losses from the fast path (the same
 * numbers, bit for bit, far faster for big H).
 */
export function checkGradients(
  params: Params,
  act: ActivationName,
  loss: LossName,
  seq: TrainSequence,
  rng: Rng,
  samples = CHECK_SAMPLES,
): GradientCheckSummary {
  const sc: Scenario = {
    activation: act,
    loss,
    params: cloneParams(params),
    s0: new Float64Array(params.H),
    seq: denseSequence(seq),
  };
  // The losses on the training path of the cell, from the scenario's (perturbed) s_0.
  const ev = createEvaluator(params, act, loss, seq.T);
  const state = new Float64Array(labStateSize(params));
  const lossFn = (s: Scenario) => {
    state.set(s.s0);
    return ev.run(s.seq, state, 0, s.seq.T, s.params);
  };
  const r = gradientCheck(sc, { samples, rng, lossFn });
  const e = r.maxRelError;
  // A gated cell's nonlinearities are smooth whatever the activation choice says.
  const kink =
    CELLS[cellOf(params)].hasActivation &&
    !ACTIVATIONS[act].smooth &&
    r.minAbsPreactivation < 10 * r.eps;
  const base = `Central differences with ε = ${r.eps} are accurate to about ε² in the loss, so a right BPTT gradient agrees to about ${GOOD} or less`;
  let verdict: string;
  if (e <= GOOD) verdict = `; the worst here, ${e.toExponential(1)}, says the gradients are right.`;
  else if (kink)
    verdict = `; ${e.toExponential(1)} here, but some a_t is within ${(10 * r.eps).toExponential(0)} of the kink of ${act} at 0, where differences straddle the corner.`;
  else if (e < 1e-3)
    verdict = `; ${e.toExponential(1)} here is rounding in nearly flat directions (saturated units), not a wrong term.`;
  else
    verdict = `; ${e.toExponential(1)} here is too large: a term of the gradient is wrong or missing.`;
  return {
    worstRelError: e,
    where: { param: r.worst.param, row: r.worst.row, col: r.worst.col },
    analytic: r.worst.analytic,
    numeric: r.worst.numeric,
    checked: r.checked,
    reason: base + verdict,
  };
}
