import type { StateCreator } from 'zustand';
import type { ScenarioJson } from '../../core/scenarioSchema';
import { parseScenarioText, scenarioToJson } from '../../core/scenarioSchema';
import type { ActivationName, LossName } from '../../core/types';
import { presetById } from '../../content/presets';
import type { AppState } from '../store';

export interface ExplorerConfig {
  text: string;
  hidden: number;
  act: ActivationName;
  loss: LossName;
  seed: number;
  lr: number;
}

/** Where the sequence and weights come from: typed text, a built-in preset, or a file. */
export type Source =
  | { kind: 'text' }
  | { kind: 'preset'; id: 'worked-example' }
  | { kind: 'imported'; name: string; scenario: ScenarioJson };

export interface ConfigSlice {
  config: ExplorerConfig;
  source: Source;
  setConfig: (patch: Partial<ExplorerConfig>) => void;
  /** A fresh seed, so fresh weights (the seed stays visible and editable). */
  newWeights: () => void;
  loadPreset: (id: 'worked-example') => void;
  /** Back to the sequence typed in the text box. */
  backToText: () => void;
  /** Validate a scenario file; a bad file changes nothing and returns the reason. */
  importScenario: (text: string, name: string) => { ok: true } | { ok: false; error: string };
}

export const DEFAULT_CONFIG: ExplorerConfig = {
  text: 'hello',
  hidden: 3,
  act: 'tanh',
  loss: 'cross-entropy',
  seed: 1,
  lr: 0.1,
};

function randomSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0] % 2 ** 31;
}

export const createConfigSlice: StateCreator<AppState, [], [], ConfigSlice> = (set, get) => ({
  config: DEFAULT_CONFIG,
  source: { kind: 'text' },
  setConfig: (patch) => {
    const s = get();
    // Editing the text or the shape of the net means the typed sequence is the source again.
    const backToText =
      patch.text !== undefined || patch.hidden !== undefined || patch.seed !== undefined;
    set({
      config: { ...s.config, ...patch },
      source: backToText ? { kind: 'text' } : s.source,
    });
    get().recompute();
  },
  newWeights: () => get().setConfig({ seed: randomSeed() }),
  loadPreset: (id) => {
    const p = presetById(id);
    if (!p) return;
    set({
      source: { kind: 'preset', id },
      config: {
        ...get().config,
        act: p.scenario.activation ?? 'tanh',
        loss: p.scenario.loss ?? 'cross-entropy',
      },
    });
    get().recompute();
  },
  backToText: () => {
    set({ source: { kind: 'text' } });
    get().recompute();
  },
  importScenario: (text, name) => {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return parsed;
    const scenario = scenarioToJson(parsed.value);
    set({
      source: { kind: 'imported', name, scenario },
      config: { ...get().config, act: parsed.value.activation, loss: parsed.value.loss },
    });
    get().recompute();
    return { ok: true };
  },
});
