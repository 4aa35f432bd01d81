import { sessionStorageOrNull } from './environment';
// Where a student is in the lesson beyond the URL (which has the step and the cursor): the
// predictions answered and the slip quiz's place, in this tab's sessionStorage, so a reload
// does not ask again a question whose answer is on screen, nor lose the quiz. Read back
// checked field by field; a tab that refuses storage simply starts afresh.

const KEY = 'unrolled.lesson';

export interface SlipProgress {
  /** The lesson step the quiz was opened from. */
  lesson: number;
  index: number;
  score: number;
}

export interface LessonProgress {
  /** The answer given at each lesson step (1-based), `shown` for “Show me”. */
  answers: Record<number, string>;
  /** The slip quiz, while open. */
  slips: SlipProgress | null;
}

const storage = sessionStorageOrNull;

const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1000;

export function loadLessonProgress(): LessonProgress {
  const fresh: LessonProgress = { answers: {}, slips: null };
  try {
    const text = storage()?.getItem(KEY);
    if (!text) return fresh;
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return fresh;
    const { answers, slips } = v as { answers?: unknown; slips?: unknown };
    if (answers && typeof answers === 'object')
      for (const [k, a] of Object.entries(answers))
        if (isCount(Number(k)) && typeof a === 'string' && a.length <= 40)
          fresh.answers[Number(k)] = a;
    if (slips && typeof slips === 'object') {
      const { lesson, index, score } = slips as Record<string, unknown>;
      if (isCount(lesson) && isCount(index) && isCount(score) && score <= index)
        fresh.slips = { lesson, index, score };
    }
  } catch {
    // unreadable: start afresh
  }
  return fresh;
}

function save(p: LessonProgress): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(p));
  } catch {
    // full or refused: the lesson goes on without it
  }
}

export function saveLessonAnswer(lesson: number, answer: string | null): void {
  const p = loadLessonProgress();
  if (answer === null) delete p.answers[lesson];
  else p.answers[lesson] = answer;
  save(p);
}

export function saveSlipProgress(slips: SlipProgress | null): void {
  save({ ...loadLessonProgress(), slips });
}
