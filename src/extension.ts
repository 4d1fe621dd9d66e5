/** Wiring only: creates the shared services once and registers each surface. Nothing slow runs here. */
import * as vscode from 'vscode';
import type { CheatSheetModel } from './core/cheatSheet/viewModel';
import { heavy } from './lazy';
import { Settings } from './config';
import { CHEAT_SHEET_VIEW, CheatSheetViewProvider } from './cheatSheet/cheatSheetView';
import { CloudHoverProvider, HOVER_SELECTOR, OPEN_USER_NOTE_COMMAND } from './hover/hoverProvider';
import { KnowledgeService } from './knowledge/knowledgeService';
import { lookUp } from './lookup/lookUpCommand';
import { LearnerStore } from './quiz/learnerStore';
import { parseQuizRequest, pickQuiz } from './quiz/quizCommand';
import { QUIZ_VIEW_TYPE, QuizPanel, QuizPanelSerializer, type QuizPanelDeps } from './quiz/quizPanel';
import { QuizService } from './quiz/quizService';
import { DueCardsStatus } from './review/statusBar';
import { addNotesFile, NotesService, openUserNote } from './notes/notesService';
import type { UserNotesSource } from './core/cheatSheet/viewModel';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Cloud Coach', { log: true });
  const settings = new Settings();
  const knowledge = new KnowledgeService(vscode.Uri.joinPath(context.extensionUri, 'dist', 'knowledge.json'));
  const notesService = new NotesService(knowledge, settings, log);
  // Views read the learner's notes through these, so a reload of the notes needs no rewiring.
  const notes: UserNotesSource = {
    all: () => notesService.notes?.all() ?? [],
    forEntry: (id) => notesService.notes?.forEntry(id) ?? [],
    byId: (id) => notesService.notes?.byId(id),
  };
  const noteQuestions = {
    question: (id: string) => notesService.notes?.question(id),
    reviewable: (id: string) => notesService.notes?.reviewable(id) ?? false,
    cardNoteIds: () => notesService.notes?.cardNoteIds() ?? [],
  };

  const store = new LearnerStore(context.globalState, log);
  const quiz = new QuizService(knowledge, store, context.globalState, () => noteQuestions, log);
  let model: CheatSheetModel | undefined;
  const getModel = async () => (model ??= new (heavy().CheatSheetModel)(await knowledge.load(), await knowledge.search(), notes));
  const cheatSheet = new CheatSheetViewProvider(context.extensionUri, getModel, log, (topic) =>
    vscode.commands.executeCommand('cloudCoach.startQuiz', { mode: 'topic', topic, count: 5 }),
    context.workspaceState,
  );
  const quizDeps: QuizPanelDeps = {
    extensionUri: context.extensionUri,
    quiz,
    knowledge,
    log,
    pickAndStart: () => vscode.commands.executeCommand('cloudCoach.startQuiz'),
    openEntry: (id) => cheatSheet.show(`entry:${id}`),
  };
  const startQuiz = async (arg?: unknown) => {
    const request = parseQuizRequest(arg) ?? (await pickQuiz(quiz));
    if (request === 'progress') await QuizPanel.showProgress(quizDeps);
    else if (request) await QuizPanel.startSession(quizDeps, request);
  };
  const status = new DueCardsStatus(quiz, settings);

  context.subscriptions.push(
    log,
    settings,
    cheatSheet,
    store,
    status,
    notesService,
    notesService.onDidChange(() => {
      void cheatSheet.refresh();
      void status.update();
    }),
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, new CloudHoverProvider(knowledge, settings, notesService.snippets)),
    vscode.window.registerWebviewViewProvider(CHEAT_SHEET_VIEW, cheatSheet),
    vscode.window.registerWebviewPanelSerializer(QUIZ_VIEW_TYPE, new QuizPanelSerializer(quizDeps)),
    vscode.commands.registerCommand('cloudCoach.lookUp', () => lookUp(getModel, (ref) => cheatSheet.show(ref))),
    vscode.commands.registerCommand('cloudCoach.openCheatSheet', (id?: unknown) =>
      cheatSheet.show(typeof id === 'string' && /^[a-z0-9-]+$/.test(id) ? `entry:${id}` : undefined),
    ),
    vscode.commands.registerCommand('cloudCoach.startQuiz', startQuiz),
    vscode.commands.registerCommand('cloudCoach.reviewDue', () => QuizPanel.startSession(quizDeps, { mode: 'due' })),
    vscode.commands.registerCommand('cloudCoach.showProgress', () => QuizPanel.showProgress(quizDeps)),
    vscode.commands.registerCommand('cloudCoach.addNotesFile', addNotesFile),
    vscode.commands.registerCommand(OPEN_USER_NOTE_COMMAND, openUserNote),
  );

  // Read the knowledge base in the background so the first hover finds it loaded.
  setTimeout(() => {
    knowledge.load().then(
      (kb) => {
        log.info(`Knowledge base loaded: ${kb.entries.length} entries, ${kb.ports.length} ports, ${kb.questions.length} questions`);
        void status.update();
        void notesService.reload();
        // Once the window has settled, prepare search and the cheat sheet so their first use is quick.
        setTimeout(() => void getModel().catch((e: Error) => log.error(e.message)), 2000);
      },
      (e: Error) => {
        log.error(e.message);
        void vscode.window.showErrorMessage(e.message);
      },
    );
  }, 0);
  log.info('Cloud Coach activated');
}

export function deactivate(): void {}
