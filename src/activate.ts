/** Wiring only: creates the shared services once and registers each surface. Nothing slow runs here. */
import * as vscode from 'vscode';
import { CHEAT_SHEET_VIEW, CheatSheetViewProvider } from './cheatSheet/cheatSheetView';
import { executeCommand, registerCommand } from './commands';
import type { CheatSheetModel } from './core/cheatSheet/viewModel';
import { Command, isEntryId, refs } from './core/ids';
import { CloudHoverProvider, HOVER_SELECTOR } from './hover/hoverProvider';
import { KnowledgeService } from './knowledge/knowledgeService';
import { lookUp } from './lookup/lookUpCommand';
import { addNotesFile, NotesService, openUserNote } from './notes/notesService';
import type { Platform } from './platform/platform';
import { LearnerStore } from './quiz/learnerStore';
import { parseQuizRequest, pickQuiz } from './quiz/quizCommand';
import { QUIZ_VIEW_TYPE, QuizPanel, QuizPanelSerializer, type QuizPanelDeps } from './quiz/quizPanel';
import { QuizService } from './quiz/quizService';
import { DueCardsStatus } from './review/statusBar';
import { Settings } from './settings';
import { ScanSurfaces } from './scan/scanSurfaces';
import { MediaFiles } from './webview/html';
import { openSample, openWalkthroughOnce } from './welcome';

/** The services every surface shares, created once per activation. */
interface Services {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  settings: Settings;
  knowledge: KnowledgeService;
  notes: NotesService;
  quiz: QuizService;
  quizDeps: QuizPanelDeps;
  cheatSheet: CheatSheetViewProvider;
  cheatSheetModel: () => Promise<CheatSheetModel>;
  status: DueCardsStatus;
  scans: ScanSurfaces;
  platform: Platform;
}

export function activateCloudCoach(context: vscode.ExtensionContext, platform: Platform): void {
  const started = performance.now();
  const s = createServices(context, platform);
  registerSurfaces(s);
  loadInBackground(s, started);
  s.log.info(`Cloud Coach activated in ${(performance.now() - started).toFixed(1)} ms (${platform.kind} extension host, from ${context.extensionUri.toString(true)})`);
}

function createServices(context: vscode.ExtensionContext, platform: Platform): Services {
  const log = vscode.window.createOutputChannel('Cloud Coach', { log: true });
  const settings = new Settings();
  const knowledge = new KnowledgeService(vscode.Uri.joinPath(context.extensionUri, 'dist'), platform);
  const notes = new NotesService(() => knowledge.search(), settings, log, platform.home);
  const userNotes = notes.view;
  const quiz = new QuizService(knowledge, new LearnerStore(context.globalState, log), context.globalState, userNotes, log);
  const quizDeps: QuizPanelDeps = {
    extensionUri: context.extensionUri,
    quiz,
    knowledge,
    log,
    pickAndStart: () => executeCommand(Command.startQuiz),
    openEntry: (id) => cheatSheet.show(refs.entry(id)),
    examDate: () => settings.current.exam.date,
  };
  const scans = new ScanSurfaces({ knowledge, quiz, settings, log, startSession: (request) => QuizPanel.startSession(quizDeps, request) });
  let model: Promise<CheatSheetModel> | undefined;
  const cheatSheetModel = () =>
    (model ??= Promise.all([knowledge.load(), knowledge.search(), knowledge.engines()]).then(([kb, search, engines]) => new engines.CheatSheetModel(kb, search, userNotes)));
  const cheatSheet = new CheatSheetViewProvider({
    extensionUri: context.extensionUri,
    media: new MediaFiles(context.extensionUri, platform),
    getModel: cheatSheetModel,
    log,
    memento: context.workspaceState,
    startQuiz: (topic) => executeCommand(Command.startQuiz, { mode: 'topic', topic, count: 5 }),
    openUserNote: (file, line) => openUserNote(notes.notes, file, line, log),
    notesNotice: () => notes.restrictedNotice(),
    scans,
  });
  const status = new DueCardsStatus(quiz, settings);
  context.subscriptions.push(log, settings, notes, cheatSheet, status, scans);
  return { context, log, settings, knowledge, notes, quiz, quizDeps, cheatSheet, cheatSheetModel, status, scans, platform };
}

function registerSurfaces(s: Services): void {
  const startQuiz = async (arg?: unknown) => {
    const request = parseQuizRequest(arg) ?? (await pickQuiz(s.quiz));
    if (request === 'progress') await QuizPanel.showProgress(s.quizDeps);
    else if (request?.mode === 'file') await s.scans.quizFile(request.uri);
    else if (request?.mode === 'workspace') await s.scans.quizWorkspace();
    else if (request) await QuizPanel.startSession(s.quizDeps, request);
  };
  s.context.subscriptions.push(
    s.notes.onDidChange(() => {
      void s.cheatSheet.refresh();
      void s.status.update();
    }),
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, new CloudHoverProvider(s.knowledge, s.settings, (id) => s.notes.view.forEntry(id))),
    vscode.window.registerWebviewViewProvider(CHEAT_SHEET_VIEW, s.cheatSheet),
    vscode.window.registerWebviewPanelSerializer(QUIZ_VIEW_TYPE, new QuizPanelSerializer(s.quizDeps)),
    registerCommand(Command.lookUp, () => lookUp(s.cheatSheetModel, (ref) => s.cheatSheet.show(ref))),
    registerCommand(Command.openCheatSheet, (id) => s.cheatSheet.show(isEntryId(id) ? refs.entry(id) : undefined)),
    registerCommand(Command.startQuiz, startQuiz),
    registerCommand(Command.reviewDue, () => QuizPanel.startSession(s.quizDeps, { mode: 'due' })),
    registerCommand(Command.showProgress, () => QuizPanel.showProgress(s.quizDeps)),
    registerCommand(Command.addNotesFile, addNotesFile),
    registerCommand(Command.openUserNote, (file, line) => openUserNote(s.notes.notes, file, line, s.log)),
    ...s.scans.register(() => s.cheatSheet.showSection('inFile')),
    registerCommand(Command.openSample, () => openSample(s.context.extensionUri, s.platform)),
  );
  openWalkthroughOnce(s.context, s.settings);
}

/** Reads the knowledge base right after activation: first what hovers need, then the rest. */
function loadInBackground(s: Services, activated: number): void {
  const fail = (e: Error) => {
    s.log.error(e.message);
    void vscode.window.showErrorMessage(e.message);
  };
  setTimeout(() => {
    s.knowledge.loadCore().then((kb) => {
      const sinceActivation = (performance.now() - activated).toFixed(0);
      const { coreMs, coreReadMs } = s.knowledge.timings;
      s.log.info(`Knowledge base ready for hovers in ${coreMs} ms (${sinceActivation} ms after activation; reading the file took ${coreReadMs} ms): ${kb.entries.length} entries, ${kb.ports.length} ports`);
      s.knowledge.load().then((full) => {
        s.log.info(`Knowledge base loaded in ${s.knowledge.timings.studyMs} ms more: ${full.questions.length} questions, ${full.data.comparisons.length} comparisons, search index`);
        void s.status.update();
        void s.notes.reload();
        // Once the window has settled, prepare search and the cheat sheet so their first use is quick.
        setTimeout(() => void s.cheatSheetModel().catch((e: Error) => s.log.error(e.message)), 2000);
      }, fail);
    }, fail);
  }, 0);
}
