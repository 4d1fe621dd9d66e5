/**
 * Where the learner's notes are: `cloudCoach.notes.paths` entries (files, folders, globs; absolute,
 * `~/`, or relative to their workspace folder) resolved to files, what to watch for changes, and one
 * problem per entry that points nowhere. Files are URI strings and are read through `NotesFileSystem`,
 * so the same code serves a local disk, a remote and a virtual file system (github.dev).
 */
import { URI, Utils } from 'vscode-uri';

export interface NotesFileSystem {
  /** What is at `uri`, or undefined when nothing is. */
  stat(uri: string): Promise<{ type: 'file' | 'directory'; size: number } | undefined>;
  /** Files below the folder `base` whose path relative to it matches `glob`, at most `limit`. */
  findFiles(base: string, glob: string, limit: number): Promise<string[]>;
  readFile(uri: string): Promise<Uint8Array>;
}

/** One entry of a notes setting, with the workspace folder (a URI string) it is relative to. */
export interface NotesSetting {
  folder?: string;
  value: string;
}

/** A folder and a glob relative to it: what to watch, or where a glob looks. */
export interface WatchPattern {
  base: string;
  glob: string;
}

export interface NotesProblem {
  /** The setting entry or the file the problem is about, as the learner wrote or sees it. */
  subject: string;
  reason: string;
}

export interface ResolvedNotes {
  files: string[];
  watch: WatchPattern[];
  problems: NotesProblem[];
}

export const MARKDOWN_GLOB = '**/*.{md,markdown,mdown,mkd,txt}';
/** A folder or glob yields at most this many files. */
export const FIND_LIMIT = 500;
const GLOB_CHAR = /[*?{[]/;

/** Where one entry points: a URI, or a folder and a glob. */
export type NotesLocation = { kind: 'path'; uri: string } | { kind: 'glob'; base: string; glob: string };

export function locate(setting: NotesSetting, home?: string): NotesLocation | NotesProblem {
  const written = setting.value.trim();
  const fail = (reason: string): NotesProblem => ({ subject: written, reason });
  let value = written.replace(/\\/g, '/');
  let root: URI | undefined;
  // A URI (file:///..., vscode-vfs://github/..., memfs:/...); a one-letter scheme would be a Windows drive.
  if (/^[a-z][a-z0-9+.-]+:\//i.test(value)) return pathOrGlob(URI.parse(value), '');
  if (value === '~' || value.startsWith('~/')) {
    if (!home) return fail('starts with ~, but there is no home folder here');
    root = URI.parse(home);
    value = value.slice(2);
  } else if (value.startsWith('/') || /^[a-z]:\//i.test(value)) {
    root = URI.file(value.slice(0, value.startsWith('/') ? 1 : 3));
    value = value.slice(value.startsWith('/') ? 1 : 3);
  } else if (setting.folder) {
    root = URI.parse(setting.folder);
  } else {
    return fail('is a relative path, but no workspace folder is open');
  }
  return pathOrGlob(root, value);
}

function pathOrGlob(root: URI, rest: string): NotesLocation {
  const glob = GLOB_CHAR.exec(rest);
  if (!glob) return { kind: 'path', uri: (rest ? Utils.joinPath(root, rest) : root).toString() };
  // The static folders before the first wildcard are the base; the rest is the glob.
  const cut = rest.lastIndexOf('/', glob.index) + 1;
  const folder = rest.slice(0, cut).replace(/\/+$/, '');
  return { kind: 'glob', base: (folder ? Utils.joinPath(root, folder) : root).toString(), glob: rest.slice(cut) };
}

/** Resolves every entry to files, in order and without repeats. */
export async function resolveNotes(settings: readonly NotesSetting[], fs: NotesFileSystem, home?: string): Promise<ResolvedNotes> {
  const out: ResolvedNotes = { files: [], watch: [], problems: [] };
  const seen = new Set<string>();
  for (const setting of settings) {
    const location = locate(setting, home);
    if ('reason' in location) {
      out.problems.push(location);
      continue;
    }
    const found = await filesAt(location, fs, out.watch);
    if (typeof found === 'string') out.problems.push({ subject: setting.value.trim(), reason: found });
    else for (const f of found) if (!seen.has(f) && (seen.add(f), true)) out.files.push(f);
  }
  return out;
}

/** The files at a location, or why there are none; adds what to watch. */
async function filesAt(location: NotesLocation, fs: NotesFileSystem, watch: WatchPattern[]): Promise<string[] | string> {
  if (location.kind === 'glob') {
    watch.push({ base: location.base, glob: location.glob });
    const found = await fs.findFiles(location.base, location.glob, FIND_LIMIT);
    return found.length ? found : 'matches no files';
  }
  const uri = URI.parse(location.uri);
  const stat = await fs.stat(location.uri);
  if (stat?.type === 'directory') {
    watch.push({ base: location.uri, glob: MARKDOWN_GLOB });
    const found = await fs.findFiles(location.uri, MARKDOWN_GLOB, FIND_LIMIT);
    return found.length ? found : 'is a folder without Markdown files';
  }
  // A file, or one that does not exist yet: watch its name so that creating it later is noticed.
  watch.push({ base: Utils.dirname(uri).toString(), glob: Utils.basename(uri) });
  return stat ? [location.uri] : 'does not exist';
}

/** Reads a notes file as text, or says in one phrase why it cannot be used. */
export async function readNotesFile(fs: NotesFileSystem, uri: string, maxBytes: number): Promise<{ text: string } | { reason: string }> {
  try {
    const stat = await fs.stat(uri);
    if (!stat) return { reason: 'does not exist' };
    if (stat.size > maxBytes) return { reason: `is larger than ${+(maxBytes / 1024 / 1024).toFixed(2)} MB (cloudCoach.notes.maxFileSizeMB)` };
    const bytes = await fs.readFile(uri);
    if (bytes.subarray(0, 8192).includes(0)) return { reason: 'looks binary, not like Markdown' };
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { reason: 'is not valid UTF-8 text' };
    }
  } catch (e) {
    return { reason: `could not be read (${(e as Error).message})` };
  }
}

/** The key note ids are made from: the path on disk for `file:` URIs (as earlier versions did), else the URI. */
export function noteFileKey(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}
