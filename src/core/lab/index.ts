// The training lab's core: choices, tasks, the run object and its diagnostics. Pure math, for
// the lab's worker and its tests.
export * from './choices';
export * from './tasks';
export * from './run';
export * from './gradientFlow';
export * from './spectral';
export * from './checkGradients';
export * from './explorerScenario';
