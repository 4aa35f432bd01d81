import type { ScenarioJson } from './scenarioSchema';
import workedExample from './presets/worked-example.json' with { type: 'json' };

// Built-in scenarios with exact weights, for slides and homework. The worked example is the
// one of spec/trace-format.md, so the numbers on screen match the published trace.

export const PRESET_IDS = ['worked-example'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface Preset {
  id: PresetId;
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

export function presetById(id: PresetId): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
