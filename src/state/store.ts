import { create } from 'zustand';
import { createComputeSlice, type ComputeSlice } from './slices/computeSlice';
import { createConfigSlice, type ConfigSlice } from './slices/configSlice';
import { createCursorSlice, type CursorSlice } from './slices/cursorSlice';
import { createViewSlice, type ViewSlice } from './slices/viewSlice';

export type AppState = ConfigSlice & ComputeSlice & CursorSlice & ViewSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createConfigSlice(...a),
  ...createComputeSlice(...a),
  ...createCursorSlice(...a),
  ...createViewSlice(...a),
}));
