/**
 * A quiz Cloud Coach cannot make (no mistakes to review, an unknown topic), with a message for the learner.
 * The quiz engine loads from its own bundle, with its own copy of this class, so the extension recognises
 * the error by a mark registered under a global symbol, not by `instanceof` or by its class name.
 */
const QUIZ_UNAVAILABLE = Symbol.for('cloudCoach.quizUnavailable');

export class QuizUnavailable extends Error {
  override readonly name = 'QuizUnavailable';
  readonly [QUIZ_UNAVAILABLE] = true;
}

export function isQuizUnavailable(e: unknown): e is QuizUnavailable {
  return e instanceof Error && (e as Partial<Record<typeof QUIZ_UNAVAILABLE, boolean>>)[QUIZ_UNAVAILABLE] === true;
}
