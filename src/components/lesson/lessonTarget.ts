import { parseCursorLabel } from '../../core/cursor';
import { CHOICES, cellOf } from '../../core/model';
import { presetById } from '../../core/presets';
import { resolveLabel, type LessonStep } from '../../content/lesson/steps';
import type { LessonWalk } from '../../state/slices/lessonSlice';
import type { GoToTarget } from '../../state/slices/navSlice';

// A lesson step as the store's one goTo target, and the stretch of cursor it walks.

/** The scenario and view of a step; its cursor too when the label does not depend on T. */
export function lessonTarget(step: LessonStep, withCursor: boolean): GoToTarget {
  const sc = step.scenario;
  const cursor = withCursor && !step.cursor.includes('T') ? { step: step.cursor } : {};
  if (sc.preset) {
    const scenario = presetById(sc.preset)!.scenario;
    return {
      source: { kind: 'preset', id: sc.preset },
      config: {
        act: scenario.activation ?? CHOICES.act.default,
        loss: scenario.loss ?? CHOICES.loss.default,
      },
      view: step.view,
      ...cursor,
    };
  }
  return {
    source: { kind: 'text' },
    config: {
      text: sc.text ?? CHOICES.text.default,
      hidden: sc.hidden ?? CHOICES.hidden.default,
      seed: CHOICES.seed.default,
      act: 'tanh',
      loss: 'cross-entropy',
      // Always named: goTo keeps the config's other choices, and a gated step may come first.
      cell: cellOf(sc),
    },
    view: step.view,
    ...cursor,
  };
}

/** Cursor indices of a step for a sequence of length T (null: a label names no position). */
export function lessonWalk(step: LessonStep, T: number): LessonWalk | null {
  const at = (label: string) => parseCursorLabel(resolveLabel(label, T), T);
  const from = at(step.cursor);
  const to = step.walkTo ? at(step.walkTo) : from;
  const revealAt = step.prediction ? at(step.prediction.revealAt) : null;
  if (from === null || to === null || (step.prediction && revealAt === null)) return null;
  return { from, to, revealAt };
}
