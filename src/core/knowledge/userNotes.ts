/**
 * The small types through which the learner's notes meet the rest of Cloud Coach: hovers, the cheat
 * sheet, search and review read notes through these, never through the notes feature's internals.
 */

/** A term from the learner's own notes. */
export interface UserNote {
  id: string;
  term: string;
  markdown: string;
  /** The notes file, as a URI string. */
  file: string;
  /** 0-based line of the term. */
  line: number;
  /** How the Explorer names the file: relative to its workspace folder. */
  fileLabel: string;
  /** The entry the term is about, when it names one. */
  entryId?: string;
}

export interface UserNotesSource {
  all(): readonly UserNote[];
  forEntry(entryId: string): readonly UserNote[];
  byId(noteId: string): UserNote | undefined;
}

/** A review card from a note: which definition belongs to the term, against other terms' definitions. */
export interface NoteCard {
  noteId: string;
  term: string;
  entryId?: string;
  fileLabel: string;
  line: number;
  definition: string;
  /** Definitions of other terms from the same notes, nearest in the file first. */
  distractors: { term: string; definition: string }[];
}

export interface NoteCards {
  card(noteId: string): NoteCard | undefined;
  /** Whether a note's cards take part in review (per-file opt-out). */
  reviewable(noteId: string): boolean;
  /** Note ids that can be review cards, in the learner's order. */
  cardNoteIds(): string[];
}

/** The entry whose name, short name, alias or notation is exactly `text` (case and punctuation aside). */
export interface EntryNames {
  exactEntry(text: string): string | undefined;
}

export const NO_USER_NOTES: UserNotesSource & NoteCards = {
  all: () => [],
  forEntry: () => [],
  byId: () => undefined,
  card: () => undefined,
  reviewable: () => false,
  cardNoteIds: () => [],
};
