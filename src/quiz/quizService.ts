/**
 * The quiz feature's state in the extension: the coach (built once the knowledge base is loaded), the
 * learner's state, and the active session, saved on every change so a reload can resume it.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { NoteQuestions, QuizCoach, QuizRequest } from '../core/quiz/coach';
import { heavy } from '../lazy';
import { QuizSession, SESSION_VERSION, type AnswerEvent, type SessionState } from '../core/quiz/session';
import type { KnowledgeService } from '../knowledge/knowledgeService';
import type { LearnerStore } from './learnerStore';

export const ACTIVE_SESSION_KEY = 'cloudCoach.activeSession';

export class QuizService {
  private coach?: QuizCoach;

  constructor(
    readonly knowledge: KnowledgeService,
    readonly store: LearnerStore,
    private readonly memento: vscode.Memento,
    private readonly notes: () => NoteQuestions | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async getCoach(): Promise<QuizCoach> {
    if (!this.coach) this.coach = new (heavy().QuizCoach)(await this.knowledge.load(), this.store.state, this.notes());
    return this.coach;
  }

  /** Rebuilds the coach when the learner's notes change (their questions and cards). */
  reset(): void {
    this.coach = undefined;
  }

  async start(request: QuizRequest): Promise<QuizSession> {
    const coach = await this.getCoach();
    const seed = Math.floor(Math.random() * 0x7fffffff);
    const session = coach.start(request, Date.now(), seed, randomUUID());
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

  /** The saved session, if there is one that is readable and not finished long ago. */
  savedSession(): QuizSession | undefined {
    const raw = this.memento.get<SessionState>(ACTIVE_SESSION_KEY);
    if (!raw || typeof raw !== 'object' || raw.version !== SESSION_VERSION || !Array.isArray(raw.questions) || !raw.questions.length) {
      if (raw) this.log.warn('The saved quiz session could not be read; it was set aside.');
      return undefined;
    }
    try {
      const session = new QuizSession(raw);
      void session.current.prompt;
      return session;
    } catch (e) {
      this.log.warn(`The saved quiz session could not be resumed: ${(e as Error).message}`);
      return undefined;
    }
  }

  async dueCount(): Promise<number> {
    return (await this.getCoach()).dueCount(Date.now());
  }
}
