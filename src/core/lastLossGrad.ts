import { ACTIVATIONS } from './activations';
import type { Params, Trace } from './types';

// How much of the last loss reaches each hidden state: ‖∂L_T/∂s_t‖ for t = T … 1. Going back
// one step multiplies by Wᵀ diag(f'(a_{t+1})), so this is where gradients vanish or explode.
// Only L_T is followed (the trace's ∂L/∂s_t adds every L_t' with t' ≥ t, which hides the decay).

/** ‖∂L_T/∂s_t‖ (Euclidean) at index t - 1, for t = 1 … T. */
export function lastLossGradNorms(tr: Trace, params: Pick<Params, 'W' | 'V'>): Float64Array {
  const { T, H, K } = tr;
  const df = ACTIVATIONS[tr.activation].df;
  const norms = new Float64Array(T);
  // g = ∂L_T/∂s_T = Vᵀ ∂L_T/∂o_T; only L_T depends on o_T, so ∂L/∂o_T is ∂L_T/∂o_T.
  let g = new Float64Array(H);
  const r = T - 1;
  for (let j = 0; j < H; j++) {
    let sum = 0;
    for (let k = 0; k < K; k++) sum += params.V[k * H + j] * tr.dL_do[r * K + k];
    g[j] = sum;
  }
  norms[r] = Math.hypot(...g);
  for (let t = T - 1; t >= 1; t--) {
    // ∂L_T/∂s_t = Wᵀ (f'(a_{t+1}) ⊙ ∂L_T/∂s_{t+1}); row t holds a_{t+1}, s_{t+1}.
    const da = g.map((v, i) => v * df(tr.a[t * H + i], tr.s[t * H + i]));
    const next = new Float64Array(H);
    for (let j = 0; j < H; j++) {
      let sum = 0;
      for (let i = 0; i < H; i++) sum += params.W[i * H + j] * da[i];
      next[j] = sum;
    }
    g = next;
    norms[t - 1] = Math.hypot(...g);
  }
  return norms;
}
