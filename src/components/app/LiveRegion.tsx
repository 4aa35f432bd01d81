import { useStore } from '../../state/store';
import { announce } from '../../content/announce';

/** Says each step in words for screen readers (and shows it as a caption for everyone). */
export function LiveRegion() {
  const result = useStore((s) => s.result);
  const cursor = useStore((s) => s.cursor);
  const status = useStore((s) => s.status);
  const text = result ? announce(result, cursor) : status === 'error' ? '' : 'Computing the trace…';
  return (
    <p className="caption" role="status" aria-live="polite" data-testid="announcer">
      {text}
    </p>
  );
}
