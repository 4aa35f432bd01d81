import { computeTrace, overflowError } from './trace';
import { parseScenario, type ScenarioJson } from './scenarioSchema';
import { makeCharScenario } from './encoding';
import { mapParams } from './params';
import type {
  ActivationName,
  CellName,
  LossName,
  ParamName,
  Params,
  Scenario,
  Trace,
} from './types';
import { CELLS, cellOf } from './model';

// What the explorer asks of the core for one picture: build the scenario (from text or from a
// validated scenario file), run forward + BPTT, and apply one gradient step, so that every
// cursor position, including `update`, is ready before the user steps to it.

export type ExploreRequest =
  | {
      kind: 'text';
      text: string;
      hidden: number;
      activation: ActivationName;
      loss: LossName;
      seed: number;
      lr: number;
      /** The cell; absent means the vanilla one. */
      cell?: CellName;
      /** Leaky units' keep rates (one for all, or one per unit); only for a cell with keep. */
      keep?: readonly number[];
    }
  | {
      kind: 'scenario';
      scenario: ScenarioJson;
      /**
       * The activation and loss chosen in the app, in place of the file's own (a gated file
       * keeps its fixed nonlinearities: the activation is not passed on). The file's cell rules.
       */
      activation?: ActivationName;
      loss?: LossName;
      lr: number;
    };

export interface ExploreResult {
  scenario: Scenario;
  /** The symbol of each one-hot input/output unit (the vocabulary), or null for real-valued data. */
  labels: string[] | null;
  trace: Trace;
  /** After θ ← θ − α∇L: the new parameters and the loss of the same sequence under them. */
  updated: { lr: number; params: Params; loss: number; losses: Float64Array };
}

export type ExploreResponse = { ok: true; value: ExploreResult } | { ok: false; error: string };

/** θ − α g for every parameter: gradient *descent*, hence the minus sign. */
export function descend(p: Params, g: Record<ParamName, Float64Array>, lr: number): Params {
  return mapParams(p, (n) => p[n].map((v, i) => v - lr * g[n][i]));
}

export function explore(req: ExploreRequest): ExploreResponse {
  let scenario: Scenario;
  let labels: string[] | null = null;
  if (req.kind === 'text') {
    const made = makeCharScenario(req);
    if (!made.ok) return made;
    labels = made.value.vocab.chars;
    // Named, so an exported file still reads as letters when imported again.
    scenario = { ...made.value.scenario, symbols: labels };
  } else {
    const { activation, loss } = req;
    const fileCell = cellOf(req.scenario);
    const parsed = parseScenario({
      ...req.scenario,
      ...(activation && CELLS[fileCell].hasActivation ? { activation } : {}),
      ...(loss ? { loss } : {}),
    });
    if (!parsed.ok) return parsed;
    scenario = parsed.value;
    // The schema has checked that symbols name the D = K one-hot positions.
    labels = scenario.symbols ? [...scenario.symbols] : null;
  }
  const trace = computeTrace(scenario);
  const overflow = overflowError(trace);
  if (overflow) return { ok: false, error: overflow };
  const params = descend(scenario.params, trace.grads, req.lr);
  const after = computeTrace({ ...scenario, params });
  return {
    ok: true,
    value: {
      scenario,
      labels,
      trace,
      updated: { lr: req.lr, params, loss: after.loss, losses: after.losses },
    },
  };
}
