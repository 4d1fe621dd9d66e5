/**
 * The learner's notes in VS Code: reads `cloudCoach.notes.*` through Settings, resolves and reads the
 * files through `vscode.workspace.fs` (so remote and virtual workspaces work too), watches them, and
 * feeds the notes index. Notes are only read, never written, and never leave the machine. A bad file is
 * skipped with one clear warning per file and reason, never a stream of notifications.
 */
import * as vscode from 'vscode';
import { NO_USER_NOTES, type EntryNames, type NoteCards, type UserNotesSource } from '../core/knowledge/userNotes';
import { NotesIndex } from '../core/notes/notesIndex';
import { parseNotes } from '../core/notes/parseNotes';
import { noteFileKey, readNotesFile, resolveNotes, type NotesSetting, type WatchPattern } from '../core/notes/sources';
import { DisposableStore, disposeAll } from '../dispose';
import type { Settings } from '../settings';
import { workspaceNotesFs } from './notesFs';

export class NotesService extends DisposableStore {
  private index?: NotesIndex;
  private watchers: vscode.Disposable[] = [];
  private readonly warned = new Set<string>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private loading?: Promise<void>;
  private excludedFiles = new Set<string>();
  private restrictedNoticeShown = false;
  private notice?: string;
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly names: () => Promise<EntryNames>,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
    /** The home folder as a URI string, where `~/` means something (not in a browser). */
    private readonly home?: string,
  ) {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cloudCoach.notes')) void this.reload();
      }),
    );
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()));
    this.register({ dispose: () => this.pending.forEach((t) => clearTimeout(t)) });
    this.register({ dispose: () => disposeAll(this.watchers) });
  }

  /** The index, once loaded; undefined while there are no notes. */
  get notes(): NotesIndex | undefined {
    return this.index;
  }

  /** The notes as the other features read them: always the current index, so a reload needs no rewiring. */
  readonly view: UserNotesSource & NoteCards = {
    all: () => this.current.all(),
    forEntry: (id) => this.current.forEntry(id),
    byId: (id) => this.current.byId(id),
    card: (id) => this.current.card(id),
    reviewable: (id) => this.current.reviewable(id),
    cardNoteIds: () => this.current.cardNoteIds(),
  };

  private get current(): UserNotesSource & NoteCards {
    return this.index ?? NO_USER_NOTES;
  }

  /** Why the workspace's own notes settings are not read (Restricted Mode), for the cheat sheet to say so. */
  restrictedNotice(): string | undefined {
    return this.notice;
  }

  /** Loads every configured file; resolves when done. Safe to call again (it reloads). */
  reload(): Promise<void> {
    this.loading = this.loadAll().catch((e: Error) => this.log.error(`Notes: ${e.message}`));
    return this.loading;
  }

  whenLoaded(): Promise<void> {
    return this.loading ?? this.reload();
  }

  private async loadAll(): Promise<void> {
    const noticeBefore = this.notice;
    await this.sayRestrictedOnce();
    if (this.notice !== noticeBefore) this.changed.fire();
    const settings = this.settings.notesSettings();
    const entries = (pick: 'paths' | 'excludeFromReview'): NotesSetting[] => settings.flatMap((s) => s[pick].map((value) => ({ folder: s.folder?.uri.toString(), value })));
    const paths = entries('paths');
    disposeAll(this.watchers);
    if (!paths.length) {
      if (this.index?.fileCount) {
        this.index = undefined;
        this.changed.fire();
      }
      return;
    }
    const started = Date.now();
    const index = new NotesIndex(await this.names());
    const resolved = await resolveNotes(paths, workspaceNotesFs, this.home);
    this.excludedFiles = new Set((await resolveNotes(entries('excludeFromReview'), workspaceNotesFs, this.home)).files);
    for (const p of resolved.problems) this.warnOnce(p.subject, p.reason);
    for (const pattern of resolved.watch) this.watch(pattern);
    for (const file of resolved.files) await this.readInto(index, file);
    this.index = index;
    this.log.info(`Notes: ${index.all().length} terms from ${index.fileCount} file(s) in ${Date.now() - started} ms`);
    this.changed.fire();
  }

  private async sayRestrictedOnce(): Promise<void> {
    const ignored = await this.settings.ignoredUntilTrusted();
    this.notice = ignored.length
      ? vscode.l10n.t(
          'This workspace sets {0}, which Cloud Coach ignores until you trust the workspace (Restricted Mode): notes files chosen by a workspace are read only in a trusted one.',
          ignored.reduce((a, b) => vscode.l10n.t('{0} and {1}', a, b)),
        )
      : undefined;
    if (!this.notice || this.restrictedNoticeShown) return;
    this.restrictedNoticeShown = true;
    this.log.warn(`Notes: ${this.notice}`);
  }

  private watch(pattern: WatchPattern): void {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.parse(pattern.base), pattern.glob));
    const onChange = (uri: vscode.Uri) => this.schedule(uri.toString());
    this.watchers.push(
      watcher,
      watcher.onDidChange(onChange),
      watcher.onDidCreate(onChange),
      watcher.onDidDelete((uri) => {
        const file = uri.toString();
        if (!this.index?.hasFile(file)) return;
        this.index.removeFile(file);
        this.warnOnce(this.label(file), vscode.l10n.t('was deleted; its notes were removed'));
        this.changed.fire();
      }),
    );
  }

  /** Edits come in bursts (save, format): re-read a file once they settle, well within a second. */
  private schedule(file: string): void {
    clearTimeout(this.pending.get(file));
    this.pending.set(
      file,
      setTimeout(async () => {
        this.pending.delete(file);
        if (!this.index) return void this.reload();
        const started = Date.now();
        await this.readInto(this.index, file);
        this.log.info(`Notes: re-read ${this.label(file)} in ${Date.now() - started} ms`);
        this.changed.fire();
      }, 150),
    );
  }

  private async readInto(index: NotesIndex, file: string): Promise<void> {
    const label = this.label(file);
    const read = await readNotesFile(workspaceNotesFs, file, this.settings.current.notes.maxFileSizeMB * 1024 * 1024);
    if ('reason' in read) {
      index.removeFile(file);
      return this.warnOnce(label, read.reason);
    }
    index.setFile({ file, label, terms: parseNotes(read.text), review: !this.excludedFiles.has(file), key: noteFileKey(file) });
    this.warned.forEach((w) => w.startsWith(`${label}|`) && this.warned.delete(w));
  }

  /** As the Explorer names the file: relative to its folder, with the folder's name first in a multi-root workspace. */
  private label(file: string): string {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(file), (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  private warnOnce(subject: string, reason: string): void {
    const key = `${subject}|${reason}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.log.warn(`Notes: ${subject} ${reason}; skipped.`);
    void vscode.window.showWarningMessage(vscode.l10n.t('Cloud Coach skipped your notes file {0}: it {1}.', subject, reason));
  }
}

/** "Cloud Coach: Add Notes File...": pick a Markdown file and add it to `cloudCoach.notes.paths`. */
export async function addNotesFile(): Promise<void> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    canSelectFolders: false,
    openLabel: vscode.l10n.t('Add to Cloud Coach'),
    title: vscode.l10n.t('Cloud Coach: Add Notes File'),
    filters: { Markdown: ['md', 'markdown', 'txt'] },
  });
  const uri = picked?.[0];
  if (!uri) return;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const config = vscode.workspace.getConfiguration('cloudCoach.notes', folder?.uri);
  const value = folder ? vscode.workspace.asRelativePath(uri, false) : uri.scheme === 'file' ? uri.fsPath : uri.toString();
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  const current = (config.inspect<string[]>('paths')?.[folder ? 'workspaceFolderValue' : 'globalValue'] ?? []).filter((p) => typeof p === 'string');
  if (current.includes(value)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Cloud Coach already reads {0}.', value));
    return;
  }
  await config.update('paths', [...current, value], target);
  void vscode.window.showInformationMessage(vscode.l10n.t('Cloud Coach now reads your notes in {0}.', value));
}

/**
 * Opens a learner's note (from a hover link or the cheat sheet). The one way in: only a file the notes
 * index holds, at a line clamped to the document. Anything else is refused and logged.
 */
export async function openUserNote(index: NotesIndex | undefined, file: unknown, line: unknown, log: vscode.LogOutputChannel): Promise<void> {
  const target = index?.target(file, line);
  if (!target) {
    log.warn(`Notes: refused to open ${JSON.stringify(file)?.slice(0, 200)}: not one of your notes files`);
    return;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.file));
  const position = new vscode.Position(Math.min(target.line, document.lineCount - 1), 0);
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: true });
}
