import { parseScenario, scenarioToJson, type ScenarioJson } from '../../core/scenarioSchema';
import { sessionStorageOrNull } from './environment';

// An imported scenario (a file, or the training lab's weights) does not fit in the URL. It is
// kept in this tab's sessionStorage beside the URL it was last shown at, so a reload of that
// URL opens it again; a link opened anywhere else has only the URL, so the seeded weights
// (the explorer says so beside the imported weights). The text read back is validated whole,
// as an imported file is; storage refused (a sandboxed frame) or full answers false.

const SEARCH_KEY = 'unrolled.imported.search';
const SCENARIO_KEY = 'unrolled.imported.scenario';

export interface KeptImport {
  name: string;
  scenario: ScenarioJson;
}

const storage = sessionStorageOrNull;

/** The scenario last kept; only its URL changes as the student steps (cheap to write). */
let keptScenario: ScenarioJson | null = null;

/** Keep this imported scenario for a reload of `search`; false when the tab will not keep it. */
export function keepImport(search: string, kept: KeptImport): boolean {
  const store = storage();
  if (!store) return false;
  try {
    if (kept.scenario !== keptScenario) {
      store.setItem(SCENARIO_KEY, JSON.stringify({ name: kept.name, scenario: kept.scenario }));
      keptScenario = kept.scenario;
    }
    store.setItem(SEARCH_KEY, search);
    return true;
  } catch {
    keptScenario = null;
    return false;
  }
}

/** The imported scenario kept for a reload of exactly this URL, validated; null otherwise. */
export function keptImportFor(search: string): KeptImport | null {
  const store = storage();
  if (!store) return null;
  try {
    if (store.getItem(SEARCH_KEY) !== search) return null;
    const text = store.getItem(SCENARIO_KEY);
    if (!text) return null;
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { name, scenario } = value as { name?: unknown; scenario?: unknown };
    if (typeof name !== 'string' || name.length > 200) return null;
    const parsed = parseScenario(scenario);
    return parsed.ok ? { name, scenario: scenarioToJson(parsed.value) } : null;
  } catch {
    return null;
  }
}
