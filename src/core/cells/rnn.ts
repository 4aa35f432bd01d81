import type { CellSteps } from './types';
import { computeVanillaTrace } from './vanillaTrace';

/** The vanilla RNN: a_t = b + W s_{t-1} + U x_t, s_t = f(a_t). */
export const rnnCell: CellSteps = { trace: computeVanillaTrace, extraRows: () => ({}) };
