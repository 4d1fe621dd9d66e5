/** The sidebar cheat sheet: a webview view that shows what CheatSheetModel computes. */
import * as vscode from 'vscode';
import type { CheatSheetModel } from '../core/cheatSheet/viewModel';
import { parseCheatSheetMessage, parseViewState, DEFAULT_VIEW_STATE, type CheatSheetToExtension, type CheatSheetViewState, type ExtensionToCheatSheet, type InFileModel, type InWorkspaceModel, type Ref } from '../core/protocol/cheatSheet';
import { CHEAT_SHEET_DATA_ID } from '../core/protocol/pageJson';
import { DisposableStore } from '../dispose';
import { renderPage, webviewOptions, type MediaFiles } from '../webview/html';
import { receive } from '../webview/receive';
import { RenderTiming } from './renderTiming';

export const CHEAT_SHEET_VIEW = 'cloudCoach.cheatSheet';
const VIEW_STATE_KEY = 'cloudCoach.cheatSheet.viewState';
const STYLES = ['codicon.css', 'common.css', 'cheatSheet.css'];
const SCRIPTS = ['cheatSheet.js'];

export interface CheatSheetDeps {
  extensionUri: vscode.Uri;
  media: MediaFiles;
  getModel: () => Promise<CheatSheetModel>;
  log: vscode.LogOutputChannel;
  /** The view's state across pages and reloads: the one copy of it. */
  memento: vscode.Memento;
  startQuiz: (topic: string) => Thenable<unknown>;
  openUserNote: (file: string, line: number) => Thenable<unknown>;
  /** Why some notes are not read in this workspace, if they are not. */
  notesNotice: () => string | undefined;
  /** "In this file" and "In this workspace": what the view shows above its tabs. */
  scans: CheatSheetScans;
}

/** The two scans the cheat sheet shows, and what its buttons do with them. */
export interface CheatSheetScans {
  onDidChangeFile: vscode.Event<{ model?: InFileModel; reason?: string }>;
  onDidChangeWorkspace: vscode.Event<void>;
  /** Follow the active editor (and start the workspace scan) while the view is visible. */
  visible(on: boolean): void;
  latestFile(): { model?: InFileModel; reason?: string } | undefined;
  workspaceModel(): Promise<InWorkspaceModel>;
  quizFile(): Thenable<unknown>;
  quizWorkspace(): Thenable<unknown>;
  scanWorkspace(): void;
  stopScan(): void;
}

export class CheatSheetViewProvider extends DisposableStore implements vscode.WebviewViewProvider {
  private view?: vscode.WebviewView;
  private viewDisposables: vscode.Disposable[] = [];
  private ready = false;
  /** An entry to show once the view is ready (from the hover or the look-up command). */
  private pendingRef?: Ref;
  private homeVersion = 0;
  private pendingSection?: 'inFile' | 'inWorkspace';
  readonly timing = new RenderTiming();

  constructor(private readonly deps: CheatSheetDeps) {
    super();
    this.register({ dispose: () => this.viewDisposables.forEach((d) => d.dispose()) });
    this.register(deps.scans.onDidChangeFile((update) => this.ready && this.post({ type: 'inFile', ...update })));
    this.register(deps.scans.onDidChangeWorkspace(() => void this.sendWorkspace()));
  }

  private async sendWorkspace(): Promise<void> {
    if (this.ready) this.post({ type: 'inWorkspace', model: await this.deps.scans.workspaceModel() });
  }

  /** Scrolls the view to "In this file", opening the view if needed. */
  async showSection(section: 'inFile' | 'inWorkspace'): Promise<void> {
    this.pendingSection = section;
    if (this.view && this.ready) {
      this.view.show(true);
      this.post({ type: 'showSection', section });
      this.pendingSection = undefined;
      return;
    }
    await vscode.commands.executeCommand(`${CHEAT_SHEET_VIEW}.focus`);
  }

  private get state(): CheatSheetViewState {
    return parseViewState(this.deps.memento.get(VIEW_STATE_KEY)) ?? DEFAULT_VIEW_STATE;
  }

  async resolveWebviewView(view: vscode.WebviewView): Promise<void> {
    this.timing.viewOpened();
    this.view = view;
    this.ready = false;
    view.webview.options = webviewOptions(this.deps.extensionUri);
    this.viewDisposables.forEach((d) => d.dispose());
    this.viewDisposables = [
      view.webview.onDidReceiveMessage((raw) => this.receive(raw)),
      // Hidden, the view's page is gone (no retainContextWhenHidden); shown again, it loads the page afresh.
      // Rebuild the page while hidden (and again if its last state message arrives after), so that it
      // comes back with the state as it is now.
      view.onDidChangeVisibility(() => {
        if (view.visible) this.timing.viewOpened();
        else {
          this.deps.scans.visible(false);
          void this.renderHtml(view);
        }
      }),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
        this.deps.scans.visible(false);
      }),
    ];
    await this.renderHtml(view);
  }

  /** The page, with the home screen and the view's state in it, so it paints without waiting for a message. */
  private async renderHtml(view: vscode.WebviewView): Promise<void> {
    this.ready = false;
    const [home, inline] = await Promise.all([this.home(), this.deps.media.read([...STYLES, ...SCRIPTS])]);
    // An entry asked for before the view existed opens with the page.
    const state: CheatSheetViewState = this.pendingRef ? { ...this.state, ref: this.pendingRef, query: '' } : this.state;
    this.pendingRef = undefined;
    view.webview.html = renderPage(view.webview, this.deps.extensionUri, {
      title: vscode.l10n.t('Cloud Coach Cheat Sheet'),
      styles: STYLES,
      scripts: SCRIPTS,
      body: '<div id="app" aria-busy="true"></div>',
      data: { [CHEAT_SHEET_DATA_ID]: { home, version: this.homeVersion, state } },
      inline,
    });
  }

  private home() {
    return this.deps.getModel().then(
      (m) => m.home(this.deps.notesNotice()),
      (e: Error) => void this.deps.log.error(`Cheat sheet: ${e.message}`),
    );
  }

  /** Refreshes the home model, e.g. when the learner's notes change. */
  async refresh(): Promise<void> {
    this.homeVersion++;
    if (this.ready) await this.sendHome();
  }

  /** Reveals the view and opens `ref` in it. */
  async show(ref?: Ref): Promise<void> {
    this.pendingRef = ref;
    if (this.view && this.ready) {
      this.view.show(true);
      if (ref) await this.open(ref);
      this.pendingRef = undefined;
      return;
    }
    await vscode.commands.executeCommand(`${CHEAT_SHEET_VIEW}.focus`);
  }

  private post(message: ExtensionToCheatSheet): void {
    void this.view?.webview.postMessage(message);
  }

  private async sendHome(): Promise<void> {
    const home = await this.home();
    if (home) this.post({ type: 'home', home, version: this.homeVersion });
  }

  private async open(ref: Ref): Promise<void> {
    const detail = (await this.deps.getModel()).detail(ref);
    if (!detail) this.post({ type: 'notFound', ref });
    else if (detail.kind === 'comparison') this.post({ type: 'comparison', comparison: detail });
    else this.post({ type: 'detail', detail });
  }

  private receive(raw: unknown): Promise<void> {
    return receive<CheatSheetToExtension>(
      {
        logAs: 'Cheat sheet',
        log: this.deps.log,
        parse: parseCheatSheetMessage,
        handle: (message) => this.handle(message),
        report: (error) => void vscode.window.showErrorMessage(vscode.l10n.t('Cloud Coach: {0}', error.message)),
      },
      raw,
    );
  }

  private async handle(message: CheatSheetToExtension): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.timing.pageReady();
        // The page came with the current home model unless the notes changed since.
        if (message.homeVersion !== this.homeVersion) {
          await this.sendHome();
          this.timing.homeModelSent();
        }
        if (this.pendingRef) {
          this.post({ type: 'reveal', ref: this.pendingRef });
          await this.open(this.pendingRef);
          this.pendingRef = undefined;
        }
        // The scans start once the page is on screen, so that they never delay its first paint.
        this.deps.scans.visible(true);
        return this.sendScans();
      case 'state':
        await this.deps.memento.update(VIEW_STATE_KEY, message.state);
        if (this.view && !this.view.visible) await this.renderHtml(this.view);
        return;
      case 'search':
        return this.post({ type: 'results', query: message.query, items: (await this.deps.getModel()).search(message.query) });
      case 'open':
        return this.open(message.ref);
      case 'openExternal':
        return void (await vscode.env.openExternal(vscode.Uri.parse(message.url)));
      case 'quiz':
        return void (await this.deps.startQuiz(message.topic));
      case 'openUserNote':
        return void (await this.deps.openUserNote(message.file, message.line));
      case 'rendered':
        return this.deps.log.info(this.timing.rendered(message.sinceNavigation));
      case 'revealLine':
        return this.revealLine(message.uri, message.line);
      case 'quizFile':
        return void (await this.deps.scans.quizFile());
      case 'quizWorkspace':
        return void (await this.deps.scans.quizWorkspace());
      case 'scanWorkspace':
        return this.deps.scans.scanWorkspace();
      case 'stopScan':
        return this.deps.scans.stopScan();
    }
  }

  /** What the page shows above its tabs, once it is ready. */
  private async sendScans(): Promise<void> {
    const file = this.deps.scans.latestFile();
    if (file) this.post({ type: 'inFile', ...file });
    await this.sendWorkspace();
    if (this.pendingSection) this.post({ type: 'showSection', section: this.pendingSection });
    this.pendingSection = undefined;
  }

  /** A line of the file "In this file" shows: only that file, the line clamped to the document. */
  private async revealLine(uri: string, line: number): Promise<void> {
    if (uri !== this.deps.scans.latestFile()?.model?.uri) return this.deps.log.warn(`Cheat sheet: refused to reveal a line of ${uri.slice(0, 200)}: not the file in view`);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const at = new vscode.Position(Math.min(line, document.lineCount - 1), 0);
    const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, at), preserveFocus: false });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
