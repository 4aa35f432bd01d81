import type { Divergence } from '../../core/lab';
import { LAB_CHOICES } from '../../core/lab/choices';
import type { CellName } from '../../core/model';
import { fmt } from '../../content/format';
import { useStore } from '../../state/store';
import { GRAD_BY_TIME_WHY } from './gradByTimeWhy';

// Training blew up, to NaN or Infinity or to a finite loss far above any sane one: it has
// paused. Say what happened with the run's own numbers, what most likely caused it (the
// truncation, the history of ‖g‖, the learning rate and the clipping), and offer the three
// recoveries.

const SUP: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** 3 significant digits, powers of ten written as such: 1.51 × 10⁵¹. */
function num(v: number): string {
  const s = fmt(v);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const exp = String(Number(m[2]));
  return `${m[1]} × 10${[...exp].map((ch) => SUP[ch]).join('')}`;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function whatHappened(d: Divergence): string {
  // The iteration counter shows those done: this is the next one.
  const done = d.iteration - 1;
  const when = `Iteration ${d.iteration} (after ${done === 0 ? 'none' : done} done)`;
  if (d.finite) {
    const f = d.finite;
    const yardstick =
      f.reference === f.chance
        ? `the loss of a blind guess (${num(f.chance)} per step)`
        : `the first iteration’s ${num(f.reference)}`;
    const zeros =
      f.zeroGradSteps > 0
        ? ` Its units are saturated: at ${f.zeroGradSteps} of the ${f.steps} states before the last (t = 0 to ${f.steps - 1}) the last loss’s gradient is exactly 0 (the slope f′ rounds to 0), so nothing reaches them and the chart “How much of the last loss reaches each step” is empty there.`
        : '';
    return `${when} took the loss to ${num(d.value)} per step, ${num(f.growth)} times ${yardstick}. Nothing became NaN or infinite, so training could go on, but it is not learning any more.${zeros}`;
  }
  const what =
    d.quantity === 'weights' ? `the weights ${d.param} (entry ${d.index})` : `the ${d.quantity}`;
  return `${when}: ${what} became ${d.value}.`;
}

function likelyCause(d: Divergence, cell: CellName): string {
  const factor = GRAD_BY_TIME_WHY[cell].factor;
  const c = d.cause;
  if (!c) return '';
  if (c.kind === 'no-time-steps')
    return `With truncation 1 the gradient takes no step back through time, so this is not an exploding gradient through time: the learning rate α = ${d.lr} made the updates too long for this loss.`;
  const capped = d.clip === 'norm' && c.from > d.clipAt;
  const sgdStep =
    d.opt !== 'sgd' || !Number.isFinite(c.from) || d.clip === 'value'
      ? ''
      : capped
        ? ` At ‖g‖ = ${num(c.from)}, clipped to ${d.clipAt}, one SGD step already moves the weights by α × ${d.clipAt} = ${num(d.lr * d.clipAt)}.`
        : ` At ‖g‖ = ${num(c.from)} one SGD step already moves the weights by α·‖g‖ = ${d.lr} × ${num(c.from)} = ${num(d.lr * c.from)}.`;
  if (c.kind === 'exploding')
    return `‖g‖ grew from ${num(c.from)} to ${num(c.to)} in ${plural(c.over, 'iteration')}: an exploding gradient. Each step back through time multiplies the gradient by ${factor}; with large weights these factors stretch it at every step back, and each update at α = ${d.lr} made the weights larger still.${sgdStep}`;
  return `‖g‖ stayed between ${num(c.from)} and ${num(c.to)}, so the gradient did not explode: the learning rate α = ${d.lr} is too large for this loss, and each update overshoots.${sgdStep}`;
}

function clipping(d: Divergence): string {
  if (d.clip === 'off') return 'No clipping was on.';
  if (d.clip === 'norm')
    return `Clipping by global norm at ${d.clipAt} was on, so no update used a gradient longer than ${d.clipAt}; what was too long is the step α times that${d.clipAt === LAB_CHOICES.clipAt.default ? ', and “Turn clipping on” would set the same clipping again: lower the learning rate' : ''}.`;
  return `Clipping by value at ${d.clipAt} was on: it caps each entry of the gradient (and so turns its direction), and the update was still too long.`;
}

function kept(d: Divergence): string {
  // lastGoodIteration iterations were done when the kept weights were saved: they are the
  // weights iteration n + 1 started from, the latest that gave a sane loss.
  const first = d.lastGoodIteration + 1;
  const which = `those iteration ${first} started from${first === 1 ? ' (the starting weights)' : ''}, the latest that gave a sane loss`;
  const after =
    first >= d.iteration
      ? `; an update within iteration ${first} broke them`
      : first === d.iteration - 1
        ? `; the update at the end of iteration ${first} is what broke them`
        : `; iterations ${first + 1}${first + 1 < d.iteration - 1 ? ` to ${d.iteration - 1}` : ''} already ran far too high`;
  return `Training has paused. The last good weights are kept: ${which}${after}.`;
}

export function DivergenceAlert() {
  const d = useStore((s) => s.labDivergence);
  const cell = useStore((s) => s.labChoices.cell);
  const recover = useStore((s) => s.labRecover);
  if (!d) return null;
  return (
    <div role="alert" className="lab-alert" data-divergence={d.finite ? 'finite' : 'non-finite'}>
      <h3>Training stopped: {d.finite ? 'the loss blew up' : 'the numbers blew up'}</h3>
      <p>{whatHappened(d)}</p>
      <p>
        {likelyCause(d, cell)} {clipping(d)}
      </p>
      <p>{kept(d)}</p>
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
