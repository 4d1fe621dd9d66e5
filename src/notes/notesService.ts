/**
 * Finds, reads and watches the learner's notes files (`cloudCoach.notes.paths`), feeding NotesIndex.
 * Notes are only read, never written, and never leave the machine. Bad input (a missing path, a folder
 * without Markdown, a binary or oversized file, invalid UTF-8, a deleted file) is skipped with one clear
 * warning per file and reason, never a stream of notifications.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Settings } from '../config';
import { NotesIndex } from '../core/notes/notesIndex';
import { parseNotes } from '../core/notes/parseNotes';
import type { UserNoteSnippet } from '../core/hover/render';
import { commandLink } from '../core/hover/render';
import type { KnowledgeService } from '../knowledge/knowledgeService';

export const OPEN_USER_NOTE = 'cloudCoach.openUserNote';
const MARKDOWN = '{md,markdown,mdown,mkd,txt}';

interface Source {
  folder?: vscode.WorkspaceFolder;
  /** As written in the setting. */
  setting: string;
}

export class NotesService implements vscode.Disposable {
  private index?: NotesIndex;
  private watchers: vscode.Disposable[] = [];
  private readonly warned = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private pending = new Map<string, ReturnType<typeof setTimeout>>();
  private loading?: Promise<void>;
  private excludedFiles = new Set<string>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cloudCoach.notes')) void this.reload();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()),
    );
  }

  /** The index, once loaded; undefined while there are no notes yet. */
  get notes(): NotesIndex | undefined {
    return this.index;
  }

  /** Snippets for the hover: the learner's notes about an entry, each with a link to its line. */
  snippets = (entryId: string): readonly UserNoteSnippet[] =>
    (this.index?.forEntry(entryId) ?? []).map((n) => ({ term: n.term, markdown: n.markdown, fileLabel: `${n.fileLabel}:${n.line + 1}`, openLink: commandLink(OPEN_USER_NOTE, [n.file, n.line]) }));

  /** Loads every configured file; resolves when done. Safe to call again (it reloads). */
  reload(): Promise<void> {
    this.loading = this.loadAll().catch((e: Error) => this.log.error(`Notes: ${e.message}`));
    return this.loading;
  }

  whenLoaded(): Promise<void> {
    return this.loading ?? this.reload();
  }

  private async loadAll(): Promise<void> {
    const sources = this.sources();
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    if (!sources.length) {
      if (this.index?.fileCount) {
        this.index = undefined;
        this.changed.fire();
      }
      return;
    }
    const search = await this.knowledge.search();
    const index = new NotesIndex(search);
    this.excludedFiles = await this.resolveExcluded();
    const started = Date.now();
    const files = new Set<string>();
    for (const source of sources) {
      for (const uri of await this.resolve(source)) files.add(uri.fsPath);
    }
    for (const file of files) await this.readInto(index, vscode.Uri.file(file));
    this.index = index;
    this.log.info(`Notes: ${index.all().length} terms from ${index.fileCount} file(s) in ${Date.now() - started} ms`);
    this.changed.fire();
  }

  private sources(): Source[] {
    const out: Source[] = [];
    const folders = vscode.workspace.workspaceFolders ?? [];
    const seen = new Set<string>();
    for (const folder of folders) {
      for (const setting of vscode.workspace.getConfiguration('cloudCoach.notes', folder.uri).get<unknown[]>('paths') ?? []) {
        if (typeof setting !== 'string' || !setting.trim() || seen.has(`${folder.uri}|${setting}`)) continue;
        seen.add(`${folder.uri}|${setting}`);
        out.push({ folder, setting: setting.trim() });
      }
    }
    if (!folders.length) for (const setting of this.settings.current.notes.paths) out.push({ setting });
    return out;
  }

  /** Files for one setting entry: a file, a folder (its Markdown files) or a glob. */
  private async resolve(source: Source): Promise<vscode.Uri[]> {
    const { folder, setting } = source;
    const expanded = setting.startsWith('~/') ? path.join(process.env.HOME ?? '', setting.slice(2)) : setting;
    const isGlob = /[*?{[]/.test(expanded);
    const base = path.isAbsolute(expanded) ? undefined : folder?.uri;
    if (isGlob) {
      const pattern = base ? new vscode.RelativePattern(base, expanded) : new vscode.RelativePattern(vscode.Uri.file(path.dirname(expanded.split(/[*?{[]/)[0] + 'x')), path.basename(expanded));
      const found = await vscode.workspace.findFiles(pattern, '**/node_modules/**', 500);
      this.watch(pattern);
      if (!found.length) this.warnOnce(setting, 'matches no files');
      return found;
    }
    const uri = base ? vscode.Uri.joinPath(base, expanded) : vscode.Uri.file(expanded);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      this.warnOnce(setting, 'does not exist');
      this.watch(new vscode.RelativePattern(vscode.Uri.file(path.dirname(uri.fsPath)), path.basename(uri.fsPath)));
      return [];
    }
    if (stat.type & vscode.FileType.Directory) {
      const pattern = new vscode.RelativePattern(uri, `**/*.${MARKDOWN}`);
      const found = await vscode.workspace.findFiles(pattern, '**/node_modules/**', 500);
      this.watch(pattern);
      if (!found.length) this.warnOnce(setting, 'is a folder without Markdown files');
      return found;
    }
    this.watch(new vscode.RelativePattern(vscode.Uri.file(path.dirname(uri.fsPath)), path.basename(uri.fsPath)));
    return [uri];
  }

  private watch(pattern: vscode.RelativePattern): void {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onChange = (uri: vscode.Uri) => this.schedule(uri);
    this.watchers.push(
      watcher,
      watcher.onDidChange(onChange),
      watcher.onDidCreate(onChange),
      watcher.onDidDelete((uri) => {
        if (!this.index?.hasFile(uri.fsPath)) return;
        this.index.removeFile(uri.fsPath);
        this.warnOnce(uri.fsPath, 'was deleted; its notes were removed');
        this.changed.fire();
      }),
    );
  }

  /** Edits come in bursts (save, format): re-read a file once they settle, well within a second. */
  private schedule(uri: vscode.Uri): void {
    clearTimeout(this.pending.get(uri.fsPath));
    this.pending.set(
      uri.fsPath,
      setTimeout(async () => {
        this.pending.delete(uri.fsPath);
        if (!this.index) return void this.reload();
        const started = Date.now();
        await this.readInto(this.index, uri);
        this.log.info(`Notes: re-read ${uri.fsPath} in ${Date.now() - started} ms`);
        this.changed.fire();
      }, 150),
    );
  }

  private async readInto(index: NotesIndex, uri: vscode.Uri): Promise<void> {
    // As the Explorer names it: relative to its folder, with the folder's name first in a multi-root workspace.
    const label = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    const limit = this.settings.current.notes.maxFileSizeMB;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > limit * 1024 * 1024) {
        index.removeFile(uri.fsPath);
        return this.warnOnce(uri.fsPath, `is larger than ${limit} MB (cloudCoach.notes.maxFileSizeMB)`);
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.subarray(0, 8192).includes(0)) {
        index.removeFile(uri.fsPath);
        return this.warnOnce(uri.fsPath, 'looks binary, not like Markdown');
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        index.removeFile(uri.fsPath);
        return this.warnOnce(uri.fsPath, 'is not valid UTF-8 text');
      }
      const terms = parseNotes(text);
      index.setFile({ file: uri.fsPath, label, terms, review: !this.excluded(uri) });
      this.warned.forEach((w) => w.startsWith(`${uri.fsPath}|`) && this.warned.delete(w));
    } catch (e) {
      index.removeFile(uri.fsPath);
      this.warnOnce(uri.fsPath, `could not be read (${(e as Error).message})`);
    }
  }

  private excluded(uri: vscode.Uri): boolean {
    return this.excludedFiles.has(uri.fsPath);
  }

  /** The files `cloudCoach.notes.excludeFromReview` names (paths, folders or globs, like `paths`). */
  private async resolveExcluded(): Promise<Set<string>> {
    const out = new Set<string>();
    const folders = vscode.workspace.workspaceFolders ?? [];
    const entries: { folder?: vscode.WorkspaceFolder; setting: string }[] = [];
    for (const folder of folders) {
      for (const p of vscode.workspace.getConfiguration('cloudCoach.notes', folder.uri).get<unknown[]>('excludeFromReview') ?? []) {
        if (typeof p === 'string' && p.trim()) entries.push({ folder, setting: p.trim() });
      }
    }
    if (!folders.length) for (const p of this.settings.current.notes.excludeFromReview) entries.push({ setting: p });
    for (const { folder, setting } of entries) {
      const isGlob = /[*?{[]/.test(setting);
      if (isGlob && folder) {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, setting), null, 500)) out.add(uri.fsPath);
      } else {
        const full = path.isAbsolute(setting) || !folder ? setting : path.join(folder.uri.fsPath, setting);
        out.add(path.normalize(full));
        if (!isGlob) for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.file(full), `**/*.${MARKDOWN}`), null, 500).then(undefined, () => [])) out.add(uri.fsPath);
      }
    }
    return out;
  }

  private warnOnce(file: string, reason: string): void {
    const key = `${file}|${reason}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.log.warn(`Notes: ${file} ${reason}; skipped.`);
    void vscode.window.showWarningMessage(`Cloud Coach skipped your notes file ${file}: it ${reason}.`);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

/** "Cloud Coach: Add Notes File...": pick a Markdown file and add it to `cloudCoach.notes.paths`. */
export async function addNotesFile(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    canSelectFolders: false,
    openLabel: 'Add to Cloud Coach',
    title: 'Cloud Coach: Add Notes File',
    filters: { Markdown: ['md', 'markdown', 'txt'] },
  });
  const uri = picked?.[0];
  if (!uri) return;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const config = vscode.workspace.getConfiguration('cloudCoach.notes', folder?.uri);
  const value = folder ? path.relative(folder.uri.fsPath, uri.fsPath) : uri.fsPath;
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  const current = (config.inspect<string[]>('paths')?.[folder ? 'workspaceFolderValue' : 'globalValue'] ?? []).filter((p) => typeof p === 'string');
  if (current.includes(value)) {
    void vscode.window.showInformationMessage(`Cloud Coach already reads ${value}.`);
    return;
  }
  await config.update('paths', [...current, value], target);
  void vscode.window.showInformationMessage(`Cloud Coach now reads your notes in ${value}.`);
}

/** Opens a notes file at a line (from a hover or the cheat sheet); the arguments are checked, not trusted. */
export async function openUserNote(file: unknown, line: unknown): Promise<void> {
  if (typeof file !== 'string' || !path.isAbsolute(file)) return;
  const n = typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : 0;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const position = new vscode.Position(Math.min(n, document.lineCount - 1), 0);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: true });
}
