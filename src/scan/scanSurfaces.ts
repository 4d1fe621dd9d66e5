/** Wiring for "In this file" and "In this workspace": the cheat sheet's side of them, and their commands. */
import * as vscode from 'vscode';
import type { CheatSheetScans } from '../cheatSheet/cheatSheetView';
import { registerCommand } from '../commands';
import { Command } from '../core/ids';
import type { InWorkspaceModel } from '../core/protocol/cheatSheet';
import { quizTopics, summarizeWorkspace } from '../core/scan/summarize';
import type { KnowledgeService } from '../knowledge/knowledgeService';
import type { QuizService } from '../quiz/quizService';
import type { QuizRequest } from '../core/quiz/coach';
import type { Settings } from '../settings';
import { documentTopics, InThisFile } from './inThisFile';
import { InThisWorkspace } from './inThisWorkspace';

export interface ScanDeps {
  knowledge: KnowledgeService;
  quiz: QuizService;
  settings: Settings;
  log: vscode.LogOutputChannel;
  startSession: (request: QuizRequest) => Thenable<unknown>;
}

export class ScanSurfaces implements CheatSheetScans, vscode.Disposable {
  readonly inFile: InThisFile;
  readonly inWorkspace: InThisWorkspace;
  readonly onDidChangeFile: CheatSheetScans['onDidChangeFile'];
  readonly onDidChangeWorkspace: vscode.Event<void>;

  constructor(private readonly deps: ScanDeps) {
    this.inFile = new InThisFile(deps.knowledge);
    this.inWorkspace = new InThisWorkspace(deps.knowledge, deps.settings, deps.log);
    this.onDidChangeFile = this.inFile.onDidChange;
    this.onDidChangeWorkspace = this.inWorkspace.onDidChange;
  }

  visible(on: boolean): void {
    this.inFile.listen(on);
    // The workspace scan starts only once someone looks: the cheat sheet or a command.
    if (on) void this.inWorkspace.scan();
  }

  latestFile() {
    return this.inFile.latest;
  }

  async workspaceModel(): Promise<InWorkspaceModel> {
    const w = this.inWorkspace;
    const kb = await this.deps.knowledge.loadCore();
    const accuracy = (await this.deps.quiz.getCoach()).topicAccuracy();
    return { state: w.state, scanned: w.last?.scanned ?? w.progress.scanned, total: w.progress.total, skipped: w.last?.skipped ?? { tooLarge: 0, binary: 0, unreadable: 0, overCap: 0 }, services: summarizeWorkspace(kb, w.tally.services(), accuracy) };
  }

  /** A quiz on the services a document uses: the given one, or the one in view. */
  async quizFile(uri?: string): Promise<unknown> {
    const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : (vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0])?.document;
    if (!document) return vscode.window.showInformationMessage(vscode.l10n.t('Cloud Coach: open a template or source file to be quizzed on the AWS services it uses.'));
    const kb = await this.deps.knowledge.loadCore();
    const name = vscode.workspace.asRelativePath(document.uri);
    return this.deps.startSession({ mode: 'file', topics: documentTopics(kb, document), title: vscode.l10n.t('This file: {0}', name.split('/').pop() ?? name) });
  }

  async quizWorkspace(): Promise<unknown> {
    await this.inWorkspace.scan();
    const kb = await this.deps.knowledge.loadCore();
    return this.deps.startSession({ mode: 'workspace', topics: quizTopics(kb, this.inWorkspace.tally.services()) });
  }

  scanWorkspace(): void {
    void this.inWorkspace.scan(true);
  }

  stopScan(): void {
    this.inWorkspace.stop();
  }

  /** The palette commands; `showInFile` opens the cheat sheet on the section. */
  register(showInFile: () => Thenable<unknown>): vscode.Disposable[] {
    return [
      registerCommand(Command.quizFile, (uri) => this.quizFile(typeof uri === 'string' ? uri : uri instanceof vscode.Uri ? uri.toString() : undefined)),
      registerCommand(Command.quizWorkspace, () => this.quizWorkspace()),
      registerCommand(Command.showInFile, showInFile),
      registerCommand(Command.scanWorkspace, () => this.scanWorkspace()),
      registerCommand(Command.stopWorkspaceScan, () => this.stopScan()),
    ];
  }

  dispose(): void {
    this.inFile.dispose();
    this.inWorkspace.dispose();
  }
}
