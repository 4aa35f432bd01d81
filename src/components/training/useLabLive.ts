import { useStore } from 'zustand';
import { labLive, type LabLive } from '../../state/labLive';

/** Read the lab's transient store: only the widget that reads re-renders on a report. */
export const useLabLive = <T>(selector: (s: LabLive) => T): T => useStore(labLive, selector);
