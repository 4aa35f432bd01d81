import type { ScenarioJson } from '../core/scenarioSchema';
import workedExample from './presets/worked-example.json';

// Built-in scenarios with exact weights, for slides and homework. The worked example is the
// one of spec/trace-format.md, so the numbers on screen match the published trace.

export interface Preset {
  id: 'worked-example';
  title: string;
  scenario: ScenarioJson;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'worked-example',
    title: 'Worked example (H = 2, T = 3)',
    scenario: workedExample as ScenarioJson,
  },
];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
