import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeStorage } from './fakeStorage';
import { loadLessonProgress, saveLessonAnswer, saveSlipProgress } from './lessonProgress';

describe('lesson progress kept for a reload', () => {
  beforeEach(() => {
    (globalThis as { sessionStorage?: Storage }).sessionStorage = fakeStorage();
  });
  afterEach(() => {
    delete (globalThis as { sessionStorage?: Storage }).sessionStorage;
  });

  it('keeps answers by step and the quiz place', () => {
    expect(loadLessonProgress()).toEqual({ answers: {}, slips: null });
    saveLessonAnswer(5, 'larger');
    saveSlipProgress({ lesson: 3, index: 2, score: 1 });
    saveLessonAnswer(8, 'shown');
    expect(loadLessonProgress()).toEqual({
      answers: { 5: 'larger', 8: 'shown' },
      slips: { lesson: 3, index: 2, score: 1 },
    });
    saveLessonAnswer(5, null);
    saveSlipProgress(null);
    expect(loadLessonProgress()).toEqual({ answers: { 8: 'shown' }, slips: null });
  });

  it('reads back only what is well formed', () => {
    sessionStorage.setItem(
      'unrolled.lesson',
      JSON.stringify({
        answers: { 2: 'x', '-1': 'y', 3: 7 },
        slips: { lesson: 3, index: 1, score: 5 },
      }),
    );
    expect(loadLessonProgress()).toEqual({ answers: { 2: 'x' }, slips: null });
    sessionStorage.setItem('unrolled.lesson', '{not json');
    expect(loadLessonProgress()).toEqual({ answers: {}, slips: null });
  });
});
