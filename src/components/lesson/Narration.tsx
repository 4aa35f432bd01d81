import { memo, useMemo } from 'react';
import { glueRuns, narrate, type NarrationPart } from '../../content/lesson/narrate';
import type { Notation } from '../../content/notation';
import { Tex } from '../equations/Tex';

/** Lesson text with inline maths, every symbol in the chosen notation. */
export const Narration = memo(function Narration({ source, n }: { source: string; n: Notation }) {
  const runs = useMemo(() => glueRuns(narrate(source, n)), [source, n]);
  const part = (p: NarrationPart, i: number) =>
    p.kind === 'text' ? <span key={i}>{p.text}</span> : <Tex key={i} tex={p.tex} />;
  return (
    <>
      {runs.map((r, i) =>
        r.keep ? (
          <span key={i} className="nowrap">
            {r.parts.map(part)}
          </span>
        ) : (
          part(r.parts[0], i)
        ),
      )}
    </>
  );
});
