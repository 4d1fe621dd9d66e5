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

/** The home screen. Lists refer to `items` by position, so each entry crosses to the view once. */
export interface HomeModel {
  items: ListItem[];
  categories: { name: string; items: number[] }[];
  domains: { domain: number; name: string; weight: number; items: number[] }[];
  concepts: { name: string; items: number[] }[];
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

/** What the view remembers: kept with setState, and mirrored to the extension so a window reload keeps it. */
export interface CheatSheetViewState {
  tab: 'browse' | 'concepts' | 'compare' | 'ports' | 'notes';
  browseBy: 'category' | 'domain';
  query: string;
  portFilter: string;
  ref?: Ref;
  open: string[];
  scroll: number;
  /** When the state was last changed (epoch ms): the newer copy wins after a reload. */
  savedAt: number;
}

export type ExtensionToCheatSheet =
  | { type: 'restore'; state: CheatSheetViewState }
  /** `version` changes whenever the home model does (the learner's notes changed). */
  | { type: 'home'; home: HomeModel; version: number }
  | { type: 'results'; query: string; items: ListItem[] }
  | { type: 'detail'; detail: DetailModel }
  | { type: 'comparison'; comparison: ComparisonModel }
  | { type: 'notFound'; ref: Ref }
  | { type: 'reveal'; ref: Ref };

export type CheatSheetToExtension =
  /** `homeVersion`: the home model the page already shows (it came with the page), if any. */
  | { type: 'ready'; savedAt: number; homeVersion?: number }
  | { type: 'state'; state: CheatSheetViewState }
  | { type: 'search'; query: string }
  | { type: 'open'; ref: Ref }
  | { type: 'openExternal'; url: string }
  | { type: 'quiz'; topic: string }
  | { type: 'openUserNote'; file: string; line: number }
  /** `ms` since the view's script started; `sinceNavigation` since its document began to load. */
  | { type: 'rendered'; ms: number; sinceNavigation?: number };

const REF = /^(entry|resource|port|comparison|usernote):[\w:./<>@+-]{1,200}$/;

/** The message if it is one the view may send, else undefined. */
export function parseCheatSheetMessage(raw: unknown): CheatSheetToExtension | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  const str = (k: string, max = 500) => (typeof m[k] === 'string' && (m[k] as string).length <= max ? (m[k] as string) : undefined);
  switch (m.type) {
    case 'ready':
      return {
        type: 'ready',
        savedAt: typeof m.savedAt === 'number' && Number.isFinite(m.savedAt) ? m.savedAt : 0,
        ...(Number.isInteger(m.homeVersion) ? { homeVersion: m.homeVersion as number } : {}),
      };
    case 'state': {
      const state = parseViewState(m.state);
      return state ? { type: 'state', state } : undefined;
    }
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
      if (typeof m.ms !== 'number' || !Number.isFinite(m.ms)) return undefined;
      return typeof m.sinceNavigation === 'number' && Number.isFinite(m.sinceNavigation) ? { type: 'rendered', ms: m.ms, sinceNavigation: m.sinceNavigation } : { type: 'rendered', ms: m.ms };
    default:
      return undefined;
  }
}

const TABS = ['browse', 'concepts', 'compare', 'ports', 'notes'] as const;

export function parseViewState(raw: unknown): CheatSheetViewState | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as Record<string, unknown>;
  const text = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : undefined);
  const tab = TABS.find((t) => t === s.tab);
  const query = text(s.query, 200);
  const portFilter = text(s.portFilter, 100);
  if (!tab || query === undefined || portFilter === undefined) return undefined;
  const ref = text(s.ref, 220);
  const open = Array.isArray(s.open) ? s.open.filter((o): o is string => typeof o === 'string' && o.length <= 100).slice(0, 50) : [];
  return {
    tab,
    browseBy: s.browseBy === 'domain' ? 'domain' : 'category',
    query,
    portFilter,
    ref: ref && REF.test(ref) ? ref : undefined,
    open,
    scroll: typeof s.scroll === 'number' && Number.isFinite(s.scroll) && s.scroll >= 0 ? s.scroll : 0,
    savedAt: typeof s.savedAt === 'number' && Number.isFinite(s.savedAt) ? s.savedAt : 0,
  };
}
