import type { StateCreator } from 'zustand';
import { CHOICES, type ChoiceName } from '../../core/model';
import { presetById, type PresetId } from '../../core/presets';
import { parseScenarioText, scenarioToJson, type ScenarioJson } from '../../core/scenarioSchema';
import type { UrlState } from '../url';
import type { AppState } from '../store';
import type { GoToOutcome } from './navSlice';

/** What the user chose for the model: every choice of core/model.ts. */
export type ExplorerConfig = Pick<UrlState, ChoiceName>;

export const DEFAULT_CONFIG = Object.fromEntries(
  (Object.keys(CHOICES) as ChoiceName[]).map((k) => [k, CHOICES[k].default]),
) as ExplorerConfig;

/** Where the sequence and weights come from: typed text, a built-in preset, or a file. */
export type Source =
  | { kind: 'text' }
  | { kind: 'preset'; id: PresetId }
  | { kind: 'imported'; name: string; scenario: ScenarioJson };

/** The name of the imported source that `Explore these weights` opens (the lab's weights). */
export const LAB_WEIGHTS = 'weights from the training lab';

/** Choices that say what the typed sequence and its seeded weights are. */
const TEXT_CHOICES: readonly ChoiceName[] = ['text', 'hidden', 'seed', 'cell', 'keep'];

export interface ConfigSlice {
  config: ExplorerConfig;
  source: Source;
  /** Change some choices; editing the text, H or the seed makes the typed text the source. */
  setConfig: (patch: Partial<ExplorerConfig>) => Promise<GoToOutcome>;
  /** A fresh seed, so fresh weights (the seed stays visible and editable). */
  newWeights: () => Promise<GoToOutcome>;
  loadPreset: (id: PresetId) => Promise<GoToOutcome>;
  /** Back to the sequence typed in the text box. */
  backToText: () => Promise<GoToOutcome>;
  /**
   * Validate and compute a scenario file; a file that is not valid, or whose numbers overflow,
   * is refused whole: nothing changes and the reason comes back.
   */
  importScenario: (text: string, name: string) => Promise<GoToOutcome>;
}

function randomSeed(): number {
  const a = new Uint32Array(1);
  crypto.getRandomValues(a);
  return a[0] % (CHOICES.seed.max + 1);
}

export const createConfigSlice: StateCreator<AppState, [], [], ConfigSlice> = (_set, get) => ({
  config: DEFAULT_CONFIG,
  source: { kind: 'text' },
  setConfig: (patch) => {
    // Rates one per unit fit one hidden size: with another, every unit takes the first rate.
    const keep = patch.keep ?? get().config.keep;
    const H = patch.hidden ?? get().config.hidden;
    if (keep.length !== 1 && keep.length !== H) patch = { ...patch, keep: [keep[0]] };
    const toText = TEXT_CHOICES.some((k) => patch[k] !== undefined);
    return get().goTo({ config: patch, ...(toText ? { source: { kind: 'text' } } : {}) });
  },
  newWeights: () => get().setConfig({ seed: randomSeed() }),
  loadPreset: (id) => {
    const p = presetById(id);
    if (!p) return Promise.resolve({ ok: false, error: `no preset “${id}”` });
    return get().goTo({
      source: { kind: 'preset', id },
      config: {
        act: p.scenario.activation ?? CHOICES.act.default,
        loss: p.scenario.loss ?? CHOICES.loss.default,
        cell: p.scenario.cell ?? CHOICES.cell.default,
      },
    });
  },
  backToText: () => get().goTo({ source: { kind: 'text' } }),
  importScenario: async (text, name) => {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return parsed;
    return get().goTo(
      {
        source: { kind: 'imported', name, scenario: scenarioToJson(parsed.value) },
        config: {
          act: parsed.value.activation,
          loss: parsed.value.loss,
          cell: parsed.value.params.cell ?? CHOICES.cell.default,
        },
      },
      { refuseWhole: true },
    );
  },
});
