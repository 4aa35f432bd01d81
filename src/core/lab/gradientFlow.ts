import { activation } from '../activations';
import { lossStep } from '../losses';
import type { ActivationName, LossName, Params } from '../types';
import type { TrainSequence } from '../train';
import { spectralNorm } from './spectral';

/**
 * How much of the LAST loss L_T alone still reaches each earlier hidden state, and the
 * products of Jacobians that decide it: why gradients vanish or explode.
 *
 * Index convention (spec/trace-format.md): steps t = 1..T, s_0 the state before step 1,
 *   a_t = b + W s_{t-1} + U x_t,  s_t = f(a_t),  o_t = c + V s_t.
 * Since ∂s_k/∂s_{k-1} = diag(f'(a_k)) W, the chain rule gives, for 0 ≤ t ≤ T,
 *   ∂L_T/∂s_t = P_t ∂L_T/∂s_T,  with  P_t = Wᵀ diag(f'(a_{t+1})) · Wᵀ diag(f'(a_{t+2})) ⋯
 *                                          Wᵀ diag(f'(a_T))   (T − t factors; P_T = I),
 *   ∂L_T/∂s_T = Vᵀ ∂L_T/∂o_T.
 * P_t is (∂s_T/∂s_t)ᵀ. For leaky units (params.keep), s_k = keep ⊙ s_{k-1} + (1 − keep) ⊙ f(a_k),
 * so each factor is diag(keep) + Wᵀ diag((1 − keep) ⊙ f'(a_k)) instead. gradNorm[t] = ‖∂L_T/∂s_t‖₂ and jacobianNorm[t] = ‖P_t‖₂ (its largest
 * singular value: the most any direction of ∂L_T/∂s_T can be stretched on its way back to s_t).
 * The vector is computed as computeTrace computes ∂L/∂s_t for a sequence whose losses before
 * T are zero, in the same order of additions.
 */
export interface GradientFlow {
  T: number;
  /** ‖∂L_T/∂s_t‖₂ for t = 0..T (entry 0 is s_0). */
  gradNorm: Float64Array;
  /** ‖P_t‖₂ for t = 0..T (entry T is ‖I‖₂ = 1); NaN before T when not asked for. */
  jacobianNorm: Float64Array;
  /** L_T. */
  lossT: number;
  /** ∂L_T/∂s_t, row t for t = 0..T ((T + 1) x H). */
  dLT_ds: Float64Array;
  /** An LSTM's ‖∂L_T/∂m_t‖₂ for t = 0..T (lab/cellSession.ts); absent otherwise. */
  cellGradNorm?: Float64Array | null;
}

export function gradientFlow(
  params: Params,
  act: ActivationName,
  loss: LossName,
  seq: TrainSequence,
  s0: Float64Array = new Float64Array(params.H),
  /** Also ‖P_t‖₂: O(T·H³) plus a power iteration per step, too slow to redo ten times a second. */
  withJacobian = true,
): GradientFlow {
  const { H, D, K, U, W, V, b, c, keep } = params;
  const { T } = seq;
  if (T < 1) throw new Error('gradientFlow needs at least one step');
  // ∂s_t/∂a_t: f'(a_t), times (1 − keep) for leaky units, whose f(a_t) is kept apart from s_t.
  const fa = keep ? new Float64Array((T + 1) * H) : null;
  const slope = (t: number, m: number) =>
    keep && fa
      ? (1 - keep[m]) * f.df(a[(t - 1) * H + m], fa[t * H + m])
      : f.df(a[(t - 1) * H + m], s[t * H + m]);
  if (seq.D !== D || seq.K !== K) throw new Error('the sequence does not fit the parameters');
  const f = activation(act);
  // Forward, as computeTrace: acc = b_i, + Σ_j W_ij s_{t-1,j}, + Σ_d U_id x_td.
  const a = new Float64Array(T * H);
  const s = new Float64Array((T + 1) * H); // row t is s_t, row 0 is s_0
  s.set(s0);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < H; i++) {
      let acc = b[i];
      for (let j = 0; j < H; j++) acc += W[i * H + j] * s[t * H + j];
      if (seq.inputIndex) {
        const hot = seq.inputIndex[t];
        // computeTrace adds U_id · x_td for every d; only the hot one is not 0.
        for (let d = 0; d < D; d++) acc += U[i * D + d] * (d === hot ? 1 : 0);
      } else {
        for (let d = 0; d < D; d++) acc += U[i * D + d] * seq.inputs![t * D + d];
      }
      a[t * H + i] = acc;
      if (keep && fa) {
        fa[(t + 1) * H + i] = f.f(acc);
        s[(t + 1) * H + i] = keep[i] * s[t * H + i] + (1 - keep[i]) * fa[(t + 1) * H + i];
      } else s[(t + 1) * H + i] = f.f(acc);
    }
  }
  // The last output and its loss alone.
  const o = new Float64Array(K);
  const last = T * H;
  for (let k = 0; k < K; k++) {
    let acc = c[k];
    for (let i = 0; i < H; i++) acc += V[k * H + i] * s[last + i];
    o[k] = acc;
  }
  const y = new Float64Array(K);
  if (seq.targetIndex) y[seq.targetIndex[T - 1]] = 1;
  else y.set(seq.targets!.subarray((T - 1) * K, T * K));
  const yhat = new Float64Array(K);
  const dL_do = new Float64Array(K);
  const lossT = lossStep(loss)(o, 0, y, 0, K, yhat, dL_do, 0);

  // Backward: ∂L_T/∂s_T = Vᵀ ∂L_T/∂o_T; ∂L_T/∂s_{t-1} = Wᵀ (f'(a_t) ⊙ ∂L_T/∂s_t).
  const g = new Float64Array((T + 1) * H);
  for (let i = 0; i < H; i++) {
    let out = 0;
    for (let k = 0; k < K; k++) out += V[k * H + i] * dL_do[k];
    g[last + i] = out;
  }
  const da = new Float64Array(H);
  for (let t = T; t >= 1; t--) {
    for (let m = 0; m < H; m++) da[m] = slope(t, m) * g[t * H + m];
    for (let i = 0; i < H; i++) {
      let next = 0;
      for (let j = 0; j < H; j++) next += W[j * H + i] * da[j];
      // Leaky units: and along the kept share, as computeTrace adds it.
      if (keep) next += keep[i] * g[t * H + i];
      // computeTrace adds the output term (0 here) first: 0 + next = next, exactly.
      g[(t - 1) * H + i] = next;
    }
  }
  const gradNorm = new Float64Array(T + 1);
  for (let t = 0; t <= T; t++) {
    let ss = 0;
    for (let i = 0; i < H; i++) ss += g[t * H + i] ** 2;
    gradNorm[t] = Math.sqrt(ss);
  }

  // P_T = I; P_{t-1} = Wᵀ diag(f'(a_t)) P_t, i.e. P_{t-1}[i][j] = Σ_m W_mi f'(a_t)_m P_t[m][j].
  const jacobianNorm = new Float64Array(T + 1);
  let P = new Float64Array(H * H);
  for (let i = 0; i < H; i++) P[i * H + i] = 1;
  let Q = new Float64Array(H * H);
  const fp = new Float64Array(H);
  jacobianNorm[T] = 1;
  if (!withJacobian) {
    jacobianNorm.fill(NaN, 0, T);
    return { T, gradNorm, jacobianNorm, lossT, dLT_ds: g };
  }
  const opts = { maxIter: 300, tol: 1e-9 };
  for (let t = T; t >= 1; t--) {
    for (let m = 0; m < H; m++) fp[m] = slope(t, m);
    Q.fill(0);
    // Leaky units: the diag(keep) part of the factor.
    if (keep)
      for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) Q[i * H + j] = keep[i] * P[i * H + j];
    for (let m = 0; m < H; m++) {
      for (let i = 0; i < H; i++) {
        const w = W[m * H + i] * fp[m];
        if (w === 0) continue;
        const qi = i * H;
        const pm = m * H;
        for (let j = 0; j < H; j++) Q[qi + j] += w * P[pm + j];
      }
    }
    [P, Q] = [Q, P];
    jacobianNorm[t - 1] = spectralNorm(P, H, opts);
  }
  return { T, gradNorm, jacobianNorm, lossT, dLT_ds: g };
}
