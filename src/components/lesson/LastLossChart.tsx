import { useMemo } from 'react';
import { lastLossGradNorms } from '../../core/lastLossGrad';
import type { Params, Trace } from '../../core/types';
import { NormBars } from './NormBars';

// ‖∂L_T/∂s_t‖ against t (step 12): how much of the last loss gets back to each hidden state.

export function LastLossChart({
  trace,
  params,
  cursor,
  state,
}: {
  trace: Trace;
  params: Pick<Params, 'W' | 'V'>;
  cursor: number;
  /** The hidden state's letter of the notation. */
  state: string;
}) {
  const norms = useMemo(() => lastLossGradNorms(trace, params), [trace, params]);
  const { T } = trace;
  return (
    <NormBars
      norms={norms}
      cursor={cursor}
      label={`‖∂L_${T}/∂${state}_t‖`}
      chart="last-loss-grad"
      caption={
        <>
          ‖∂L<sub>{T}</sub>/∂{state}
          <sub>t</sub>‖: how much of the last loss reaches each hidden state.
        </>
      }
    />
  );
}
