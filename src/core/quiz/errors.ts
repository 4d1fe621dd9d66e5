/** A quiz Cloud Coach cannot make (no mistakes to review, an unknown topic), with a message for the learner. */
export class QuizUnavailable extends Error {
  override readonly name = 'QuizUnavailable';
}

/** By name, not `instanceof`: the quiz engine loads from its own bundle, with its own copy of the class. */
export function isQuizUnavailable(e: unknown): e is QuizUnavailable {
  return e instanceof Error && e.name === 'QuizUnavailable';
}
