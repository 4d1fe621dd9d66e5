/**
 * What Cloud Coach remembers about the learner: every answer, the review cards and past sessions, under
 * a versioned schema. Reading it never throws: an older version is migrated, a damaged one is recovered
 * record by record, and whatever cannot be read is reported (the caller keeps a copy of the raw value).
 */
import { migrateLegacyId } from '../ids';
import type { Domain } from '../knowledge/types';
import { QUIZ_MODES, type QuizMode } from './session';

export const LEARNER_STATE_VERSION = 3;
/** Older answers beyond this are dropped (oldest first) to keep the global state small. */
export const MAX_ANSWERS = 5000;
export const MAX_SESSIONS = 500;

export interface AnswerRecord {
  /** Question id. */
  q: string;
  choice: string[];
  correct: boolean;
  ms: number;
  at: number;
  domain: Domain;
  topics: string[];
  mode: QuizMode;
}

/** An FSRS card as JSON: dates as epoch milliseconds. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: number;
}

export interface SessionSummary {
  id: string;
  mode: QuizMode;
  title: string;
  at: number;
  correct: number;
  total: number;
  scaled?: number;
}

export interface LearnerState {
  version: typeof LEARNER_STATE_VERSION;
  answers: AnswerRecord[];
  cards: Record<string, StoredCard>;
  sessions: SessionSummary[];
}

export interface LoadedLearnerState {
  state: LearnerState;
  /** What could not be read, for one clear message. Empty when all is well. */
  problems: string[];
  /** The stored value was changed on reading (migrated or repaired): write it back, keep a copy of the old. */
  changed: boolean;
}

export function emptyLearnerState(): LearnerState {
  return { version: LEARNER_STATE_VERSION, answers: [], cards: {}, sessions: [] };
}

const MODES: readonly string[] = QUIZ_MODES;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function readAnswer(v: unknown): AnswerRecord | undefined {
  if (!isObject(v)) return undefined;
  const { q, choice, correct, ms, at, domain, topics, mode } = v;
  if (typeof q !== 'string' || !isStringArray(choice) || typeof correct !== 'boolean' || !isNumber(ms) || !isNumber(at)) return undefined;
  if (domain !== 1 && domain !== 2 && domain !== 3 && domain !== 4) return undefined;
  return { q, choice, correct, ms, at, domain, topics: isStringArray(topics) ? topics : [], mode: typeof mode === 'string' && MODES.includes(mode) ? (mode as QuizMode) : 'quick' };
}

function readCard(v: unknown): StoredCard | undefined {
  if (!isObject(v)) return undefined;
  const numbers = ['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state'] as const;
  if (!numbers.every((k) => isNumber(v[k]))) return undefined;
  const card = Object.fromEntries(numbers.map((k) => [k, v[k]])) as unknown as StoredCard;
  if (isNumber(v.last_review)) card.last_review = v.last_review;
  return card;
}

function readSession(v: unknown): SessionSummary | undefined {
  if (!isObject(v)) return undefined;
  const { id, mode, title, at, correct, total, scaled } = v;
  if (typeof id !== 'string' || typeof mode !== 'string' || !MODES.includes(mode) || typeof title !== 'string' || !isNumber(at) || !isNumber(correct) || !isNumber(total)) return undefined;
  return { id, mode: mode as QuizMode, title, at, correct, total, ...(isNumber(scaled) ? { scaled } : {}) };
}

/**
 * Version 1 (the pre-release schema) kept a flat `history` of `{ questionId, selected, correct, timeMs,
 * timestamp, domain }` and no cards. Version 2 adds topics, modes, review cards and session summaries.
 */
function migrateV1(raw: Record<string, unknown>, problems: string[]): LearnerState {
  const state = emptyLearnerState();
  const history = Array.isArray(raw.history) ? raw.history : [];
  let dropped = 0;
  for (const h of history) {
    const answer = isObject(h)
      ? readAnswer({ q: h.questionId, choice: h.selected, correct: h.correct, ms: h.timeMs, at: h.timestamp, domain: h.domain, topics: [], mode: 'quick' })
      : undefined;
    if (answer) state.answers.push(answer);
    else dropped++;
  }
  if (dropped) problems.push(`${dropped} answer(s) from the previous version could not be read`);
  return state;
}

/** Version 2 named the learner's note questions `note:<id>` and their cards `card:note:<id>`; version 3 says `usernote`. */
function migrateV2(state: LearnerState): void {
  for (const a of state.answers) a.q = migrateLegacyId(a.q);
  state.cards = Object.fromEntries(Object.entries(state.cards).map(([id, card]) => [migrateLegacyId(id), card]));
}

export function loadLearnerState(raw: unknown): LoadedLearnerState {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { state: emptyLearnerState(), problems, changed: false };
  if (!isObject(raw)) return { state: emptyLearnerState(), problems: ['the saved progress was not readable at all'], changed: true };
  if (raw.version === 1) return { state: migrateV1(raw, problems), problems, changed: true };
  if (raw.version === 2) {
    const loaded = readState({ ...raw, version: LEARNER_STATE_VERSION });
    migrateV2(loaded.state);
    return { ...loaded, changed: true };
  }
  return readState(raw);
}

/** Reads a state of the current version record by record, keeping what is readable. */
function readState(raw: Record<string, unknown>): LoadedLearnerState {
  const problems: string[] = [];
  if (raw.version !== LEARNER_STATE_VERSION) {
    if (isNumber(raw.version) && raw.version > LEARNER_STATE_VERSION) {
      problems.push(`the saved progress comes from a newer Cloud Coach (version ${raw.version}); it is kept as it is and this version starts fresh`);
    } else {
      problems.push('the saved progress has no known version');
    }
  }

  const state = emptyLearnerState();
  let dropped = 0;
  for (const a of Array.isArray(raw.answers) ? raw.answers : []) {
    const answer = readAnswer(a);
    if (answer) state.answers.push(answer);
    else dropped++;
  }
  if (raw.answers !== undefined && !Array.isArray(raw.answers)) problems.push('the answer history was damaged');
  if (dropped) problems.push(`${dropped} answer record(s) were damaged`);

  let badCards = 0;
  if (isObject(raw.cards)) {
    for (const [id, c] of Object.entries(raw.cards)) {
      const card = readCard(c);
      if (card) state.cards[id] = card;
      else badCards++;
    }
  } else if (raw.cards !== undefined) {
    problems.push('the review cards were damaged');
  }
  if (badCards) problems.push(`${badCards} review card(s) were damaged`);

  let badSessions = 0;
  for (const s of Array.isArray(raw.sessions) ? raw.sessions : []) {
    const session = readSession(s);
    if (session) state.sessions.push(session);
    else badSessions++;
  }
  if (badSessions) problems.push(`${badSessions} session summary(ies) were damaged`);

  state.answers.sort((a, b) => a.at - b.at);
  return { state, problems, changed: problems.length > 0 };
}

export function recordAnswers(state: LearnerState, answers: AnswerRecord[]): void {
  state.answers.push(...answers);
  if (state.answers.length > MAX_ANSWERS) state.answers.splice(0, state.answers.length - MAX_ANSWERS);
}

export function recordSession(state: LearnerState, summary: SessionSummary): void {
  state.sessions = [...state.sessions.filter((s) => s.id !== summary.id), summary].slice(-MAX_SESSIONS);
}
