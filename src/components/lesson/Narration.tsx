import { memo, useMemo } from 'react';
import { narrate } from '../../content/lesson/narrate';
import type { Notation } from '../../content/notation';
import { Tex } from '../equations/Tex';

/** Lesson text with inline maths, every symbol in the chosen notation. */
export const Narration = memo(function Narration({ source, n }: { source: string; n: Notation }) {
  const parts = useMemo(() => narrate(source, n), [source, n]);
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'text' ? <span key={i}>{p.text}</span> : <Tex key={i} tex={p.tex} />,
      )}
    </>
  );
});
