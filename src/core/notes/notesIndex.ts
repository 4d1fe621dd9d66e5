/**
 * The learner's notes as part of the knowledge base: each term becomes an entry, is matched to the
 * service or concept it is about (the user's "EBS Volume" attaches to Amazon EBS), and can be reviewed
 * as a card (term → definition).
 */
import type { UserNoteView, UserNotesSource } from '../cheatSheet/viewModel';
import type { NoteQuestions } from '../quiz/coach';
import { OPTION_IDS, type QuizQuestion } from '../quiz/types';
import { markdownToPlainText } from '../plainText';
import type { KnowledgeSearch } from '../search/search';
import type { NoteTerm } from './parseNotes';

export interface NotesFile {
  /** Absolute path. */
  file: string;
  /** Shown to the learner: the path relative to its workspace folder. */
  label: string;
  terms: NoteTerm[];
  /** Whether the file's terms take part in review (`cloudCoach.notes.excludeFromReview`). */
  review: boolean;
}

interface IndexedNote extends UserNoteView {
  review: boolean;
  definition: string;
}

/** Words that qualify a name without changing what it is about: "EBS Volume", "S3 overview". */
const GENERIC = /\s+(volumes?|overview|section|services?|hands[- ]on|intro(duction)?|basics|model|family|concepts?|notes?|deployments?|instances?)$/i;

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'note';
}

function fileKey(path: string): string {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619) >>> 0;
  return h.toString(36);
}

/** Candidate names for a term, most specific first. */
export function nameCandidates(term: string): string[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    const t = s?.replace(/\s+/g, ' ').trim();
    if (t && !out.includes(t)) out.push(t);
  };
  add(term);
  const inner = /\(([^)]+)\)/.exec(term)?.[1];
  const outer = term.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  add(outer);
  add(inner);
  for (const base of [outer, inner]) {
    let b = base ?? '';
    while (GENERIC.test(b)) {
      b = b.replace(GENERIC, '');
      add(b);
    }
  }
  // "EC2 On demand": the leading acronym names the service.
  const first = /^([A-Z][A-Z0-9]{1,5})\b/.exec(outer)?.[1];
  add(first);
  return out;
}

export class NotesIndex implements UserNotesSource, NoteQuestions {
  private readonly files = new Map<string, IndexedNote[]>();
  private readonly byEntry = new Map<string, IndexedNote[]>();
  private readonly byNoteId = new Map<string, IndexedNote>();

  constructor(private readonly search: KnowledgeSearch) {}

  /** Adds or replaces a file's notes. */
  setFile(f: NotesFile): void {
    this.removeFile(f.file, false);
    const key = fileKey(f.file);
    const used = new Map<string, number>();
    const notes = f.terms.map((t) => {
      const base = `${key}-${slug(t.term)}`;
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      return {
        id: n > 1 ? `${base}-${n}` : base,
        term: t.term,
        markdown: t.markdown,
        definition: t.isHeading ? headingDefinition(t.markdown) : t.definition || firstLine(t.markdown).replace(LIST_ITEM, '').trim(),
        file: f.file,
        line: t.line,
        fileLabel: f.label,
        entryId: this.match(t.term),
        review: f.review,
      } satisfies IndexedNote;
    });
    this.files.set(f.file, notes);
    this.reindex();
  }

  removeFile(file: string, reindex = true): void {
    this.files.delete(file);
    if (reindex) this.reindex();
  }

  hasFile(file: string): boolean {
    return this.files.has(file);
  }

  get fileCount(): number {
    return this.files.size;
  }

  private reindex(): void {
    this.byEntry.clear();
    this.byNoteId.clear();
    for (const notes of this.files.values()) {
      for (const n of notes) {
        this.byNoteId.set(n.id, n);
        if (!n.entryId) continue;
        const list = this.byEntry.get(n.entryId) ?? [];
        list.push(n);
        this.byEntry.set(n.entryId, list);
      }
    }
  }

  /** The knowledge-base entry a term is about, by exact names only (fast, and never a wild guess). */
  match(term: string): string | undefined {
    for (const candidate of nameCandidates(term)) {
      const id = this.search.exactEntry(candidate);
      if (id) return id;
    }
    return undefined;
  }

  all(): readonly UserNoteView[] {
    return [...this.files.values()].flat();
  }

  forEntry(entryId: string): readonly UserNoteView[] {
    return this.byEntry.get(entryId) ?? [];
  }

  byId(id: string): UserNoteView | undefined {
    return this.byNoteId.get(id);
  }

  reviewable(noteId: string): boolean {
    return this.byNoteId.get(noteId)?.review ?? false;
  }

  /** Note ids whose terms can be review cards: a definition, and enough other notes for distractors. */
  cardNoteIds(): string[] {
    return [...this.byNoteId.values()].filter((n) => n.review && n.definition && this.question(n.id)).map((n) => n.id);
  }

  /** "Which definition belongs to <term>?", with other terms' definitions from the same notes as distractors. */
  question(noteId: string): QuizQuestion | undefined {
    const n = this.byNoteId.get(noteId);
    if (!n?.definition) return undefined;
    const siblings = (this.files.get(n.file) ?? []).filter((o) => o.id !== n.id && o.definition && o.term.toLowerCase() !== n.term.toLowerCase());
    // Deterministic neighbours: the notes closest in the file, so distractors come from the same topic;
    // never two options that read the same.
    const texts = new Set([clip(n.definition).toLowerCase()]);
    const distractors: IndexedNote[] = [];
    for (const o of [...siblings].sort((a, b) => Math.abs(a.line - n.line) - Math.abs(b.line - n.line))) {
      const text = clip(o.definition).toLowerCase();
      if (texts.has(text)) continue;
      texts.add(text);
      distractors.push(o);
      if (distractors.length === 3) break;
    }
    if (distractors.length < 3) return undefined;
    const options = [n, ...distractors].map((o, i) => ({
      id: OPTION_IDS[i],
      text: clip(o.definition),
      correct: o === n,
      why: o === n ? `Your note on “${n.term}” (${n.fileLabel}:${n.line + 1}).` : `This is your note on “${o.term}”.`,
    }));
    return {
      id: `note:${n.id}`,
      domain: 3,
      topics: n.entryId ? [n.entryId] : [],
      type: 'single',
      prompt: `Which definition belongs to “${n.term}”?`,
      options,
      origin: 'notes',
      card: `card:note:${n.id}`,
    };
  }
}

/**
 * A heading defines its term only when a sentence follows it; a heading over a list of terms ("## Compute"
 * above "- EC2: ...") is a section, and its first bullet belongs to another term.
 */
function headingDefinition(markdown: string): string {
  const first = firstLine(markdown);
  return LIST_ITEM.test(first) || /^\s*```/.test(first) ? '' : first.trim();
}

const LIST_ITEM = /^\s*([-*+]|\d+[.)])\s+/;

function firstLine(markdown: string): string {
  return markdown.split('\n').find((l) => l.trim()) ?? '';
}

function clip(s: string): string {
  const one = markdownToPlainText(s);
  return one.length > 180 ? `${one.slice(0, 177)}...` : one;
}
