/** A review question from a card of the learner's own notes: which definition belongs to the term? */
import { cardIds, questionIds } from '../ids';
import type { NoteCard } from '../knowledge/userNotes';
import { OPTION_IDS, type QuizQuestion } from './types';

export function noteCardQuestion(card: NoteCard): QuizQuestion {
  const options = [{ term: card.term, definition: card.definition }, ...card.distractors].map((o, i) => ({
    id: OPTION_IDS[i],
    text: o.definition,
    correct: i === 0,
    why: i === 0 ? `Your note on “${card.term}” (${card.fileLabel}:${card.line + 1}).` : `This is your note on “${o.term}”.`,
  }));
  return {
    id: questionIds.userNote(card.noteId),
    // Notes belong to no exam domain; the field is required, and results and progress leave notes out.
    domain: 3,
    topics: card.entryId ? [card.entryId] : [],
    type: 'single',
    prompt: `Which definition belongs to “${card.term}”?`,
    options,
    origin: 'notes',
    card: cardIds.userNote(card.noteId),
  };
}
