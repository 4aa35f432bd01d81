import { useEffect, useState } from 'react';

/**
 * The value, but updated only after the browser has painted the frame in which it changed.
 * Heavy panels (KaTeX, heatmaps) follow the cursor this way, so a step reaches the screen in
 * the graph and the transport first and the panels catch up a frame later. (useDeferredValue
 * does not promise that: its render may still run before the paint.)
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // rAF runs just before the next paint; a task queued from it runs after that paint.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
