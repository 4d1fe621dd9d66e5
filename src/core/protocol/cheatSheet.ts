/**
 * The messages between the extension and the cheat-sheet webview. Both sides import this module;
 * the extension validates everything the webview sends with `parseCheatSheetMessage`.
 */

import { messageParser, type Fields, type Parsers } from './parse';
import { isEntryId, isRef, type Ref } from '../ids';

export type { Ref } from '../ids';

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
  /** Why some notes are not read here (workspace settings ignored in Restricted Mode). */
  notesNotice?: string;
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
  /** What the detail shows; the view decides by this, never by a label. */
  kind: 'entry' | 'resource' | 'port' | 'usernote';
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
  kind: 'comparison';
  ref: Ref;
  title: string;
  intro?: string;
  columns: { name: string; ref?: Ref }[];
  /** Cells are rendered inline Markdown. */
  rows: { label: string; cells: string[] }[];
  docs?: string;
}

/** "In this file": what the active editor's file mentions, grouped by service, findings first. */
export interface InFileModel {
  /** The document, as a URI string: line links go back to it. */
  uri: string;
  fileName: string;
  findings: { line: number; text: string; concept: { ref: Ref; name: string } }[];
  groups: { ref: Ref; name: string; summary: string; count: number; items: { label: string; ref: Ref; lines: number[] }[] }[];
  ports: { port: number; label: string; ref: Ref; lines: number[]; count: number }[];
  /** No AWS in the file. */
  empty: boolean;
}

/** "In this workspace": the services the workspace's templates and code use, and how the learner does on them. */
export interface InWorkspaceModel {
  state: 'idle' | 'scanning' | 'done' | 'cancelled';
  scanned: number;
  total: number;
  /** Files passed over, and why. */
  skipped: { tooLarge: number; binary: number; unreadable: number; overCap: number };
  services: { ref: Ref; name: string; count: number; files: number; answered: number; correct: number }[];
}

/**
 * What the view remembers. The extension keeps it (workspace state) and hands it to every new page, so a
 * hidden-and-shown view, a reloaded window and a fresh page all start from the same one copy.
 */
export interface CheatSheetViewState {
  tab: 'browse' | 'concepts' | 'compare' | 'ports' | 'notes';
  browseBy: 'category' | 'domain';
  query: string;
  portFilter: string;
  ref?: Ref;
  open: string[];
  scroll: number;
}

export type ExtensionToCheatSheet =
  /** `version` changes whenever the home model does (the learner's notes changed). */
  | { type: 'home'; home: HomeModel; version: number }
  | { type: 'results'; query: string; items: ListItem[] }
  | { type: 'detail'; detail: DetailModel }
  | { type: 'comparison'; comparison: ComparisonModel }
  | { type: 'notFound'; ref: Ref }
  | { type: 'reveal'; ref: Ref }
  /** The active editor's file, or `undefined` when no file is open (`reason` says why). */
  | { type: 'inFile'; model?: InFileModel; reason?: string }
  | { type: 'inWorkspace'; model: InWorkspaceModel }
  /** Scroll to a section ("In this file") and highlight it. */
  | { type: 'showSection'; section: 'inFile' | 'inWorkspace' };

export type CheatSheetToExtension =
  /** `homeVersion`: the home model the page already shows (it came with the page), if any. */
  | { type: 'ready'; homeVersion?: number }
  | { type: 'state'; state: CheatSheetViewState }
  | { type: 'search'; query: string }
  | { type: 'open'; ref: Ref }
  | { type: 'openExternal'; url: string }
  | { type: 'quiz'; topic: string }
  | { type: 'openUserNote'; file: string; line: number }
  /** `ms` since the view's script started; `sinceNavigation` since its document began to load. */
  | { type: 'rendered'; ms: number; sinceNavigation?: number }
  /** Reveal a line of the file "In this file" shows. */
  | { type: 'revealLine'; uri: string; line: number }
  | { type: 'quizFile' }
  | { type: 'quizWorkspace' }
  | { type: 'scanWorkspace' }
  | { type: 'stopScan' };


const text = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : undefined);
const finite = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** One parser per message type: a message type without a parser does not compile. */
const PARSERS: Parsers<CheatSheetToExtension> = {
  ready: (m) => ({ type: 'ready', ...(Number.isInteger(m.homeVersion) ? { homeVersion: m.homeVersion as number } : {}) }),
  state: (m) => {
    const state = parseViewState(m.state);
    return state && { type: 'state', state };
  },
  search: (m) => {
    const query = text(m.query, 200);
    return query === undefined ? undefined : { type: 'search', query };
  },
  open: (m) => (isRef(m.ref) ? { type: 'open', ref: m.ref } : undefined),
  openExternal: (m) => {
    const url = text(m.url, 2000);
    return url && /^https:\/\/[^\s]+$/.test(url) ? { type: 'openExternal', url } : undefined;
  },
  quiz: (m) => (isEntryId(m.topic) ? { type: 'quiz', topic: m.topic } : undefined),
  openUserNote: (m) => {
    const file = text(m.file, 4000);
    return file && Number.isInteger(m.line) && (m.line as number) >= 0 ? { type: 'openUserNote', file, line: m.line as number } : undefined;
  },
  revealLine: (m) => {
    const uri = text(m.uri, 4000);
    return uri && Number.isInteger(m.line) && (m.line as number) >= 0 ? { type: 'revealLine', uri, line: m.line as number } : undefined;
  },
  quizFile: () => ({ type: 'quizFile' }),
  quizWorkspace: () => ({ type: 'quizWorkspace' }),
  scanWorkspace: () => ({ type: 'scanWorkspace' }),
  stopScan: () => ({ type: 'stopScan' }),
  rendered: (m) => {
    const ms = finite(m.ms);
    if (ms === undefined) return undefined;
    const sinceNavigation = finite(m.sinceNavigation);
    return sinceNavigation === undefined ? { type: 'rendered', ms } : { type: 'rendered', ms, sinceNavigation };
  },
};

/** The message if it is one the webview may send, else undefined. */
export const parseCheatSheetMessage = messageParser(PARSERS);

const TABS = ['browse', 'concepts', 'compare', 'ports', 'notes'] as const;

export const DEFAULT_VIEW_STATE: CheatSheetViewState = { tab: 'browse', browseBy: 'category', query: '', portFilter: '', open: [], scroll: 0 };

export function parseViewState(raw: unknown): CheatSheetViewState | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const s = raw as Fields;
  const tab = TABS.find((t) => t === s.tab);
  const query = text(s.query, 200);
  const portFilter = text(s.portFilter, 100);
  if (!tab || query === undefined || portFilter === undefined) return undefined;
  const open = Array.isArray(s.open) ? s.open.filter((o): o is string => typeof o === 'string' && o.length <= 100).slice(0, 50) : [];
  const scroll = finite(s.scroll);
  return {
    tab,
    browseBy: s.browseBy === 'domain' ? 'domain' : 'category',
    query,
    portFilter,
    ref: isRef(s.ref) ? s.ref : undefined,
    open,
    scroll: scroll !== undefined && scroll >= 0 ? scroll : 0,
  };
}
