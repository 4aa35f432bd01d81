// A labelled progress bar with the same words beside it, for the lab's long runs.

export function ProgressBar({
  label,
  done,
  total,
  valueText,
  shown,
}: {
  label: string;
  done: number;
  total: number;
  /** What a screen reader says, and (unless `shown` is given) what is shown beside the bar. */
  valueText: string;
  shown?: string;
}) {
  return (
    <div className="steps-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={valueText}
        className="bar"
      >
        <div className="fill" style={{ width: `${(100 * done) / total}%` }} />
      </div>
      <small>{shown ?? valueText}</small>
    </div>
  );
}
