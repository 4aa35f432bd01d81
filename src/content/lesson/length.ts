// How many steps the guided lesson has, apart from the lesson itself (which loads on demand),
// so the URL table and the store can bound `lesson=N` without loading it. A unit test checks
// that it matches the steps.
export const LESSON_LENGTH = 17;
