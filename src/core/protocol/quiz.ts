/**
 * The messages between the extension and the quiz panel. Both sides import this module; the extension
 * validates everything the panel sends with `parseQuizMessage`.
 */

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

const SIMPLE = new Set(['ready', 'check', 'next', 'previous', 'flag', 'timeUp', 'retryWrong', 'newQuiz', 'review']);

/** The message if it is one the panel may send, else undefined. */
export function parseQuizMessage(raw: unknown): QuizToExtension | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  if (typeof m.type !== 'string') return undefined;
  if (SIMPLE.has(m.type)) return { type: m.type } as QuizToExtension;
  switch (m.type) {
    case 'select': {
      const { questionId, optionIds } = m;
      if (typeof questionId !== 'string' || questionId.length > 200) return undefined;
      if (!Array.isArray(optionIds) || optionIds.length > 10 || !optionIds.every((o) => typeof o === 'string' && /^[a-j]$/.test(o))) return undefined;
      return { type: 'select', questionId, optionIds: optionIds as string[] };
    }
    case 'goto':
      return typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0 && m.index < 1000 ? { type: 'goto', index: m.index } : undefined;
    case 'submit':
      return typeof m.confirmed === 'boolean' ? { type: 'submit', confirmed: m.confirmed } : undefined;
    case 'openExternal':
      return typeof m.url === 'string' && m.url.length < 2000 && /^https:\/\/\S+$/.test(m.url) ? { type: 'openExternal', url: m.url } : undefined;
    case 'openEntry':
      return typeof m.id === 'string' && /^[a-z0-9-]{1,100}$/.test(m.id) ? { type: 'openEntry', id: m.id } : undefined;
    default:
      return undefined;
  }
}
