/**
 * Every kind of id Cloud Coach passes between its parts, in one place: command ids with their arguments,
 * references to what the cheat sheet shows, quiz question ids and review card ids. Each kind has a
 * builder and a parser, so no other module writes or splits these strings by hand.
 */

/** The one entry-id shape (kebab-case), for notes and catalogue entries alike. */
const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isEntryId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 100 && ENTRY_ID.test(value);
}

// ─── Commands ───────────────────────────────────────────────────────────────────────────────────────

export const Command = {
  startQuiz: 'cloudCoach.startQuiz',
  lookUp: 'cloudCoach.lookUp',
  openCheatSheet: 'cloudCoach.openCheatSheet',
  reviewDue: 'cloudCoach.reviewDue',
  showProgress: 'cloudCoach.showProgress',
  addNotesFile: 'cloudCoach.addNotesFile',
  openUserNote: 'cloudCoach.openUserNote',
  quizFile: 'cloudCoach.quizFile',
  quizWorkspace: 'cloudCoach.quizWorkspace',
  showInFile: 'cloudCoach.showInFile',
  scanWorkspace: 'cloudCoach.scanWorkspace',
  stopWorkspaceScan: 'cloudCoach.stopWorkspaceScan',
  openSample: 'cloudCoach.openSample',
} as const;

export type CommandId = (typeof Command)[keyof typeof Command];

/** What a `cloudCoach.startQuiz` caller may pass (a hover link, the cheat sheet, another command). */
export interface QuizRequestArg {
  mode: string;
  topic?: string;
  count?: number;
  domain?: number;
  questionIds?: string[];
  /** For `file`: the document (a URI string); the active editor's when absent. */
  uri?: string;
}

/** The arguments each command takes. Links and callers are typed against this, not against strings. */
export interface CommandArgs {
  'cloudCoach.startQuiz': [request?: QuizRequestArg];
  'cloudCoach.lookUp': [];
  'cloudCoach.openCheatSheet': [entryId?: string];
  'cloudCoach.reviewDue': [];
  'cloudCoach.showProgress': [];
  'cloudCoach.addNotesFile': [];
  /** A notes file the notes index knows (its URI string) and a 0-based line. */
  'cloudCoach.openUserNote': [file: string, line: number];
  /** The document to quiz on (a URI string); the active editor's when absent. */
  'cloudCoach.quizFile': [uri?: string];
  'cloudCoach.quizWorkspace': [];
  'cloudCoach.showInFile': [];
  'cloudCoach.scanWorkspace': [];
  'cloudCoach.stopWorkspaceScan': [];
  'cloudCoach.openSample': [];
}

/** A `command:` link for trusted Markdown (hovers), with JSON-encoded arguments. */
export function commandLink<C extends CommandId>(command: C, ...args: CommandArgs[C]): string {
  return args.length ? `command:${command}?${encodeURIComponent(JSON.stringify(args))}` : `command:${command}`;
}

// ─── References: what the cheat sheet can open ──────────────────────────────────────────────────────

export const REF_KINDS = ['entry', 'resource', 'port', 'comparison', 'usernote'] as const;
export type RefKind = (typeof REF_KINDS)[number];
export type Ref = `${RefKind}:${string}`;

export const refs = {
  entry: (id: string): Ref => `entry:${id}`,
  resource: (type: string): Ref => `resource:${type}`,
  port: (port: number): Ref => `port:${port}`,
  comparison: (id: string): Ref => `comparison:${id}`,
  userNote: (noteId: string): Ref => `usernote:${noteId}`,
};

const REF = /^(entry|resource|port|comparison|usernote):([\w:./<>@+-]{1,200})$/;

export function parseRef(text: unknown): { kind: RefKind; key: string } | undefined {
  if (typeof text !== 'string') return undefined;
  const m = REF.exec(text);
  return m ? { kind: m[1] as RefKind, key: m[2] } : undefined;
}

export function isRef(text: unknown): text is Ref {
  return parseRef(text) !== undefined;
}

/** The entry a reference names, if it names one. */
export function entryOfRef(ref: string): string | undefined {
  const parsed = parseRef(ref);
  return parsed?.kind === 'entry' ? parsed.key : undefined;
}

// ─── Quiz questions ─────────────────────────────────────────────────────────────────────────────────

export type GeneratedKind = 'svc' | 'port' | 'proto' | 'cat' | 'not';

/**
 * Question ids: the authored bank's own ids (`d1-001`), generated questions (`gen:<kind>:<key>`), and
 * cards made from the learner's notes (`usernote:<noteId>`).
 */
export const questionIds = {
  generated: (kind: GeneratedKind, key: string | number) => `gen:${kind}:${key}`,
  userNote: (noteId: string) => `usernote:${noteId}`,
};

export type ParsedQuestionId = { kind: 'bank'; id: string } | { kind: 'generated'; generator: GeneratedKind; key: string } | { kind: 'usernote'; noteId: string };

export function parseQuestionId(id: string): ParsedQuestionId {
  const generated = /^gen:(svc|port|proto|cat|not):(.+)$/.exec(id);
  if (generated) return { kind: 'generated', generator: generated[1] as GeneratedKind, key: generated[2] };
  if (id.startsWith('usernote:')) return { kind: 'usernote', noteId: id.slice('usernote:'.length) };
  return { kind: 'bank', id };
}

export function isUserNoteQuestion(id: string): boolean {
  return parseQuestionId(id).kind === 'usernote';
}

// ─── Review cards ───────────────────────────────────────────────────────────────────────────────────

export type CardKind = 'q' | 'svc' | 'port' | 'usernote';

/** Review card ids: a missed question, a service, a port, or a term from the learner's notes. */
export const cardIds = {
  question: (questionId: string) => `card:q:${questionId}`,
  service: (entryId: string) => `card:svc:${entryId}`,
  port: (port: number) => `card:port:${port}`,
  userNote: (noteId: string) => `card:usernote:${noteId}`,
};

export function parseCardId(id: string): { kind: CardKind; key: string } | undefined {
  const m = /^card:(q|svc|port|usernote):(.+)$/.exec(id);
  return m ? { kind: m[1] as CardKind, key: m[2] } : undefined;
}

// ─── Saved ids from before the rename ───────────────────────────────────────────────────────────────

/** Learner-note questions and cards were `note:<id>` and `card:note:<id>` up to learner state version 2. */
export function migrateLegacyId(id: string): string {
  if (id.startsWith('note:')) return questionIds.userNote(id.slice('note:'.length));
  if (id.startsWith('card:note:')) return cardIds.userNote(id.slice('card:note:'.length));
  return id;
}
