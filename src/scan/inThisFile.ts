/**
 * "In this file": follows the active editor, scans its document with the hover's detectors (debounced as
 * the user types) and reports the model the cheat sheet shows. Scans only while someone is listening.
 */
import * as vscode from 'vscode';
import type { KnowledgeBase } from '../core/knowledge/knowledgeBase';
import type { InFileModel } from '../core/protocol/cheatSheet';
import { scanFile, type FileScan } from '../core/scan/scanFile';
import { countServices, quizTopics, summarizeFile } from '../core/scan/summarize';
import { DisposableStore } from '../dispose';
import type { KnowledgeService } from '../knowledge/knowledgeService';

/** Documents larger than this are not scanned as the user types. */
const MAX_LINES = 50_000;
const DEBOUNCE_MS = 300;

export type InFileUpdate = { model?: InFileModel; reason?: string };

export function scanDocument(kb: KnowledgeBase, document: vscode.TextDocument): FileScan {
  const lines = Array.from({ length: Math.min(document.lineCount, MAX_LINES) }, (_, i) => document.lineAt(i).text);
  return scanFile(kb.lookup, { lines, languageId: document.languageId, fileName: document.fileName }, (type) => kb.resource(type)?.entry);
}

/** The topics a quiz on the document draws from. */
export function documentTopics(kb: KnowledgeBase, document: vscode.TextDocument): { topic: string; count: number }[] {
  return quizTopics(kb, countServices(scanDocument(kb, document)));
}

export class InThisFile extends DisposableStore {
  private timer?: ReturnType<typeof setTimeout>;
  private listening = false;
  private readonly changed = this.register(new vscode.EventEmitter<InFileUpdate>());
  readonly onDidChange = this.changed.event;
  latest?: InFileUpdate;

  constructor(private readonly knowledge: KnowledgeService) {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)));
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(DEBOUNCE_MS);
      }),
    );
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  /** Starts (or stops) following the editor: the cheat sheet listens while it is visible. */
  listen(on: boolean): void {
    this.listening = on;
    if (on) this.schedule(0);
  }

  private schedule(delay: number): void {
    if (!this.listening) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    // With the quiz panel or another webview in front, the file beside it is still the one in view.
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0];
    const document = editor?.document;
    if (!document) return this.fire({ reason: vscode.l10n.t('Open a template or source file to see the AWS services it uses.') });
    if (document.lineCount > MAX_LINES) return this.fire({ reason: vscode.l10n.t('{0} has more than {1} lines; it is not scanned as you type.', vscode.workspace.asRelativePath(document.uri), MAX_LINES.toLocaleString('en-US')) });
    const kb = this.knowledge.current ?? (await this.knowledge.loadCore());
    const summary = summarizeFile(kb, scanDocument(kb, document));
    this.fire({ model: { uri: document.uri.toString(), fileName: vscode.workspace.asRelativePath(document.uri), ...summary } });
  }

  private fire(update: InFileUpdate): void {
    this.latest = update;
    this.changed.fire(update);
  }
}
