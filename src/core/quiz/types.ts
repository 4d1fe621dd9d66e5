/** Quiz questions as sessions use them: authored or generated, with stable option ids. */
import type { Domain, QuestionType } from '../knowledge/types';

export interface QuizOption {
  /** Stable within the question: `a`, `b`, ... in authored order. */
  id: string;
  text: string;
  correct: boolean;
  why: string;
}

export interface QuizQuestion {
  id: string;
  domain: Domain;
  topics: string[];
  type: QuestionType;
  prompt: string;
  options: QuizOption[];
  docs?: string;
  origin: 'bank' | 'generated' | 'notes';
  /** For generated and notes questions: the review card the question exercises. */
  card?: string;
}

export function correctIds(q: QuizQuestion): string[] {
  return q.options.filter((o) => o.correct).map((o) => o.id);
}

export function isCorrect(q: QuizQuestion, selected: readonly string[]): boolean {
  const right = correctIds(q);
  return selected.length === right.length && right.every((id) => selected.includes(id));
}

export const OPTION_IDS = 'abcdefghij'.split('');
