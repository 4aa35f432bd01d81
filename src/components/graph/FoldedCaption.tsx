import { WEIGHT_VAR } from '../encoding';

/** Under the folded cell: one cell, the same weights at every step. */
export function FoldedCaption({ T }: { T: number }) {
  return (
    <p className="gs-caption">
      One cell, applied at every step with the same{' '}
      <span className="gs-wname" style={{ color: WEIGHT_VAR.U }}>
        U
      </span>
      ,{' '}
      <span className="gs-wname" style={{ color: WEIGHT_VAR.W }}>
        W
      </span>{' '}
      and{' '}
      <span className="gs-wname" style={{ color: WEIGHT_VAR.V }}>
        V
      </span>
      : s<sub>t</sub> depends on s<sub>t−1</sub> through the loop{' '}
      <span className="gs-wname" style={{ color: WEIGHT_VAR.W }}>
        W
      </span>
      . Unroll it to see all {T || 'the'} steps side by side.
    </p>
  );
}
