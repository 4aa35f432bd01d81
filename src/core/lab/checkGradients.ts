import { CELLS, cellOf } from '../model';
import { ACTIVATIONS } from '../activations';
import { gradientCheck, type GradCheckTarget } from '../gradcheck';
import { cloneParams } from '../params';
import type { Rng } from '../rng';
import type { TrainSequence } from '../train';
import { DEFAULT_KERNELS, type Kernels } from '../train/kernelChoice';
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
  /** The relative error rounding alone gives this entry (roundingRelError), for scale. */
  expectedRelError: number;
  /** One line: what size of error a right gradient gives here and why, and what this one says. */
  reason: string;
}

/** Double precision's unit roundoff, 2⁻⁵³. */
export const UNIT_ROUNDOFF = Number.EPSILON / 2;

/**
 * The relative error that rounding alone puts in a central difference of a loss L with step
 * ε, for a gradient entry of size |g|: each L(θ ± ε) is good to about u·|L|, so the quotient
 * is good to about u·|L|/ε, measured against max(|g|, floor). A smaller ε cuts the truncation
 * error (∝ ε²) and raises this one (∝ 1/ε): ε = 1e-5 balances the two for losses of order 1–100.
 * Rounding inside the T·H operations of the forward pass can make the real one a few hundred
 * times larger (ROUNDING_SLACK).
 */
export function roundingRelError(loss: number, eps: number, grad: number, floor: number): number {
  return (UNIT_ROUNDOFF * Math.abs(loss)) / eps / Math.max(Math.abs(grad), floor);
}

/** How far above roundingRelError a right gradient's error may still be (accumulated rounding). */
export const ROUNDING_SLACK = 1000;

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
  kernels: Kernels = DEFAULT_KERNELS,
): GradientCheckSummary {
  const sc: Scenario = {
    activation: act,
    loss,
    params: cloneParams(params),
    s0: new Float64Array(params.H),
    seq: denseSequence(seq),
  };
  // The losses on the training path of the cell, from the scenario's (perturbed) s_0.
  const ev = createEvaluator(params, act, loss, seq.T, kernels);
  const state = new Float64Array(labStateSize(params));
  const lossFn = (s: Scenario) => {
    state.set(s.s0);
    return ev.run(s.seq, state, 0, s.seq.T, s.params);
  };
  const r = gradientCheck(sc, { samples, rng, lossFn });
  const e = r.maxRelError;
  const L = lossFn(sc);
  const expected = roundingRelError(L, r.eps, r.worst.analytic, r.floor);
  // A gated cell's nonlinearities are smooth whatever the activation choice says.
  const kink =
    CELLS[cellOf(params)].hasActivation &&
    !ACTIVATIONS[act].smooth &&
    r.minAbsPreactivation < 10 * r.eps;
  const base = `Central differences with ε = ${r.eps} trade truncation (∝ ε²) against rounding (∝ 1/ε): each loss L = ${L.toPrecision(3)} is good to about u·|L| (u = 1.1e-16), so the difference is good to about u·|L|/ε, a relative error of about ${expected.toExponential(1)} for this entry, and rounding inside the forward pass can make it a few hundred times that`;
  let verdict: string;
  if (e <= ROUNDING_SLACK * expected && e < 1e-3)
    verdict = `; the worst here, ${e.toExponential(1)}, is that size: the gradients are right.`;
  else if (kink)
    verdict = `; ${e.toExponential(1)} here, but some a_t is within ${(10 * r.eps).toExponential(0)} of the kink of ${act} at 0, where differences straddle the corner.`;
  else if (e < 1e-3)
    verdict = `; ${e.toExponential(1)} here is more than rounding explains but far below the 1e-2 to 1 of a wrong term: most likely the curvature over ε (the ε² term) where units saturate.`;
  else
    verdict = `; ${e.toExponential(1)} here is too large: a term of the gradient is wrong or missing.`;
  return {
    worstRelError: e,
    where: { param: r.worst.param, row: r.worst.row, col: r.worst.col },
    analytic: r.worst.analytic,
    numeric: r.worst.numeric,
    checked: r.checked,
    expectedRelError: expected,
    reason: base + verdict,
  };
}
