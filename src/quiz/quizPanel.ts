/**
 * The quiz panel: one at a time (`createOrShow`), restored after a window reload by its serializer, and
 * driven by messages the extension validates. The session lives in QuizService; the panel only shows it.
 */
import * as vscode from 'vscode';
import { parseQuizMessage, type ExtensionToQuiz, type QuizToExtension } from '../core/protocol/quiz';
import type { QuizRequest } from '../core/quiz/coach';
import { isQuizUnavailable } from '../core/quiz/errors';
import type { QuizSession } from '../core/quiz/session';
import { progressView, questionView, resultsView } from '../core/quiz/views';
import { DisposableStore } from '../dispose';
import type { KnowledgeService } from '../knowledge/knowledgeService';
import { renderPage, webviewOptions } from '../webview/html';
import { receive } from '../webview/receive';
import type { QuizService } from './quizService';

export const QUIZ_VIEW_TYPE = 'cloudCoach.quiz';

export interface QuizPanelDeps {
  extensionUri: vscode.Uri;
  quiz: QuizService;
  knowledge: KnowledgeService;
  log: vscode.LogOutputChannel;
  /** Shows the mode picker (for "New quiz"). */
  pickAndStart: () => Thenable<unknown>;
  openEntry: (id: string) => Thenable<unknown>;
  /** `cloudCoach.exam.date`, if the learner set one. */
  examDate: () => string | undefined;
}

type Screen = { kind: 'session'; session: QuizSession } | { kind: 'progress' };

export class QuizPanel extends DisposableStore {
  static currentPanel: QuizPanel | undefined;

  private screen?: Screen;
  private ready = false;
  private timer?: ReturnType<typeof setTimeout>;

  /** Opens (or reveals) the panel on a new session for `request`. */
  static async startSession(deps: QuizPanelDeps, request: QuizRequest): Promise<void> {
    let session: QuizSession;
    try {
      session = await deps.quiz.start(request);
    } catch (e) {
      if (isQuizUnavailable(e)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Cloud Coach: {0}', e.message));
        return;
      }
      throw e;
    }
    if (request.topics) {
      // Which topics a file or workspace quiz drew on, and what it asks (the e2e suite checks this).
      const asked = session.state.questions.map((q) => `${q.id} [${q.topics.join(' ')}]`).join('; ');
      deps.log.info(`${session.state.title}: topics ${request.topics.map((t) => t.topic).join(' ')}; questions ${asked}`);
    }
    QuizPanel.createOrShow(deps).show({ kind: 'session', session });
  }

  static async showProgress(deps: QuizPanelDeps): Promise<void> {
    QuizPanel.createOrShow(deps).show({ kind: 'progress' });
  }

  static createOrShow(deps: QuizPanelDeps): QuizPanel {
    if (QuizPanel.currentPanel) {
      QuizPanel.currentPanel.panel.reveal(vscode.ViewColumn.Active);
      return QuizPanel.currentPanel;
    }
    const panel = vscode.window.createWebviewPanel(QUIZ_VIEW_TYPE, vscode.l10n.t('Cloud Coach Quiz'), vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    QuizPanel.currentPanel = new QuizPanel(panel, deps);
    return QuizPanel.currentPanel;
  }

  /** After a reload: the serializer hands the old panel back, and the saved session resumes in it. */
  static revive(panel: vscode.WebviewPanel, deps: QuizPanelDeps): void {
    panel.webview.options = webviewOptions(deps.extensionUri);
    QuizPanel.currentPanel?.dispose();
    const revived = new QuizPanel(panel, deps);
    QuizPanel.currentPanel = revived;
    const session = deps.quiz.savedSession();
    revived.show(session ? { kind: 'session', session } : { kind: 'progress' });
    deps.log.info(session ? `Quiz panel restored on question ${session.state.index + 1} of ${session.state.questions.length}` : 'Quiz panel restored without a saved session');
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: QuizPanelDeps,
  ) {
    super();
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'cloud-coach.svg');
    panel.webview.html = renderPage(panel.webview, deps.extensionUri, {
      title: vscode.l10n.t('Cloud Coach Quiz'),
      styles: ['codicon.css', 'common.css', 'quiz.css'],
      modules: ['vscode-elements.js'],
      scripts: ['quiz.js'],
      body: '<main id="app" aria-busy="true"></main>',
    });
    this.register(panel.onDidDispose(() => this.dispose()));
    this.register(panel.webview.onDidReceiveMessage((raw) => this.receive(raw)));
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  private show(screen: Screen): void {
    this.screen = screen;
    this.panel.title = screen.kind === 'progress' ? vscode.l10n.t('Cloud Coach Progress') : vscode.l10n.t('Cloud Coach: {0}', screen.session.state.title);
    void this.render();
  }

  private post(message: ExtensionToQuiz): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private async render(): Promise<void> {
    if (!this.ready || !this.screen) return;
    clearTimeout(this.timer);
    if (this.screen.kind === 'progress') {
      const coach = await this.deps.quiz.getCoach();
      const now = Date.now();
      this.post({ type: 'progress', view: progressView(await this.deps.knowledge.load(), coach.progress(now), coach.readiness(now, this.deps.examDate())) });
      return;
    }
    const session = this.screen.session;
    if (!session.finished && session.expired(Date.now())) {
      await this.deps.quiz.finish(session);
      void vscode.window.showInformationMessage(vscode.l10n.t('Cloud Coach: time is up. Your exam was submitted.'));
    }
    if (session.finished) {
      this.post({ type: 'results', view: resultsView(session, await this.deps.quiz.dueCount()) });
      return;
    }
    this.post({ type: 'question', view: questionView(session) });
    // The exam submits itself when the time runs out, even if the panel is in the background.
    if (session.state.deadline) this.timer = setTimeout(() => void this.render(), Math.max(0, session.state.deadline - Date.now()) + 50);
  }

  private receive(raw: unknown): Promise<void> {
    return receive<QuizToExtension>(
      {
        logAs: 'Quiz panel',
        log: this.deps.log,
        parse: parseQuizMessage,
        handle: (message) => this.handle(message),
        report: (error) => this.post({ type: 'error', message: error.message }),
      },
      raw,
    );
  }

  private async handle(message: QuizToExtension): Promise<void> {
    if (message.type === 'ready') {
      this.ready = true;
      await this.render();
      return;
    }
    if (message.type === 'openExternal') {
      await vscode.env.openExternal(vscode.Uri.parse(message.url));
      return;
    }
    if (message.type === 'openEntry') {
      await this.deps.openEntry(message.id);
      return;
    }
    if (message.type === 'newQuiz') {
      await this.deps.pickAndStart();
      return;
    }
    if (message.type === 'review') {
      await QuizPanel.startSession(this.deps, { mode: 'due' });
      return;
    }
    if (this.screen?.kind !== 'session') return;
    const session = this.screen.session;
    const now = Date.now();
    switch (message.type) {
      case 'select':
        if (session.select(message.questionId, message.optionIds)) await this.deps.quiz.saveSession(session);
        break;
      case 'check': {
        const event = session.check(now);
        if (event) await this.deps.quiz.record(session, event);
        break;
      }
      case 'next':
        if (session.isLast && session.state.feedback === 'instant' && session.answer(session.current.id)?.checked) await this.deps.quiz.finish(session);
        else session.next(now);
        await this.deps.quiz.saveSession(session);
        break;
      case 'previous':
        session.previous(now);
        await this.deps.quiz.saveSession(session);
        break;
      case 'goto':
        session.goto(message.index, now);
        await this.deps.quiz.saveSession(session);
        break;
      case 'flag':
        session.toggleFlag();
        await this.deps.quiz.saveSession(session);
        break;
      case 'submit': {
        const unanswered = session.unanswered;
        if (!message.confirmed && (unanswered > 0 || session.state.flagged.length > 0)) {
          this.post({ type: 'confirmSubmit', unanswered, flagged: session.state.flagged.length });
          return;
        }
        await this.deps.quiz.finish(session);
        break;
      }
      case 'timeUp':
        if (!session.expired(now)) return;
        break;
      case 'retryWrong': {
        if (!session.finished) return;
        const ids = session.results().wrong.map((w) => w.question.id);
        await QuizPanel.startSession(this.deps, { mode: 'retry', questionIds: ids, count: ids.length });
        return;
      }
    }
    await this.render();
  }

  override dispose(): void {
    if (this.isDisposed) return;
    if (QuizPanel.currentPanel === this) QuizPanel.currentPanel = undefined;
    super.dispose();
    this.panel.dispose();
  }
}

export class QuizPanelSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly deps: QuizPanelDeps) {}

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    QuizPanel.revive(panel, this.deps);
  }
}
