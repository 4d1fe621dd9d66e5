/** Wiring only: creates the shared services once and registers each surface. Nothing slow runs here. */
import * as vscode from 'vscode';
import { CheatSheetModel } from './core/cheatSheet/viewModel';
import { Settings } from './config';
import { CHEAT_SHEET_VIEW, CheatSheetViewProvider } from './cheatSheet/cheatSheetView';
import { CloudHoverProvider, HOVER_SELECTOR, OPEN_USER_NOTE_COMMAND } from './hover/hoverProvider';
import { KnowledgeService } from './knowledge/knowledgeService';
import { lookUp } from './lookup/lookUpCommand';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Cloud Coach', { log: true });
  const settings = new Settings();
  const knowledge = new KnowledgeService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'knowledge.json'));
  const notes = { all: () => [], forEntry: () => [], byId: () => undefined };

  const startQuiz = (topic?: string) => vscode.commands.executeCommand('cloudCoach.startQuiz', topic ? { mode: 'topic', topic, count: 5 } : undefined);
  const cheatSheet = new CheatSheetViewProvider(context.extensionUri, knowledge, notes, log, (topic) => startQuiz(topic));
  let model: CheatSheetModel | undefined;
  const getModel = async () => (model ??= new CheatSheetModel(await knowledge.load(), await knowledge.search(), notes));

  const notYet = (what: string) => () => vscode.window.showInformationMessage(`Cloud Coach: ${what} is not available yet.`);

  context.subscriptions.push(
    log,
    settings,
    cheatSheet,
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, new CloudHoverProvider(knowledge, settings)),
    vscode.window.registerWebviewViewProvider(CHEAT_SHEET_VIEW, cheatSheet),
    vscode.commands.registerCommand('cloudCoach.lookUp', () => lookUp(getModel, (ref) => cheatSheet.show(ref))),
    vscode.commands.registerCommand('cloudCoach.openCheatSheet', (id?: unknown) =>
      cheatSheet.show(typeof id === 'string' && /^[a-z0-9-]+$/.test(id) ? `entry:${id}` : undefined),
    ),
    vscode.commands.registerCommand('cloudCoach.startQuiz', notYet('Start Quiz')),
    vscode.commands.registerCommand('cloudCoach.reviewDue', notYet('Review Due Cards')),
    vscode.commands.registerCommand(OPEN_USER_NOTE_COMMAND, notYet('Opening your notes')),
  );

  // Read the knowledge base in the background so the first hover finds it loaded.
  setTimeout(() => {
    knowledge.load().then(
      (kb) => log.info(`Knowledge base loaded: ${kb.entries.length} entries, ${kb.ports.length} ports, ${kb.questions.length} questions`),
      (e: Error) => {
        log.error(e.message);
        void vscode.window.showErrorMessage(e.message);
      },
    );
  }, 0);
  log.info('Cloud Coach activated');
}

export function deactivate(): void {}
