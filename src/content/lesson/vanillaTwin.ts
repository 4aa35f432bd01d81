import { makeCharScenario } from '../../core/encoding';
import { CHOICES } from '../../core/model';
import { computeTrace } from '../../core/trace';
import type { Params, Trace } from '../../core/types';
import type { LessonScenario } from './steps';

// The vanilla RNN on the same text as a gated lesson step (same hidden size, seed, tanh and
// cross-entropy as lessonTarget asks the explorer for), to compare the two cells' gradients.

export interface VanillaTwin {
  trace: Trace;
  params: Params;
}

/** The vanilla RNN's trace for a typed-text step (null for a preset). */
export function vanillaTwin(sc: LessonScenario): VanillaTwin | null {
  if (!sc.text) return null;
  const made = makeCharScenario({
    text: sc.text,
    hidden: sc.hidden ?? CHOICES.hidden.default,
    seed: CHOICES.seed.default,
  });
  if (!made.ok) return null;
  const { scenario } = made.value;
  return { trace: computeTrace(scenario), params: scenario.params };
}
