/**
 * "In this workspace": a background scan of the workspace's templates and code, cached per file and
 * updated on save, create and delete. It skips excluded and ignored folders, files over a size cap and
 * binary files, stops at a file-count cap, shows its progress in the status bar, can be stopped, and
 * gives the extension host back every few milliseconds.
 */
import * as vscode from 'vscode';
import { scanFile } from '../core/scan/scanFile';
import { countServices } from '../core/scan/summarize';
import type { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import { ALWAYS_EXCLUDED, gitignoreGlobs, isScannable, languageOfFile, scanFiles, WORKSPACE_INCLUDE, WorkspaceTally, type ReadResult, type ScanLoopResult, type ServiceCount } from '../core/scan/workspace';
import { DisposableStore } from '../dispose';
import type { KnowledgeService } from '../knowledge/knowledgeService';
import type { Settings } from '../settings';

/** The services one file mentions, counted. */
function servicesIn(kb: KnowledgeBase, file: string, text: string): ServiceCount[] {
  return countServices(scanFile(kb.lookup, { lines: text.split(/\r?\n/), languageId: languageOfFile(file), fileName: file }, (type) => kb.resource(type)?.entry));
}

export type ScanState = 'idle' | 'scanning' | 'done' | 'cancelled';

/** Hold the extension host at most this long before giving way. */
const SLICE_MS = 20;

export class InThisWorkspace extends DisposableStore {
  readonly tally = new WorkspaceTally();
  state: ScanState = 'idle';
  progress = { scanned: 0, total: 0 };
  last?: ScanLoopResult;
  private running?: Promise<void>;
  private cancel?: vscode.CancellationTokenSource;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly settings: Settings,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.register(vscode.workspace.onDidSaveTextDocument((d) => this.state !== 'idle' && void this.rescan(d.uri, d.getText())));
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(WORKSPACE_INCLUDE));
    this.register(watcher.onDidCreate((uri) => this.state !== 'idle' && void this.rescan(uri)));
    this.register(
      watcher.onDidDelete((uri) => {
        this.tally.remove(uri.toString());
        this.changed.fire();
      }),
    );
    this.register({ dispose: () => this.cancel?.cancel() });
  }

  /** Scans the workspace once (again with `force`); resolves when done or stopped. */
  scan(force = false): Promise<void> {
    if (this.running) return this.running;
    if (this.state === 'done' && !force) return Promise.resolve();
    this.running = this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  stop(): void {
    this.cancel?.cancel();
  }

  private async run(): Promise<void> {
    this.cancel = new vscode.CancellationTokenSource();
    const token = this.cancel.token;
    this.state = 'scanning';
    this.progress = { scanned: 0, total: 0 };
    this.changed.fire();
    await vscode.commands.executeCommand('setContext', 'cloudCoach.scanning', true);
    const kb = await this.knowledge.loadCore();
    const { maxFiles, maxFileSizeKB } = this.settings.current.scan;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Cloud Coach: scanning the workspace for AWS') }, async (report) => {
      const files = (await vscode.workspace.findFiles(WORKSPACE_INCLUDE, await this.excludeGlob(), maxFiles * 10, token)).map((u) => u.toString());
      let lastReport = 0;
      this.last = await scanFiles(files, (f) => this.read(f, maxFileSizeKB * 1024), (f, text) => this.tally.set(f, servicesIn(kb, f, text)), {
        maxFiles,
        sliceMs: SLICE_MS,
        now: () => performance.now(),
        pause: () => new Promise((r) => setTimeout(r, 0)),
        cancelled: () => token.isCancellationRequested,
        progress: (scanned, total) => {
          this.progress = { scanned, total };
          if (performance.now() - lastReport < 250) return;
          lastReport = performance.now();
          report.report({ message: vscode.l10n.t('{0} of {1} files', scanned, total) });
          this.changed.fire();
        },
      });
    });
    this.state = this.last?.cancelled ? 'cancelled' : 'done';
    await vscode.commands.executeCommand('setContext', 'cloudCoach.scanning', false);
    const r = this.last;
    if (r) this.log.info(`Workspace scan ${this.state}: ${r.scanned} files in ${r.wallMs.toFixed(0)} ms (longest block ${r.longestBlockMs.toFixed(1)} ms); skipped ${r.skipped.tooLarge} too large, ${r.skipped.binary} binary, ${r.skipped.unreadable} unreadable, ${r.skipped.overCap} over the cap of ${maxFiles} files`);
    this.changed.fire();
  }

  /** `files.exclude`, `search.exclude`, the always-skipped folders and folder names from .gitignore files. */
  private async excludeGlob(): Promise<string> {
    const globs = new Set(ALWAYS_EXCLUDED.map((f) => `**/${f}/**`));
    for (const section of ['files.exclude', 'search.exclude']) {
      const value = vscode.workspace.getConfiguration().get<Record<string, unknown>>(section) ?? {};
      for (const [glob, on] of Object.entries(value)) if (on === true) globs.add(glob);
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const text = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.gitignore')).then((b) => new TextDecoder().decode(b), () => '');
      for (const g of gitignoreGlobs(text)) globs.add(g);
    }
    return `{${[...globs].join(',')}}`;
  }

  private async read(file: string, maxBytes: number): Promise<ReadResult> {
    try {
      // One round trip per file: the size is checked on what was read (a file over the cap is rare).
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(file));
      if (bytes.length > maxBytes) return { skipped: 'tooLarge' };
      if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'binary' };
      return { text: new TextDecoder().decode(bytes) };
    } catch {
      // Deleted during the scan, or not readable: skipped, not an error.
      return { skipped: 'unreadable' };
    }
  }

  /** One file again, after a save or a create. */
  private async rescan(uri: vscode.Uri, text?: string): Promise<void> {
    if (!isScannable(uri.path)) return;
    const kb = await this.knowledge.loadCore();
    const read = text !== undefined ? { text } : await this.read(uri.toString(), this.settings.current.scan.maxFileSizeKB * 1024);
    if ('skipped' in read) this.tally.remove(uri.toString());
    else this.tally.set(uri.toString(), servicesIn(kb, uri.path, read.text));
    this.changed.fire();
  }
}
