/**
 * The learner's notes as part of the knowledge base: each term becomes an entry, is matched to the
 * service or concept it is about (the user's "EBS Volume" attaches to Amazon EBS), and can be reviewed
 * as a card (term → definition).
 */
import type { EntryNames, NoteCard, NoteCards, UserNote, UserNotesSource } from '../knowledge/userNotes';
import { markdownToPlainText } from '../plainText';
import type { NoteTerm } from './parseNotes';

export interface NotesFile {
  /** The file as a URI string. */
  file: string;
  /** Shown to the learner: the path relative to its workspace folder. */
  label: string;
  terms: NoteTerm[];
  /** Whether the file's terms take part in review (`cloudCoach.notes.excludeFromReview`). */
  review: boolean;
  /** Kept for note ids: the file's path on disk for `file:` URIs (so ids match earlier versions), else the URI. */
  key?: string;
}

interface IndexedNote extends UserNote {
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

export class NotesIndex implements UserNotesSource, NoteCards {
  private readonly files = new Map<string, IndexedNote[]>();
  private readonly byEntry = new Map<string, IndexedNote[]>();
  private readonly byNoteId = new Map<string, IndexedNote>();

  constructor(private readonly names: EntryNames) {}

  /** Adds or replaces a file's notes. */
  setFile(f: NotesFile): void {
    this.removeFile(f.file, false);
    const key = fileKey(f.key ?? f.file);
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
      const id = this.names.exactEntry(candidate);
      if (id) return id;
    }
    return undefined;
  }

  all(): readonly UserNote[] {
    return [...this.files.values()].flat();
  }

  forEntry(entryId: string): readonly UserNote[] {
    return this.byEntry.get(entryId) ?? [];
  }

  byId(id: string): UserNote | undefined {
    return this.byNoteId.get(id);
  }

  reviewable(noteId: string): boolean {
    return this.byNoteId.get(noteId)?.review ?? false;
  }

  /** Note ids whose terms can be review cards: a definition, and enough other notes for distractors. */
  cardNoteIds(): string[] {
    return [...this.byNoteId.values()].filter((n) => n.review && n.definition && this.card(n.id)).map((n) => n.id);
  }

  /** "Which definition belongs to <term>?", with other terms' definitions from the same notes as distractors. */
  card(noteId: string): NoteCard | undefined {
    const n = this.byNoteId.get(noteId);
    if (!n?.definition) return undefined;
    const siblings = (this.files.get(n.file) ?? []).filter((o) => o.id !== n.id && o.definition && o.term.toLowerCase() !== n.term.toLowerCase());
    // Deterministic neighbours: the notes closest in the file, so distractors come from the same topic;
    // never two options that read the same.
    const texts = new Set([clip(n.definition).toLowerCase()]);
    const distractors: NoteCard['distractors'] = [];
    for (const o of [...siblings].sort((a, b) => Math.abs(a.line - n.line) - Math.abs(b.line - n.line))) {
      const text = clip(o.definition);
      if (texts.has(text.toLowerCase())) continue;
      texts.add(text.toLowerCase());
      distractors.push({ term: o.term, definition: text });
      if (distractors.length === 3) break;
    }
    if (distractors.length < 3) return undefined;
    return { noteId: n.id, term: n.term, entryId: n.entryId, fileLabel: n.fileLabel, line: n.line, definition: clip(n.definition), distractors };
  }

  /**
   * Where to open a note that a webview or a link asks for: only a file this index holds, at a line that
   * is a whole number (0 otherwise). Anything else is refused.
   */
  target(file: unknown, line: unknown): { file: string; line: number } | undefined {
    if (typeof file !== 'string' || !this.files.has(file)) return undefined;
    return { file, line: typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : 0 };
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
