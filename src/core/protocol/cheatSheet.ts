/**
 * The messages between the extension and the cheat-sheet webview. Both sides import this module;
 * the extension validates everything the webview sends with `parseCheatSheetMessage`.
 */

/** `entry:<id>`, `resource:<type>`, `port:<n>`, `comparison:<id>`, `usernote:<id>`. */
export type Ref = string;

export interface ListItem {
  ref: Ref;
  name: string;
  category: string;
  summary: string;
  /** Retired, renamed or closed: shown as a badge. */
  status?: string;
  mine?: boolean;
}

export interface HomeModel {
  categories: { name: string; items: ListItem[] }[];
  domains: { domain: number; name: string; weight: number; items: ListItem[] }[];
  concepts: { name: string; items: ListItem[] }[];
  comparisons: { id: string; title: string; intro?: string }[];
  ports: PortRow[];
  myNotes: ListItem[];
}

export interface PortRow {
  port: string;
  transport: string;
  protocol: string;
  name: string;
  use: string;
  aws: { ref: Ref; name: string }[];
  risk?: string;
}

export interface DetailModel {
  ref: Ref;
  title: string;
  category: string;
  kindLabel: string;
  status?: string;
  /** Rendered by markdown-it with raw HTML off; `note:` links become `data-ref` links. */
  html: string;
  notations: { label: string; values: string[] }[];
  related: { ref: Ref; name: string }[];
  docs?: string;
  quizTopic?: string;
  userNotes: { term: string; html: string; file: string; line: number; fileLabel: string }[];
}

export interface ComparisonModel {
  ref: Ref;
  title: string;
  intro?: string;
  columns: { name: string; ref?: Ref }[];
  /** Cells are rendered inline Markdown. */
  rows: { label: string; cells: string[] }[];
  docs?: string;
}

export type ExtensionToCheatSheet =
  | { type: 'home'; home: HomeModel }
  | { type: 'results'; query: string; items: ListItem[] }
  | { type: 'detail'; detail: DetailModel }
  | { type: 'comparison'; comparison: ComparisonModel }
  | { type: 'notFound'; ref: Ref }
  | { type: 'reveal'; ref: Ref };

export type CheatSheetToExtension =
  | { type: 'ready' }
  | { type: 'search'; query: string }
  | { type: 'open'; ref: Ref }
  | { type: 'openExternal'; url: string }
  | { type: 'quiz'; topic: string }
  | { type: 'openUserNote'; file: string; line: number }
  | { type: 'rendered'; ms: number };

const REF = /^(entry|resource|port|comparison|usernote):[\w:./<>@+-]{1,200}$/;

/** The message if it is one the view may send, else undefined. */
export function parseCheatSheetMessage(raw: unknown): CheatSheetToExtension | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  const str = (k: string, max = 500) => (typeof m[k] === 'string' && (m[k] as string).length <= max ? (m[k] as string) : undefined);
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'search': {
      const query = str('query', 200);
      return query === undefined ? undefined : { type: 'search', query };
    }
    case 'open': {
      const ref = str('ref', 220);
      return ref && REF.test(ref) ? { type: 'open', ref } : undefined;
    }
    case 'openExternal': {
      const url = str('url', 2000);
      return url && /^https:\/\/[^\s]+$/.test(url) ? { type: 'openExternal', url } : undefined;
    }
    case 'quiz': {
      const topic = str('topic', 100);
      return topic && /^[a-z0-9-]+$/.test(topic) ? { type: 'quiz', topic } : undefined;
    }
    case 'openUserNote': {
      const file = str('file', 4000);
      const line = m.line;
      return file && typeof line === 'number' && Number.isInteger(line) && line >= 0 ? { type: 'openUserNote', file, line } : undefined;
    }
    case 'rendered':
      return typeof m.ms === 'number' && Number.isFinite(m.ms) ? { type: 'rendered', ms: m.ms } : undefined;
    default:
      return undefined;
  }
}
