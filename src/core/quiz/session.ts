/**
 * One quiz session: its questions (options already shuffled), the learner's answers, navigation, flags,
 * the exam timer, and scoring. Plain data underneath (`SessionState`), so a session survives a reload.
 */
import { migrateLegacyId } from '../ids';
import { DOMAIN_NAMES, type Domain } from '../knowledge/types';
import { isCorrect, type QuizQuestion } from './types';

export const QUIZ_MODES = ['quick', 'domain', 'topic', 'weakest', 'exam', 'mistakes', 'retry', 'due', 'file', 'workspace'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

export const SESSION_VERSION = 2;
export const EXAM_QUESTIONS = 65;
export const EXAM_MINUTES = 90;
export const PASSING_SCORE = 700;

export interface AnswerState {
  selected: string[];
  /** Checked (instant feedback) or scored at submit. */
  checked: boolean;
  correct?: boolean;
  /** Time spent on the question, summed over visits. */
  ms: number;
}

export interface SessionState {
  version: typeof SESSION_VERSION;
  id: string;
  mode: QuizMode;
  title: string;
  seed: number;
  /** `instant`: feedback after each question; `end`: only in the results (exam simulation). */
  feedback: 'instant' | 'end';
  questions: QuizQuestion[];
  answers: Record<string, AnswerState>;
  index: number;
  flagged: string[];
  startedAt: number;
  /** When the current question was shown. */
  shownAt: number;
  deadline?: number;
  finishedAt?: number;
}

/** What one answer adds to the learner's history. */
export interface AnswerEvent {
  question: QuizQuestion;
  selected: string[];
  correct: boolean;
  ms: number;
  at: number;
}

export interface DomainResult {
  domain: Domain;
  name: string;
  correct: number;
  total: number;
}

export interface SessionResults {
  correct: number;
  total: number;
  unanswered: number;
  percent: number;
  /** Exam simulation only: a 100–1,000 estimate; 700 passes. */
  scaled?: { score: number; passed: boolean };
  domains: DomainResult[];
  wrong: { question: QuizQuestion; selected: string[] }[];
  durationMs: number;
}

export class QuizSession {
  constructor(readonly state: SessionState) {}

  static create(init: { id: string; mode: QuizMode; title: string; seed: number; questions: QuizQuestion[]; now: number; feedback?: 'instant' | 'end'; minutes?: number }): QuizSession {
    if (!init.questions.length) throw new Error('a quiz needs at least one question');
    return new QuizSession({
      version: SESSION_VERSION,
      id: init.id,
      mode: init.mode,
      title: init.title,
      seed: init.seed,
      feedback: init.feedback ?? (init.mode === 'exam' ? 'end' : 'instant'),
      questions: init.questions,
      answers: {},
      index: 0,
      flagged: [],
      startedAt: init.now,
      shownAt: init.now,
      deadline: init.minutes ? init.now + init.minutes * 60_000 : undefined,
    });
  }

  get current(): QuizQuestion {
    return this.state.questions[this.state.index];
  }

  get finished(): boolean {
    return this.state.finishedAt !== undefined;
  }

  answer(id: string): AnswerState | undefined {
    return this.state.answers[id];
  }

  get unanswered(): number {
    return this.state.questions.filter((q) => !(this.state.answers[q.id]?.selected.length ?? 0)).length;
  }

  expired(now: number): boolean {
    return this.state.deadline !== undefined && now >= this.state.deadline;
  }

  /** Chooses options for a question; ignored once the question is checked or the session is over. */
  select(questionId: string, optionIds: readonly string[]): boolean {
    const q = this.state.questions.find((x) => x.id === questionId);
    if (!q || this.finished) return false;
    const existing = this.state.answers[questionId];
    if (existing?.checked) return false;
    const valid = [...new Set(optionIds)].filter((id) => q.options.some((o) => o.id === id));
    if (q.type === 'single' && valid.length > 1) return false;
    this.state.answers[questionId] = { selected: valid, checked: false, ms: existing?.ms ?? 0 };
    return true;
  }

  /** Instant-feedback mode: scores the current question. */
  check(now: number): AnswerEvent | undefined {
    const q = this.current;
    const a = this.state.answers[q.id];
    if (this.state.feedback !== 'instant' || !a || !a.selected.length || a.checked || this.finished) return undefined;
    a.ms += Math.max(0, now - this.state.shownAt);
    this.state.shownAt = now;
    a.checked = true;
    a.correct = isCorrect(q, a.selected);
    return { question: q, selected: a.selected, correct: a.correct, ms: a.ms, at: now };
  }

  /** Moves to question `index`, counting the time spent on the one left. */
  goto(index: number, now: number): boolean {
    if (index < 0 || index >= this.state.questions.length || index === this.state.index) return false;
    const left = this.state.answers[this.current.id];
    if (left && !left.checked) left.ms += Math.max(0, now - this.state.shownAt);
    else if (!left) this.state.answers[this.current.id] = { selected: [], checked: false, ms: Math.max(0, now - this.state.shownAt) };
    this.state.index = index;
    this.state.shownAt = now;
    return true;
  }

  next(now: number): boolean {
    return this.goto(this.state.index + 1, now);
  }

  previous(now: number): boolean {
    return this.goto(this.state.index - 1, now);
  }

  get isLast(): boolean {
    return this.state.index === this.state.questions.length - 1;
  }

  toggleFlag(): boolean {
    const id = this.current.id;
    const flagged = this.state.flagged.includes(id);
    this.state.flagged = flagged ? this.state.flagged.filter((f) => f !== id) : [...this.state.flagged, id];
    return !flagged;
  }

  /** Ends the session; in end-feedback mode scores every answer. Returns the answers to record. */
  finish(now: number): AnswerEvent[] {
    if (this.finished) return [];
    const events: AnswerEvent[] = [];
    const current = this.state.answers[this.current.id];
    if (current && !current.checked) current.ms += Math.max(0, now - this.state.shownAt);
    for (const q of this.state.questions) {
      const a = this.state.answers[q.id];
      if (!a || a.checked || !a.selected.length) continue;
      a.checked = true;
      a.correct = isCorrect(q, a.selected);
      events.push({ question: q, selected: a.selected, correct: a.correct, ms: a.ms, at: now });
    }
    this.state.finishedAt = now;
    return events;
  }

  results(): SessionResults {
    const domains = new Map<Domain, DomainResult>();
    let correct = 0;
    const wrong: SessionResults['wrong'] = [];
    for (const q of this.state.questions) {
      const a = this.state.answers[q.id];
      // A card from the learner's own notes counts in the score but belongs to no exam domain.
      const d = q.origin === 'notes' ? undefined : (domains.get(q.domain) ?? { domain: q.domain, name: DOMAIN_NAMES[q.domain], correct: 0, total: 0 });
      if (d) d.total++;
      if (a?.correct) {
        if (d) d.correct++;
        correct++;
      } else if (a?.checked || this.finished) {
        wrong.push({ question: q, selected: a?.selected ?? [] });
      }
      if (d) domains.set(q.domain, d);
    }
    const total = this.state.questions.length;
    const fraction = total ? correct / total : 0;
    return {
      correct,
      total,
      unanswered: this.unanswered,
      percent: Math.round(fraction * 100),
      scaled: this.state.mode === 'exam' ? scaledScore(fraction) : undefined,
      domains: [...domains.values()].sort((a, b) => a.domain - b.domain),
      wrong,
      durationMs: (this.state.finishedAt ?? this.state.shownAt) - this.state.startedAt,
    };
  }
}

/**
 * The exam reports 100–1,000 with 700 to pass, from a scaled score AWS does not publish. This estimate maps
 * the fraction correct linearly onto that scale; it is labelled an estimate wherever it is shown.
 */
export function scaledScore(fraction: number): { score: number; passed: boolean } {
  const score = Math.round(100 + 900 * Math.min(1, Math.max(0, fraction)));
  return { score, passed: score >= PASSING_SCORE };
}

/** How many exam questions each domain gets: the weights, rounded by largest remainder to sum to `total`. */
export function examDistribution(weights: Record<Domain, number>, total = EXAM_QUESTIONS): Record<Domain, number> {
  const domains = [1, 2, 3, 4] as Domain[];
  const sum = domains.reduce((s, d) => s + weights[d], 0);
  const exact = domains.map((d) => ({ d, x: (weights[d] / sum) * total }));
  const out = Object.fromEntries(exact.map(({ d, x }) => [d, Math.floor(x)])) as Record<Domain, number>;
  let left = total - domains.reduce((s, d) => s + out[d], 0);
  for (const { d } of [...exact].sort((a, b) => b.x - Math.floor(b.x) - (a.x - Math.floor(a.x)))) {
    if (left-- <= 0) break;
    out[d]++;
  }
  return out;
}

/**
 * A saved session, checked and brought to the current version (version 1 named learner-note questions
 * `note:<id>`). Undefined when it is not a session this version can resume.
 */
export function restoreSessionState(raw: unknown): SessionState | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as SessionState | (Omit<SessionState, 'version'> & { version: 1 });
  if ((s.version !== 1 && s.version !== SESSION_VERSION) || !Array.isArray(s.questions) || !s.questions.length || typeof s.answers !== 'object' || !s.answers) return undefined;
  if (!Number.isInteger(s.index) || s.index < 0 || s.index >= s.questions.length) return undefined;
  if (s.version === SESSION_VERSION) return s;
  return {
    ...s,
    version: SESSION_VERSION,
    questions: s.questions.map((q) => ({ ...q, id: migrateLegacyId(q.id), card: q.card && migrateLegacyId(q.card) })),
    answers: Object.fromEntries(Object.entries(s.answers).map(([id, a]) => [migrateLegacyId(id), a])),
    flagged: (s.flagged ?? []).map(migrateLegacyId),
  };
}
