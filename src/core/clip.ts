// Gradient clipping, the usual guard against exploding gradients in BPTT. Both act in place
// on a list of tensors (paramTensors order) and allocate nothing, for the training loop.

/** ‖g‖ over all tensors together, as if they were one long vector. */
export function globalNorm(tensors: readonly Float64Array[]): number {
  let sumSq = 0;
  for (let p = 0; p < tensors.length; p++) sumSq += sumOfSquares(tensors[p]);
  return Math.sqrt(sumSq);
}

/** Σ x_i², with four partial sums so the additions do not wait on one another. */
function sumOfSquares(x: Float64Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = x.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += x[i] * x[i];
    s1 += x[i + 1] * x[i + 1];
    s2 += x[i + 2] * x[i + 2];
    s3 += x[i + 3] * x[i + 3];
  }
  for (; i < n; i++) s0 += x[i] * x[i];
  return s0 + s1 + (s2 + s3);
}

/**
 * Clamp every entry to [−c, c] in place, as min-char-rnn's np.clip(dparam, -5, 5, out=dparam).
 * Returns how many entries were clipped. NaN stays NaN, as with np.clip.
 */
export function clipElementwise(tensors: readonly Float64Array[], c: number): number {
  if (!(c >= 0)) throw new Error(`clip value must be >= 0, got ${c}`);
  let clipped = 0;
  for (let p = 0; p < tensors.length; p++) {
    const x = tensors[p];
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (v > c) {
        x[i] = c;
        clipped++;
      } else if (v < -c) {
        x[i] = -c;
        clipped++;
      }
    }
  }
  return clipped;
}

/**
 * Rescale all tensors together by maxNorm / ‖g‖ when ‖g‖ > maxNorm, keeping the direction of
 * the gradient (unlike element-wise clipping). Returns ‖g‖ before clipping.
 */
export function clipByGlobalNorm(tensors: readonly Float64Array[], maxNorm: number): number {
  if (!(maxNorm > 0)) throw new Error(`maxNorm must be > 0, got ${maxNorm}`);
  const norm = globalNorm(tensors);
  if (norm > maxNorm) {
    const scale = maxNorm / norm;
    for (let p = 0; p < tensors.length; p++) {
      const x = tensors[p];
      for (let i = 0; i < x.length; i++) x[i] *= scale;
    }
  }
  return norm;
}

/** How a training loop clips: not at all, entry by entry, or by the global norm. */
export type ClipConfig =
  { kind: 'none' } | { kind: 'value'; value: number } | { kind: 'norm'; maxNorm: number };

/** Apply a ClipConfig in place; returns ‖g‖ before clipping (the training lab plots it). */
export function applyClip(tensors: readonly Float64Array[], clip: ClipConfig): number {
  switch (clip.kind) {
    case 'none':
      return globalNorm(tensors);
    case 'value': {
      const norm = globalNorm(tensors);
      clipElementwise(tensors, clip.value);
      return norm;
    }
    case 'norm':
      return clipByGlobalNorm(tensors, clip.maxNorm);
  }
}
