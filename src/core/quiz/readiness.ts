/**
 * Readiness for an exam date, shown with the learner's progress: days left, how many cards a day cover
 * every exam topic once before the date, and per domain an estimate of readiness. The estimate is only an
 * estimate, and says how it is made: recent accuracy in the domain, blended with how well the learner
 * still recalls that domain's review cards (FSRS retrievability).
 */
import { parseCardId, parseQuestionId } from '../ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import { DOMAIN_NAMES, type Domain } from '../knowledge/types';
import type { LearnerState } from './learnerState';
import { retrievability } from './scheduler';

/** Answers per domain that count as "recent". */
export const RECENT_ANSWERS = 30;
/** Fewer recent answers than this give no estimate. */
export const MIN_ANSWERS = 5;
/** Weight of recent accuracy against recall of the review cards. */
export const ACCURACY_WEIGHT = 0.6;

const DAY = 86_400_000;

export interface DomainReadiness {
  domain: Domain;
  name: string;
  /** 0 to 100, or undefined when there are too few answers to say. */
  estimate?: number;
  recentAnswers: number;
  recentAccuracy?: number;
  cards: number;
  meanRecall?: number;
}

export interface Readiness {
  examDate: string;
  daysLeft: number;
  /** Exam topics (notes with authored questions) the learner has never answered. */
  topicsLeft: number;
  topicsTotal: number;
  /** Cards a day to reach every topic once before the date, plus the reviews already due. */
  perDay: number;
  domains: DomainReadiness[];
  /** How the estimate is made, in one sentence. */
  method: string;
}

/** `YYYY-MM-DD` as the start of that day, local time; undefined when it is not such a date. */
export function parseExamDate(text: string | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text?.trim() ?? '');
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getMonth() === Number(m[2]) - 1 ? date.getTime() : undefined;
}

/** The domain a review card belongs to, if any (cards from the learner's notes belong to none). */
function cardDomain(kb: KnowledgeBase, cardId: string): Domain | undefined {
  const card = parseCardId(cardId);
  if (!card || card.kind === 'usernote') return undefined;
  if (card.kind === 'port') return 3;
  if (card.kind === 'svc') return kb.entry(card.key)?.domains[0];
  const q = parseQuestionId(card.key);
  return q.kind === 'bank' ? kb.questions.find((x) => x.id === q.id)?.domain : 3;
}

export function readiness(kb: KnowledgeBase, state: LearnerState, now: number, examDate: string, dueToday: number): Readiness | undefined {
  const exam = parseExamDate(examDate);
  if (exam === undefined) return undefined;
  const daysLeft = Math.max(0, Math.ceil((exam - now) / DAY));
  const topics = new Set(kb.questions.flatMap((q) => q.topics));
  const answered = new Set(state.answers.flatMap((a) => a.topics));
  const topicsLeft = [...topics].filter((t) => !answered.has(t)).length;
  const domains = ([1, 2, 3, 4] as Domain[]).map((domain): DomainReadiness => {
    const recent = state.answers.filter((a) => a.domain === domain && !a.q.startsWith('usernote:')).slice(-RECENT_ANSWERS);
    const accuracy = recent.length ? recent.filter((a) => a.correct).length / recent.length : undefined;
    const recalls = Object.entries(state.cards).filter(([id]) => cardDomain(kb, id) === domain).map(([, c]) => retrievability(c, now));
    const meanRecall = recalls.length ? recalls.reduce((s, r) => s + r, 0) / recalls.length : undefined;
    const estimate =
      accuracy === undefined || recent.length < MIN_ANSWERS ? undefined
      : meanRecall === undefined ? accuracy
      : ACCURACY_WEIGHT * accuracy + (1 - ACCURACY_WEIGHT) * meanRecall;
    return { domain, name: DOMAIN_NAMES[domain], estimate: estimate === undefined ? undefined : Math.round(100 * estimate), recentAnswers: recent.length, recentAccuracy: accuracy, cards: recalls.length, meanRecall };
  });
  return {
    examDate,
    daysLeft,
    topicsLeft,
    topicsTotal: topics.size,
    perDay: dueToday + (daysLeft > 0 ? Math.ceil(topicsLeft / daysLeft) : topicsLeft),
    domains,
    method: `An estimate: ${Math.round(ACCURACY_WEIGHT * 100)}% your accuracy on your last ${RECENT_ANSWERS} answers in the domain, ${Math.round((1 - ACCURACY_WEIGHT) * 100)}% how well you still recall its review cards (FSRS retrievability); none below ${MIN_ANSWERS} answers. AWS does not publish how the real exam is scored.`,
  };
}
