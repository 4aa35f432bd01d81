import { useStore } from '../../state/store';

// Training met NaN or Infinity: it has paused; say what happened in plain words and offer the
// three recoveries.

export function DivergenceAlert() {
  const d = useStore((s) => s.labDivergence);
  const recover = useStore((s) => s.labRecover);
  if (!d) return null;
  return (
    <div role="alert" className="lab-alert">
      <h3>Training stopped: the numbers blew up</h3>
      <p>{d.message}</p>
      <p>
        This is an exploding gradient: each step back through time multiplies the gradient by W and
        the slope of the activation, and with a learning rate this high (or no clipping) one update
        made the weights so large that the loss overflowed. Training has paused; the last good
        weights (from iteration {d.lastGoodIteration}) are kept.
      </p>
      <div className="inline">
        <button type="button" onClick={() => void recover('restore')}>
          Restore last good weights
        </button>
        <button type="button" onClick={() => void recover('lower')}>
          Lower the learning rate
        </button>
        <button type="button" onClick={() => void recover('clip')}>
          Turn clipping on
        </button>
      </div>
    </div>
  );
}
