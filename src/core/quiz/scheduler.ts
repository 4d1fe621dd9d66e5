/**
 * Spaced repetition with FSRS (ts-fsrs): missed questions and concept cards are scheduled, and each review
 * moves a card's next due date. Cards live in the learner state as plain JSON.
 */
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { LearnerState, StoredCard } from './learnerState';

const scheduler = fsrs({ enable_fuzz: false });

function toCard(s: StoredCard): Card {
  return { ...s, due: new Date(s.due), last_review: s.last_review !== undefined ? new Date(s.last_review) : undefined } as Card;
}

function toStored(c: Card): StoredCard {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    last_review: c.last_review?.getTime(),
  };
}

/** Again when wrong; Good when right; Hard when right but slow (over a minute). */
export function gradeFor(correct: boolean, ms: number): Grade {
  if (!correct) return Rating.Again;
  return ms > 60_000 ? Rating.Hard : Rating.Good;
}

/** Reviews a card (creating it if new) and returns its next due time. */
export function review(state: LearnerState, cardId: string, correct: boolean, ms: number, now: number): number {
  const existing = state.cards[cardId];
  const card = existing ? toCard(existing) : createEmptyCard(new Date(now));
  const next = scheduler.next(card, new Date(now), gradeFor(correct, ms)).card;
  state.cards[cardId] = toStored(next);
  return next.due.getTime();
}

export function hasCard(state: LearnerState, cardId: string): boolean {
  return cardId in state.cards;
}

/** Card ids due at `now`, the most overdue first. */
export function dueCards(state: LearnerState, now: number, include: (cardId: string) => boolean = () => true): string[] {
  return Object.entries(state.cards)
    .filter(([id, c]) => c.due <= now && include(id))
    .sort((a, b) => a[1].due - b[1].due)
    .map(([id]) => id);
}

export function removeCard(state: LearnerState, cardId: string): void {
  delete state.cards[cardId];
}

/** How likely the learner still recalls a card at `now`, 0 to 1 (FSRS retrievability). */
export function retrievability(card: StoredCard, now: number): number {
  return scheduler.get_retrievability(toCard(card), new Date(now), false);
}
