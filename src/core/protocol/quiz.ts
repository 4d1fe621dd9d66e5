/**
 * The messages between the extension and the quiz panel. Both sides import this module; the extension
 * validates everything the panel sends with `parseQuizMessage`.
 */
import { messageParser, type Parsers } from './parse';
import { isEntryId } from '../ids';
import type { Readiness } from '../quiz/readiness';

export interface OptionView {
  id: string;
  text: string;
  selected: boolean;
  /** Present once feedback is revealed. */
  correct?: boolean;
  why?: string;
}

export interface QuestionView {
  sessionTitle: string;
  examMode: boolean;
  index: number;
  total: number;
  answered: number;
  questionId: string;
  prompt: string;
  type: 'single' | 'multiple';
  /** How many options to choose. */
  choose: number;
  options: OptionView[];
  /** Feedback shown (instant mode, after "Check answer"). */
  checked: boolean;
  feedback?: { correct: boolean; docs?: string };
  flagged: boolean;
  isLast: boolean;
  /** Exam mode: every question's state, for the navigator. */
  navigator?: { index: number; answered: boolean; flagged: boolean }[];
  /** Exam mode: epoch ms when time runs out. */
  deadline?: number;
  domain: string;
}

export interface ResultsView {
  title: string;
  exam: boolean;
  correct: number;
  total: number;
  percent: number;
  unanswered: number;
  scaled?: { score: number; passed: boolean; passing: number };
  domains: { domain: number; name: string; correct: number; total: number; percent: number }[];
  wrong: { prompt: string; options: OptionView[]; docs?: string }[];
  durationMs: number;
  canRetry: boolean;
  dueCards: number;
}

export interface ProgressView {
  answered: number;
  correct: number;
  domains: { domain: number; name: string; weight: number; answered: number; correct: number }[];
  days: { day: string; answered: number; correct: number }[];
  sessions: { title: string; at: number; correct: number; total: number; scaled?: number }[];
  weakTopics: { id: string; name: string; answered: number; correct: number }[];
  due: number;
  mistakes: number;
  /** With an exam date set (cloudCoach.exam.date). */
  readiness?: Readiness;
}

export type ExtensionToQuiz =
  | { type: 'question'; view: QuestionView }
  | { type: 'results'; view: ResultsView }
  | { type: 'progress'; view: ProgressView }
  | { type: 'confirmSubmit'; unanswered: number; flagged: number }
  | { type: 'error'; message: string };

export type QuizToExtension =
  | { type: 'ready' }
  | { type: 'select'; questionId: string; optionIds: string[] }
  | { type: 'check' }
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'goto'; index: number }
  | { type: 'flag' }
  | { type: 'submit'; confirmed: boolean }
  | { type: 'timeUp' }
  | { type: 'retryWrong' }
  | { type: 'newQuiz' }
  | { type: 'review' }
  | { type: 'openExternal'; url: string }
  | { type: 'openEntry'; id: string };


/** One parser per message type: a message type without a parser does not compile. */
const PARSERS: Parsers<QuizToExtension> = {
  ready: () => ({ type: 'ready' }),
  check: () => ({ type: 'check' }),
  next: () => ({ type: 'next' }),
  previous: () => ({ type: 'previous' }),
  flag: () => ({ type: 'flag' }),
  timeUp: () => ({ type: 'timeUp' }),
  retryWrong: () => ({ type: 'retryWrong' }),
  newQuiz: () => ({ type: 'newQuiz' }),
  review: () => ({ type: 'review' }),
  select: ({ questionId, optionIds }) => {
    if (typeof questionId !== 'string' || questionId.length > 200) return undefined;
    if (!Array.isArray(optionIds) || optionIds.length > 10 || !optionIds.every((o) => typeof o === 'string' && /^[a-j]$/.test(o))) return undefined;
    return { type: 'select', questionId, optionIds: optionIds as string[] };
  },
  goto: ({ index }) => (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < 1000 ? { type: 'goto', index } : undefined),
  submit: ({ confirmed }) => (typeof confirmed === 'boolean' ? { type: 'submit', confirmed } : undefined),
  openExternal: ({ url }) => (typeof url === 'string' && url.length < 2000 && /^https:\/\/\S+$/.test(url) ? { type: 'openExternal', url } : undefined),
  openEntry: ({ id }) => (isEntryId(id) ? { type: 'openEntry', id } : undefined),
};

/** The message if it is one the webview may send, else undefined. */
export const parseQuizMessage = messageParser(PARSERS);
