import { LAB_CHOICES, type LabChoiceName, type LabChoices } from '../core/lab/choices';
import type { LabSnapshot } from '../core/lab';

// The training lab's session kept across a reload (in IndexedDB, see persist/): the run's
// snapshot (weights, optimizer state, curves, iteration, choices). Pure helpers: what is saved,
// whether a stored value is one, how often to save, and what the resume prompt says.

export const LAB_SESSION_KEY = 'lab-session';
/** While training, the session is saved at most this often (ms). */
export const SAVE_EVERY_MS = 5000;

export interface SavedLabSession {
  version: 1;
  savedAt: number;
  snapshot: LabSnapshot;
}

export const savedSession = (snapshot: LabSnapshot, savedAt: number): SavedLabSession => ({
  version: 1,
  savedAt,
  snapshot,
});

/** Is this stored value a session we can offer back (a run that trained at least once)? */
export function isSavedLabSession(v: unknown): v is SavedLabSession {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<SavedLabSession>;
  const snap = s.snapshot as Partial<LabSnapshot> | undefined;
  return (
    s.version === 1 &&
    typeof snap === 'object' &&
    snap !== null &&
    typeof snap.iteration === 'number' &&
    Number.isInteger(snap.iteration) &&
    snap.iteration > 0 &&
    typeof snap.choices === 'object' &&
    snap.choices !== null &&
    typeof snap.current === 'object' &&
    typeof snap.curves === 'object'
  );
}

/** The choices in which `saved` differs from `now`, in words ("Hidden units 64"). */
export function choiceDifferences(saved: LabChoices, now: LabChoices): string[] {
  const out: string[] = [];
  for (const name of Object.keys(LAB_CHOICES) as LabChoiceName[]) {
    if (String(saved[name]) === String(now[name])) continue;
    const decl = LAB_CHOICES[name];
    const v = saved[name];
    if (decl.kind === 'text') out.push(`another text`);
    else if (decl.kind === 'enum')
      out.push(`${decl.label}: ${(decl.labels as Record<string, string>)[String(v)] ?? v}`);
    else out.push(`${decl.label}: ${v}`);
  }
  return out;
}

/** "Resume training from iteration 4,210?" */
export const resumeQuestion = (iteration: number): string =>
  `Resume training from iteration ${iteration.toLocaleString('en-US')}?`;

/** Says yes at most once per `everyMs` (the first call after `start` waits a full period). */
export function throttle(everyMs: number, start: number): (now: number) => boolean {
  let last = start;
  return (now) => {
    if (now - last < everyMs) return false;
    last = now;
    return true;
  };
}
