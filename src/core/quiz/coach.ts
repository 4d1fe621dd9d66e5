/**
 * The quiz logic above single sessions: which questions a mode draws, what an answer does to the
 * learner's history and review cards, and the learner's progress. Pure: time and seeds come in.
 */
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { DOMAIN_NAMES, DOMAIN_WEIGHTS, type Domain } from '../knowledge/types';
import { recordAnswers, recordSession, type AnswerRecord, type LearnerState } from './learnerState';
import { namePattern, QuestionPool } from './questionPool';
import { Random } from './random';
import { cardIds, isUserNoteQuestion, parseCardId, parseQuestionId, questionIds } from '../ids';
import type { NoteCards } from '../knowledge/userNotes';
import { noteCardQuestion } from './noteQuestion';
import { readiness, type Readiness } from './readiness';
import { dueCards, hasCard, review } from './scheduler';
import { EXAM_MINUTES, EXAM_QUESTIONS, examDistribution, QuizSession, type AnswerEvent, type QuizMode } from './session';
import type { QuizQuestion } from './types';

export interface QuizRequest {
  mode: QuizMode;
  domain?: Domain;
  topic?: string;
  count?: number;
  /** For `retry`: the questions to ask again. */
  questionIds?: string[];
  /** For `file` and `workspace`: the topics found there, with how often each is mentioned. */
  topics?: { topic: string; count: number }[];
  /** For `file`: the document (a URI string); the active editor's when absent. */
  uri?: string;
  /** Overrides the mode's title ("This file: template.yaml"). */
  title?: string;
}

import { QuizUnavailable } from './errors';

export { QuizUnavailable };

/** How many of the learner's note cards a review introduces at a time, so a big notes file does not flood it. */
export const NEW_NOTE_CARDS = 20;

export const DEFAULT_COUNTS: Record<QuizMode, number> = { quick: 10, domain: 10, topic: 5, weakest: 10, exam: EXAM_QUESTIONS, mistakes: 10, retry: 65, due: 20, file: 10, workspace: 10 };

export const MODE_TITLES: Record<QuizMode, string> = {
  quick: 'Quick practice',
  domain: 'Practice by domain',
  topic: 'Practice a topic',
  weakest: 'Weakest areas',
  exam: 'Exam simulation',
  mistakes: 'Review mistakes',
  retry: 'Retry wrong answers',
  due: 'Review due cards',
  file: 'Quiz on this file',
  workspace: 'Quiz on this workspace',
};

export interface ProgressSummary {
  answered: number;
  correct: number;
  domains: { domain: Domain; name: string; weight: number; answered: number; correct: number }[];
  /** Accuracy per day, oldest first (days with answers only). */
  days: { day: string; answered: number; correct: number }[];
  sessions: { title: string; at: number; correct: number; total: number; scaled?: number }[];
  weakTopics: { topic: string; answered: number; correct: number }[];
  due: number;
  mistakes: number;
}

export class QuizCoach {
  readonly pool: QuestionPool;

  constructor(
    private readonly kb: KnowledgeBase,
    readonly state: LearnerState,
    private readonly notes?: NoteCards,
  ) {
    this.pool = new QuestionPool(kb);
  }

  start(request: QuizRequest, now: number, seed: number, sessionId: string): QuizSession {
    const random = new Random(seed);
    const count = Math.max(1, Math.min(request.count ?? DEFAULT_COUNTS[request.mode], 100));
    const questions = this.questionsFor(request, count, random, now).map((q) => shuffleOptions(q, random));
    if (!questions.length) throw new QuizUnavailable(this.emptyMessage(request));
    const topicName = request.topic ? (this.kb.entry(request.topic)?.name ?? request.topic) : undefined;
    const title =
      request.title ? request.title
      : request.mode === 'domain' && request.domain
        ? `Domain ${request.domain}: ${DOMAIN_NAMES[request.domain]}`
        : request.mode === 'topic' && topicName
          ? `Topic: ${topicName}`
          : MODE_TITLES[request.mode];
    return QuizSession.create({ id: sessionId, mode: request.mode, title, seed, questions, now, minutes: request.mode === 'exam' ? EXAM_MINUTES : undefined });
  }

  private questionsFor(request: QuizRequest, count: number, random: Random, now: number): QuizQuestion[] {
    const bank = this.pool.authored;
    const seen = new Set(this.state.answers.map((a) => a.q));
    /** Unseen questions first, then the rest, each group shuffled. */
    const fresh = (list: readonly QuizQuestion[], n: number) => [...random.shuffle(list.filter((q) => !seen.has(q.id))), ...random.shuffle(list.filter((q) => seen.has(q.id)))].slice(0, n);
    switch (request.mode) {
      case 'quick': {
        const generated = Math.min(3, Math.floor(count / 3));
        return random.shuffle([...fresh(bank, count - generated), ...fresh(this.pool.allGenerated(), generated)]);
      }
      case 'domain': {
        if (!request.domain) throw new QuizUnavailable('Choose a CLF-C02 domain to practise.');
        const inDomain = bank.filter((q) => q.domain === request.domain);
        return fresh(inDomain, count);
      }
      case 'topic': {
        const topic = request.topic;
        if (!topic || !this.kb.entry(topic)) throw new QuizUnavailable(`Cloud Coach has no topic "${topic ?? ''}".`);
        // Questions tagged with the topic first, then generated ones about it, then questions on its
        // features that name it (an S3 Versioning question for S3; never a question merely related to it).
        const direct = bank.filter((q) => q.topics.includes(topic));
        const children = new Set(this.childrenOf(topic));
        const names = namePattern(this.kb.entry(topic)!);
        const nearby = bank.filter((q) => !direct.includes(q) && q.topics.some((t) => children.has(t)) && names.test(`${q.prompt} ${q.options.map((o) => o.text).join(' ')}`));
        return [...fresh(direct, count), ...random.shuffle(this.pool.generatedFor(topic)), ...fresh(nearby, count)].slice(0, count);
      }
      case 'weakest': {
        const weak = this.weakTopics(2).slice(0, 5).map((w) => w.topic);
        const weakDomains = this.domainAccuracy()
          .filter((d) => d.answered >= 3)
          .sort((a, b) => a.correct / a.answered - b.correct / b.answered)
          .map((d) => d.domain);
        if (!weak.length && !weakDomains.length) {
          throw new QuizUnavailable('Answer a few quizzes first: “Weakest areas” picks questions from the topics you miss most.');
        }
        const byTopic = bank.filter((q) => q.topics.some((t) => weak.includes(t)));
        const byDomain = weakDomains.length ? bank.filter((q) => q.domain === weakDomains[0] && !byTopic.includes(q)) : [];
        return [...fresh(byTopic, count), ...fresh(byDomain, count)].slice(0, count);
      }
      case 'exam': {
        const perDomain = examDistribution(DOMAIN_WEIGHTS, count);
        const picked: QuizQuestion[] = [];
        for (const d of [1, 2, 3, 4] as Domain[]) picked.push(...fresh(bank.filter((q) => q.domain === d), perDomain[d]));
        return random.shuffle(picked);
      }
      case 'mistakes': {
        const ids = this.mistakes();
        return random.shuffle(ids.map((id) => this.pool.byId(id)).filter((q): q is QuizQuestion => !!q)).slice(0, count);
      }
      case 'retry':
        return (request.questionIds ?? []).map((id) => this.pool.byId(id) ?? this.noteQuestion(id)).filter((q): q is QuizQuestion => !!q).slice(0, count);
      case 'file':
      case 'workspace':
        return this.questionsOnTopics(request, count, random, fresh);
      case 'due': {
        const questions: QuizQuestion[] = [];
        for (const card of this.dueCardIds(now)) {
          const q = this.questionForCard(card, random);
          if (q) questions.push(q);
          if (questions.length >= count) break;
        }
        return questions;
      }
    }
  }

  /**
   * Questions about the topics a file or workspace uses: authored questions first, then generated ones,
   * the topics the learner gets wrong most (and those mentioned most) first.
   */
  private questionsOnTopics(request: QuizRequest, count: number, random: Random, fresh: (list: readonly QuizQuestion[], n: number) => QuizQuestion[]): QuizQuestion[] {
    const where = request.mode === 'file' ? 'This file' : 'This workspace';
    const topics = (request.topics ?? []).filter((t) => this.kb.entry(t.topic));
    if (!topics.length) throw new QuizUnavailable(`${where} mentions no AWS service that Cloud Coach has questions about.`);
    const accuracy = this.topicAccuracy();
    const need = (t: { topic: string; count: number }) => {
      const a = accuracy.get(t.topic);
      const wrong = a ? 1 - a.correct / a.answered : 0.5;
      return (0.25 + wrong) * Math.log2(2 + t.count);
    };
    const ranked = [...topics].sort((a, b) => need(b) - need(a));
    const rank = new Map(ranked.map((t, i) => [t.topic, i]));
    const best = (q: QuizQuestion) => Math.min(...q.topics.map((t) => rank.get(t) ?? Infinity));
    const authored = fresh(this.pool.authored.filter((q) => Number.isFinite(best(q))), this.pool.authored.length).sort((a, b) => best(a) - best(b));
    // Spread over the topics: one question per topic in turn, neediest first, then the rest.
    const picked: QuizQuestion[] = [];
    for (const round of [0, 1, 2, 3]) for (const t of ranked) {
      const q = authored.filter((x) => x.topics.includes(t.topic) && !picked.includes(x))[0];
      if (q && picked.length < count && picked.filter((x) => x.topics.includes(t.topic)).length <= round) picked.push(q);
    }
    const generated = random.shuffle(ranked.flatMap((t) => this.pool.generatedFor(t.topic))).filter((q) => !picked.some((p) => p.id === q.id));
    const questions = [...picked, ...generated].slice(0, count);
    if (!questions.length) throw new QuizUnavailable(`Cloud Coach has no questions yet about the services ${where.toLowerCase()} uses.`);
    return questions;
  }

  /** Answers and right answers per topic, from the learner's history. */
  topicAccuracy(): Map<string, { answered: number; correct: number }> {
    const byTopic = new Map<string, { answered: number; correct: number }>();
    for (const a of this.state.answers) {
      for (const t of a.topics) {
        const s = byTopic.get(t) ?? { answered: 0, correct: 0 };
        s.answered++;
        if (a.correct) s.correct++;
        byTopic.set(t, s);
      }
    }
    return byTopic;
  }

  /** The topics the authored bank asks about, by name, with how many questions each has. */
  topics(): { id: string; name: string; category: string; questions: number }[] {
    const counts = new Map<string, number>();
    for (const q of this.pool.authored) for (const t of q.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts]
      .flatMap(([id, questions]) => {
        const entry = this.kb.entry(id);
        return entry ? [{ id, name: entry.name, category: entry.category, questions }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Features and concepts that belong to a service note (S3 → its storage classes and features). */
  private childrenOf(topic: string): string[] {
    return this.kb.entries.filter((e) => e.kind !== 'service' && e.kind !== 'catalog' && e.related.includes(topic)).map((e) => e.id);
  }

  private emptyMessage(request: QuizRequest): string {
    switch (request.mode) {
      case 'mistakes':
        return 'No mistakes to review: every question you missed has since been answered right.';
      case 'due':
        return 'No review cards are due. Missed questions and practised concepts come back here when they are due.';
      case 'topic':
        return `There are no questions about ${this.kb.entry(request.topic ?? '')?.name ?? request.topic} yet.`;
      default:
        return 'No questions are available for this quiz.';
    }
  }

  private noteQuestion(id: string): QuizQuestion | undefined {
    const parsed = parseQuestionId(id);
    const card = parsed.kind === 'usernote' ? this.notes?.card(parsed.noteId) : undefined;
    return card && noteCardQuestion(card);
  }

  private cardReviewable(cardId: string): boolean {
    const card = parseCardId(cardId);
    return card?.kind === 'usernote' ? (this.notes?.reviewable(card.key) ?? false) : true;
  }

  private questionForCard(cardId: string, random: Random): QuizQuestion | undefined {
    const card = parseCardId(cardId);
    if (!card) return undefined;
    switch (card.kind) {
      case 'q':
        return this.pool.byId(card.key);
      case 'svc':
        return this.pool.serviceFromDescription(card.key);
      case 'port': {
        const port = Number(card.key);
        return random.int(2) ? this.pool.protocolFromPort(port) : (this.pool.portFromProtocol(port) ?? this.pool.protocolFromPort(port));
      }
      case 'usernote':
        return this.noteQuestion(questionIds.userNote(card.key));
    }
  }

  /** The card a question exercises: its own (`card`), or a missed-question card for the bank. */
  private cardFor(q: QuizQuestion): string {
    return q.card ?? cardIds.question(q.id);
  }

  /** Records an answer: history, and the review card (created when missed, or when it drills a concept). */
  record(event: AnswerEvent, mode: QuizMode): void {
    const q = event.question;
    const answer: AnswerRecord = { q: q.id, choice: event.selected, correct: event.correct, ms: event.ms, at: event.at, domain: q.domain, topics: q.topics, mode };
    recordAnswers(this.state, [answer]);
    const card = this.cardFor(q);
    if (!event.correct || q.card || hasCard(this.state, card)) review(this.state, card, event.correct, event.ms, event.at);
  }

  finish(session: QuizSession, now: number): AnswerEvent[] {
    const events = session.finish(now);
    for (const e of events) this.record(e, session.state.mode);
    const r = session.results();
    recordSession(this.state, { id: session.state.id, mode: session.state.mode, title: session.state.title, at: now, correct: r.correct, total: r.total, scaled: r.scaled?.score });
    return events;
  }

  dueCount(now: number): number {
    return this.dueCardIds(now).length;
  }

  /** Due cards, then the learner's note cards never reviewed yet (a few at a time). */
  private dueCardIds(now: number): string[] {
    const due = dueCards(this.state, now, (id) => this.cardReviewable(id));
    const fresh = (this.notes?.cardNoteIds() ?? [])
      .map((id) => cardIds.userNote(id))
      .filter((id) => !hasCard(this.state, id))
      .slice(0, NEW_NOTE_CARDS);
    return [...due, ...fresh];
  }

  /** Questions whose latest answer was wrong ("until answered right"). */
  mistakes(): string[] {
    const latest = new Map<string, boolean>();
    for (const a of this.state.answers) latest.set(a.q, a.correct);
    return [...latest].filter(([, correct]) => !correct).map(([q]) => q);
  }

  domainAccuracy(): ProgressSummary['domains'] {
    return ([1, 2, 3, 4] as Domain[]).map((domain) => {
      // Cards from the learner's own notes belong to no exam domain.
      const answers = this.state.answers.filter((a) => a.domain === domain && !isUserNoteQuestion(a.q));
      return { domain, name: DOMAIN_NAMES[domain], weight: DOMAIN_WEIGHTS[domain], answered: answers.length, correct: answers.filter((a) => a.correct).length };
    });
  }

  /** Topics by accuracy, weakest first, among those answered at least `min` times. */
  weakTopics(min = 2): ProgressSummary['weakTopics'] {
    return [...this.topicAccuracy()]
      .filter(([, s]) => s.answered >= min && s.correct < s.answered)
      .map(([topic, s]) => ({ topic, ...s }))
      .sort((a, b) => a.correct / a.answered - b.correct / b.answered || b.answered - a.answered);
  }

  /** Readiness for the learner's exam date (see readiness.ts), or undefined without a valid date. */
  readiness(now: number, examDate: string | undefined): Readiness | undefined {
    return examDate ? readiness(this.kb, this.state, now, examDate, this.dueCount(now)) : undefined;
  }

  progress(now: number): ProgressSummary {
    const days = new Map<string, { answered: number; correct: number }>();
    for (const a of this.state.answers) {
      const day = new Date(a.at).toISOString().slice(0, 10);
      const d = days.get(day) ?? { answered: 0, correct: 0 };
      d.answered++;
      if (a.correct) d.correct++;
      days.set(day, d);
    }
    return {
      answered: this.state.answers.length,
      correct: this.state.answers.filter((a) => a.correct).length,
      domains: this.domainAccuracy(),
      days: [...days].sort(([a], [b]) => a.localeCompare(b)).slice(-30).map(([day, d]) => ({ day, ...d })),
      sessions: this.state.sessions.slice(-10).reverse().map(({ title, at, correct, total, scaled }) => ({ title, at, correct, total, scaled })),
      weakTopics: this.weakTopics(2).slice(0, 8),
      due: this.dueCount(now),
      mistakes: this.mistakes().length,
    };
  }
}

/** Shuffles a question's options for one session; option ids stay with their options. */
export function shuffleOptions(q: QuizQuestion, random: Random): QuizQuestion {
  return { ...q, options: random.shuffle(q.options) };
}
