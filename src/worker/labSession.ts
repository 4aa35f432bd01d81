import type { LabChoices } from '../core/lab/choices';
import type { Session } from './client';
import { appWorker } from './explorer';

// The training lab's session on the app's worker (worker/lab.ts holds the run). The client
// opens it again after a crash from its record: the choices, or the latest snapshot.

export type LabSession = Session<'lab'>;

export function openLabSession(choices: LabChoices): LabSession {
  return appWorker().openSession('lab', { choices });
}
