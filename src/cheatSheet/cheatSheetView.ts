/** The sidebar cheat sheet: a webview view that shows what CheatSheetModel computes. */
import * as vscode from 'vscode';
import type { CheatSheetModel } from '../core/cheatSheet/viewModel';
import { parseCheatSheetMessage, parseViewState, type ExtensionToCheatSheet, type Ref } from '../core/protocol/cheatSheet';
import { renderPage, webviewOptions } from '../webview/html';

export const CHEAT_SHEET_VIEW = 'cloudCoach.cheatSheet';
const VIEW_STATE_KEY = 'cloudCoach.cheatSheet.viewState';

export class CheatSheetViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view?: vscode.WebviewView;
  private ready = false;
  /** An entry to show once the view is ready (from the hover or the look-up command). */
  private pendingRef?: Ref;
  private readonly disposables: vscode.Disposable[] = [];
  /** The latest first-render time the view reported, in ms (read by the e2e suite through the log). */
  lastRenderMs?: number;
  private timing = { opened: 0, ready: 0, homeSent: 0 };
  private homeVersion = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly getModel: () => Promise<CheatSheetModel>,
    private readonly log: vscode.LogOutputChannel,
    private readonly startQuiz: (topic: string) => Thenable<unknown>,
    private readonly memento: vscode.Memento,
  ) {}

  async resolveWebviewView(view: vscode.WebviewView): Promise<void> {
    this.timing = { opened: Date.now(), ready: 0, homeSent: 0 };
    this.view = view;
    this.ready = false;
    view.webview.options = webviewOptions(this.extensionUri);
    this.disposables.push(
      view.webview.onDidReceiveMessage((raw) => this.receive(raw)),
      // Hidden and shown again, the view loads its page afresh (no retainContextWhenHidden): time that load too.
      view.onDidChangeVisibility(() => {
        if (view.visible) this.timing = { opened: Date.now(), ready: 0, homeSent: 0 };
      }),
      view.onDidDispose(() => {
        this.view = undefined;
        this.ready = false;
      }),
    );
    // The home screen travels with the page, so the view paints it without waiting for a message.
    const home = await this.getModel().then(
      (m) => m.home(),
      (e: Error) => void this.log.error(`Cheat sheet: ${e.message}`),
    );
    const data = home ? JSON.stringify({ home, version: this.homeVersion }).replace(/</g, '\\u003c') : '';
    view.webview.html = renderPage(view.webview, this.extensionUri, {
      title: 'Cloud Coach Cheat Sheet',
      styles: ['codicon.css', 'common.css', 'cheatSheet.css'],
      scripts: ['cheatSheet.js'],
      body: `<div id="app" aria-busy="true"></div>${data ? `<script type="application/json" id="home-data">${data}</script>` : ''}`,
      inline: true,
    });
  }

  /** Refreshes the home model, e.g. when the learner's notes change. */
  async refresh(): Promise<void> {
    this.homeVersion++;
    if (this.ready) this.post({ type: 'home', home: (await this.getModel()).home(), version: this.homeVersion });
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

  private async open(ref: Ref): Promise<void> {
    const detail = (await this.getModel()).detail(ref);
    if (!detail) this.post({ type: 'notFound', ref });
    else if ('columns' in detail) this.post({ type: 'comparison', comparison: detail });
    else this.post({ type: 'detail', detail });
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseCheatSheetMessage(raw);
    if (!message) {
      this.log.warn(`Cheat sheet: ignored an unexpected message: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    try {
      switch (message.type) {
        case 'ready': {
          this.ready = true;
          const started = Date.now();
          this.timing.ready ||= started;
          // A window reload can lose the view's own state, or keep an older one than the copy kept here.
          const saved = parseViewState(this.memento.get(VIEW_STATE_KEY));
          const restore = !!saved && saved.savedAt > message.savedAt && !this.pendingRef;
          if (restore) this.post({ type: 'restore', state: saved });
          // The page came with the current home model unless the notes changed since: then, or to apply a
          // restored state, send it again.
          if (restore || message.homeVersion !== this.homeVersion) {
            this.post({ type: 'home', home: (await this.getModel()).home(), version: this.homeVersion });
            this.timing.homeSent ||= Date.now();
            this.log.info(`Cheat sheet: home model sent ${Date.now() - started} ms after the view was ready`);
          }
          if (this.pendingRef) {
            this.post({ type: 'reveal', ref: this.pendingRef });
            await this.open(this.pendingRef);
            this.pendingRef = undefined;
          }
          break;
        }
        case 'state':
          await this.memento.update(VIEW_STATE_KEY, message.state);
          break;
        case 'search':
          this.post({ type: 'results', query: message.query, items: (await this.getModel()).search(message.query) });
          break;
        case 'open':
          await this.open(message.ref);
          break;
        case 'openExternal':
          await vscode.env.openExternal(vscode.Uri.parse(message.url));
          break;
        case 'quiz':
          await this.startQuiz(message.topic);
          break;
        case 'openUserNote': {
          const document = await vscode.workspace.openTextDocument(vscode.Uri.file(message.file));
          const position = new vscode.Position(message.line, 0);
          await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
          break;
        }
        case 'rendered': {
          // From the moment VS Code asked for the view to the view's first painted screen.
          const { opened, ready, homeSent } = this.timing;
          this.lastRenderMs = Date.now() - opened;
          const page = message.sinceNavigation;
          this.log.info(
            `Cheat sheet: first screen rendered in ${this.lastRenderMs} ms after the view opened ` +
              `(${page === undefined ? '' : `${page.toFixed(0)} ms from the start of its page, the rest in VS Code's webview start-up; `}` +
              `page ready after ${ready - opened} ms${homeSent ? `, home model sent ${homeSent - ready} ms later` : ', home model came with the page'})`,
          );
          break;
        }
      }
    } catch (e) {
      this.log.error(`Cheat sheet: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(`Cloud Coach: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
