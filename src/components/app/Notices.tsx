import { useStore } from '../../state/store';

/** Dismissible notices: a URL value that was refused and replaced by its default, and the like. */
export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="region" aria-label="Notices">
      {notices.map((n, i) => (
        <p key={`${i}-${n}`} className="notice">
          <span>{n}</span>
          <button type="button" onClick={() => dismiss(i)} aria-label={`Dismiss notice: ${n}`}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
