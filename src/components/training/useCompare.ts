import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createCompareController } from '../../state/compare';

// The side-by-side comparison for the view that shows it: the store's controller
// (state/compare.ts), made once per mount and closed when the view goes.

export type { CompareSetup, CompareStatus } from '../../state/compare';

export function useCompare() {
  const [compare] = useState(() => createCompareController());
  // Leaving the lab closes the session (and stops its training).
  useEffect(() => () => compare.close(), [compare]);
  const { report, status, error, setup } = useStore(compare.store);
  return {
    report,
    status,
    error,
    setup,
    start: compare.start,
    pause: compare.pause,
    resume: compare.resume,
  };
}
