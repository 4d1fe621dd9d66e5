/** The sidebar cheat sheet: a webview view that shows what CheatSheetModel computes. */
import * as vscode from 'vscode';
import type { CheatSheetModel } from '../core/cheatSheet/viewModel';
import { parseCheatSheetMessage, parseViewState, DEFAULT_VIEW_STATE, type CheatSheetToExtension, type CheatSheetViewState, type ExtensionToCheatSheet, type Ref } from '../core/protocol/cheatSheet';
import { DisposableStore } from '../dispose';
import { renderPage, webviewOptions, type MediaFiles } from '../webview/html';
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
}

export class CheatSheetViewProvider extends DisposableStore implements vscode.WebviewViewProvider {
  private view?: vscode.WebviewView;
  private viewDisposables: vscode.Disposable[] = [];
  private ready = false;
  /** An entry to show once the view is ready (from the hover or the look-up command). */
  private pendingRef?: Ref;
  private homeVersion = 0;
  readonly timing = new RenderTiming();

  constructor(private readonly deps: CheatSheetDeps) {
    super();
    this.register({ dispose: () => this.viewDisposables.forEach((d) => d.dispose()) });
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
      view.onDidChangeVisibility(() => (view.visible ? this.timing.viewOpened() : void this.renderHtml(view))),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
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
    const data = JSON.stringify({ home, version: this.homeVersion, state }).replace(/</g, '\\u003c');
    view.webview.html = renderPage(view.webview, this.deps.extensionUri, {
      title: 'Cloud Coach Cheat Sheet',
      styles: STYLES,
      scripts: SCRIPTS,
      body: `<div id="app" aria-busy="true"></div><script type="application/json" id="page-data">${data}</script>`,
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

  private async receive(raw: unknown): Promise<void> {
    const message = parseCheatSheetMessage(raw);
    if (!message) {
      this.deps.log.warn(`Cheat sheet: ignored an unexpected message: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    try {
      await this.handle(message);
    } catch (e) {
      this.deps.log.error(`Cheat sheet: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(`Cloud Coach: ${(e as Error).message}`);
    }
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
        return;
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
    }
  }
}
