import { NOTATIONS } from '../../core/model';
import { selectNotation } from '../../state/selectors';
import { useStore } from '../../state/store';
import { WEIGHT_VAR } from '../encoding';

/** Under the folded cell: one cell, the same weights at every step (in the chosen notation). */
export function FoldedCaption({ T }: { T: number }) {
  const decl = NOTATIONS[useStore(selectNotation)];
  const w = (p: 'U' | 'W' | 'V') => (
    <span className="gs-wname" style={{ color: WEIGHT_VAR[p] }}>
      {decl.params[p].text}
    </span>
  );
  return (
    <p className="gs-caption">
      One cell, applied at every step with the same {w('U')}, {w('W')} and {w('V')}: {decl.state}
      <sub>t</sub> depends on {decl.state}
      <sub>t−1</sub> through the loop {w('W')}. Unroll it to see all {T || 'the'} steps side by
      side.
    </p>
  );
}
