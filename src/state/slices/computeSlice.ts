import type { StateCreator } from 'zustand';
import type { ExploreResult } from '../../core/explore';
import type { AppState } from '../store';

// The latest trace and how its computation went. Only goTo (navSlice.ts) writes here.

export interface ComputeSlice {
  status: 'idle' | 'computing' | 'ready' | 'error';
  result: ExploreResult | null;
  /** Why the last change could not be applied; the last good result stays. */
  error: string | null;
  requestId: number;
}

export const createComputeSlice: StateCreator<AppState, [], [], ComputeSlice> = () => ({
  status: 'idle',
  result: null,
  error: null,
  requestId: 0,
});
