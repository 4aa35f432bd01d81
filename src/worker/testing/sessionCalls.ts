import { defaultLabChoices, type LabChoices } from '../../core/lab';
import type { CallOutcome } from '../protocol';

// What the session tests share: lab choices from the defaults, and a call's value.

export const labChoices = (over: Partial<LabChoices>): LabChoices => ({
  ...defaultLabChoices(),
  ...over,
});

/** The value of a call that was not superseded (a superseded one fails the test). */
export function valueOf<T>(out: CallOutcome<unknown>): T {
  if (out.cancelled) throw new Error('cancelled');
  return out.value as T;
}
