import { LIMITS } from '../model';
import { cloneParams } from '../params';
import { parseScenario, scenarioToJson, type ScenarioJson } from '../scenarioSchema';
import { denseSequence } from './checkGradients';
import { COPY_SYMBOLS } from './tasks';
import type { LabRun } from './run';

// "Explore these weights": the run's first held-out sequence (text: its first window) with the
// trained weights, as a scenario the explorer can open. The explorer draws every unit and step,
// so its limits (LIMITS) apply; a run beyond them gets the reason instead.

export type LabScenarioResult = { ok: true; value: ScenarioJson } | { ok: false; error: string };

/** Why the explorer cannot show this run's weights, or null when it can. */
export function explorerLimitError(run: LabRun): string | null {
  const c = run.choices();
  const { D, K, T } = run.task;
  const over: string[] = [];
  if (c.hidden > LIMITS.H.max)
    over.push(`${c.hidden} hidden units (it shows at most ${LIMITS.H.max})`);
  if (T > LIMITS.T.max) over.push(`${T} steps (at most ${LIMITS.T.max})`);
  if (D > LIMITS.D.max || K > LIMITS.K.max)
    over.push(`${Math.max(D, K)} symbols (at most ${LIMITS.D.max})`);
  return over.length ? `The explorer draws every unit: this run has ${over.join(', ')}.` : null;
}

export function explorerScenario(run: LabRun): LabScenarioResult {
  const limit = explorerLimitError(run);
  if (limit) return { ok: false, error: limit };
  const task = run.task;
  const seq = denseSequence(run.firstSequence());
  let notes = `Trained in the lab: ${task.name} task, the first ${task.name === 'text' ? 'window of the text' : 'held-out sequence'}.`;
  if (task.name === 'copy') {
    // The first k steps have nothing to copy yet (no target, no loss in the lab); the explorer
    // needs a distribution at every step, so they get the uniform one.
    for (let t = 0; t < Math.min(task.delay, seq.T); t++)
      seq.targets.fill(1 / COPY_SYMBOLS, t * seq.K, (t + 1) * seq.K);
    notes += ` Its first ${task.delay} targets are uniform: there is nothing to copy yet.`;
  }
  const symbols =
    task.vocab?.chars ??
    (task.name === 'copy'
      ? Array.from({ length: COPY_SYMBOLS }, (_, i) => String.fromCharCode(65 + i))
      : task.name === 'parity'
        ? ['0', '1']
        : undefined);
  const json = scenarioToJson({
    activation: run.choices().act,
    loss: task.loss,
    params: cloneParams(run.params()),
    s0: new Float64Array(run.choices().hidden),
    seq,
    ...(symbols ? { symbols } : {}),
    notes,
  });
  // The explorer parses it again; a scenario it would refuse is refused here, with its reason.
  const parsed = parseScenario(json);
  return parsed.ok ? { ok: true, value: json } : parsed;
}
