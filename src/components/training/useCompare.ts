import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabChoices } from '../../core/lab/choices';
import type { CellName } from '../../core/model';
import { isCancelled, type Session } from '../../worker/client';
import type { CompareReport } from '../../worker/compare';
import { appWorker } from '../../worker/explorer';

// The side-by-side comparison's session on the app's worker (worker/compare.ts), polled like
// the lab's: each `train` call trains both runs for about REPORT_MS and answers with a report.

const REPORT_MS = 200;

export type CompareStatus = 'idle' | 'running' | 'paused' | 'done';

export interface CompareSetup {
  choices: LabChoices;
  cells: readonly CellName[];
  budget: number;
}

export function useCompare() {
  const [report, setReport] = useState<CompareReport | null>(null);
  const [status, setStatus] = useState<CompareStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const [setup, setSetup] = useState<CompareSetup | null>(null);
  const session = useRef<Session<'compare'> | null>(null);
  const running = useRef(false);

  const loop = useCallback(async (s: Session<'compare'>) => {
    running.current = true;
    setStatus('running');
    try {
      while (running.current && session.current === s) {
        const r = await s.request('train', { ms: REPORT_MS });
        if (session.current !== s) return;
        setReport(r);
        if (r.done) {
          running.current = false;
          setStatus('done');
          return;
        }
      }
    } catch (e) {
      if (isCancelled(e) || session.current !== s) return;
      running.current = false;
      setStatus('paused');
      setError(`The comparison stopped: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, []);

  const start = useCallback(
    (next: CompareSetup) => {
      session.current?.close();
      const s = appWorker().openSession('compare', next);
      session.current = s;
      setSetup(next);
      setReport(null);
      setError(null);
      void loop(s);
    },
    [loop],
  );

  const pause = useCallback(() => {
    running.current = false;
    setStatus('paused');
  }, []);

  const resume = useCallback(() => {
    if (session.current) void loop(session.current);
  }, [loop]);

  // Leaving the lab closes the session (and stops its training).
  useEffect(
    () => () => {
      running.current = false;
      session.current?.close();
      session.current = null;
    },
    [],
  );

  return { report, status, error, setup, start, pause, resume };
}
