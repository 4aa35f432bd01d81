import { CHOICES, NOTATIONS, type NotationName } from '../core/model';
import { traceToJson } from '../core/traceJson';
import type { Trace } from '../core/types';

// The trace as a file: the one serializer of trace-format.md (core/traceJson.ts), written
// the same way by `npm run -s trace` and by the app's `Export trace`, so both files are equal.
// The keys stay U, W, V, b, c under every notation (they are the format's); under another
// notation an extra `notation` key says how the app names them.

export function traceJsonText(trace: Trace, notation: NotationName = CHOICES.notation.default) {
  const json = traceToJson(trace);
  const decl = NOTATIONS[notation];
  const out =
    notation === CHOICES.notation.default
      ? json
      : {
          ...json,
          notation: {
            name: notation,
            state: decl.state,
            params: Object.fromEntries(Object.entries(decl.params).map(([k, v]) => [k, v.text])),
          },
        };
  return `${JSON.stringify(out, null, 2)}\n`;
}
