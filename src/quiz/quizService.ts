/**
 * The quiz feature's state in the extension: the coach (built once the knowledge base is loaded), the
 * learner's state, and the active session, saved on every change so a reload can resume it.
 */
import type * as vscode from 'vscode';
import type { NoteCards } from '../core/knowledge/userNotes';
import type { QuizCoach, QuizRequest } from '../core/quiz/coach';
import { QuizSession, restoreSessionState, type AnswerEvent } from '../core/quiz/session';
import type { KnowledgeService } from '../knowledge/knowledgeService';
import type { LearnerStore } from './learnerStore';

export const ACTIVE_SESSION_KEY = 'cloudCoach.activeSession';

export class QuizService {
  private coach?: Promise<QuizCoach>;
  /** Fires when the learner's history or cards change. */
  readonly onDidChange: vscode.Event<void>;

  constructor(
    private readonly knowledge: KnowledgeService,
    private readonly store: LearnerStore,
    private readonly memento: vscode.Memento,
    /** The learner's note cards as they are now (the notes may reload at any time). */
    private readonly notes: NoteCards,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.onDidChange = store.onDidChange;
  }

  getCoach(): Promise<QuizCoach> {
    this.coach ??= Promise.all([this.knowledge.load(), this.knowledge.engines()]).then(([kb, engines]) => new engines.QuizCoach(kb, this.store.state, this.notes));
    return this.coach;
  }

  async start(request: QuizRequest): Promise<QuizSession> {
    const coach = await this.getCoach();
    const seed = Math.floor(Math.random() * 0x7fffffff);
    const session = coach.start(request, Date.now(), seed, crypto.randomUUID());
    await this.saveSession(session);
    return session;
  }

  async record(session: QuizSession, event: AnswerEvent): Promise<void> {
    (await this.getCoach()).record(event, session.state.mode);
    await Promise.all([this.store.save(), this.saveSession(session)]);
  }

  async finish(session: QuizSession): Promise<void> {
    (await this.getCoach()).finish(session, Date.now());
    await Promise.all([this.store.save(), this.saveSession(session)]);
  }

  saveSession(session: QuizSession): Thenable<void> {
    return this.memento.update(ACTIVE_SESSION_KEY, session.state);
  }

  /** The saved session, if there is one this version can resume. */
  savedSession(): QuizSession | undefined {
    const raw = this.memento.get<unknown>(ACTIVE_SESSION_KEY);
    const state = restoreSessionState(raw);
    if (!state) {
      if (raw) this.log.warn('The saved quiz session could not be read; it was set aside.');
      return undefined;
    }
    return new QuizSession(state);
  }

  async dueCount(): Promise<number> {
    return (await this.getCoach()).dueCount(Date.now());
  }
}
