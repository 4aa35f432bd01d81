import { Fragment } from 'react';
import { useStore } from '../../state/store';
import { announce } from '../../content/announce';
import { selectNotation } from '../../state/selectors';

/** "s_3" and "f'(a_3)" as read on screen: the index set as a subscript, the prime as ′. */
function Typeset({ text }: { text: string }) {
  const parts = text.replace(/'/g, '′').split(/([A-Za-z]+)_(\w+)/g);
  const out = [];
  for (let i = 0; i < parts.length; i += 3) {
    out.push(<Fragment key={i}>{parts[i]}</Fragment>);
    if (i + 2 < parts.length)
      out.push(
        <Fragment key={`${i}s`}>
          <var>{parts[i + 1]}</var>
          <sub>{parts[i + 2]}</sub>
        </Fragment>,
      );
  }
  return <>{out}</>;
}

/**
 * Says each step in words for screen readers (the contract's plain words, "s_3"), and shows the
 * same words as a caption for everyone, typeset (s₃, f′(a₃)) and hidden from screen readers.
 */
export function LiveRegion() {
  const result = useStore((s) => s.result);
  const cursor = useStore((s) => s.cursor);
  const status = useStore((s) => s.status);
  const notation = useStore(selectNotation);
  const text = result
    ? announce(result, cursor, notation)
    : status === 'error'
      ? ''
      : 'Computing the trace…';
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {text}
      </p>
      <p className="caption" aria-hidden="true">
        <Typeset text={text} />
      </p>
    </>
  );
}
