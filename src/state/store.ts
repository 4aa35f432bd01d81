import { create } from 'zustand';
import { createComputeSlice, type ComputeSlice } from './slices/computeSlice';
import { createConfigSlice, type ConfigSlice } from './slices/configSlice';
import { createCursorSlice, type CursorSlice } from './slices/cursorSlice';
import { createNavSlice, type NavSlice } from './slices/navSlice';
import { createViewSlice, type ViewSlice } from './slices/viewSlice';
import { createLabSlice, type LabSlice } from './slices/labSlice';
import { createLessonSlice, type LessonSlice } from './slices/lessonSlice';

export type AppState = ConfigSlice &
  ComputeSlice &
  CursorSlice &
  ViewSlice &
  NavSlice &
  LabSlice &
  LessonSlice;

/** A new store (the app has one; tests make their own). */
export const createAppStore = () =>
  create<AppState>()((...a) => ({
    ...createConfigSlice(...a),
    ...createComputeSlice(...a),
    ...createCursorSlice(...a),
    ...createViewSlice(...a),
    ...createNavSlice(...a),
    ...createLabSlice(...a),
    ...createLessonSlice(...a),
  }));

export const useStore = createAppStore();
