/**
 * "Cloud Coach: Start Quiz": with no arguments a QuickPick of modes (Quick practice first); other features
 * pass `{ mode, topic?, count? }` to start a session directly.
 */
import * as vscode from 'vscode';
import { isEntryId } from '../core/ids';
import type { QuizRequest } from '../core/quiz/coach';
import { QUIZ_MODES, type QuizMode } from '../core/quiz/session';
import { DOMAIN_NAMES, DOMAIN_WEIGHTS, type Domain } from '../core/knowledge/types';
import type { QuizService } from './quizService';


/** Reads the command's argument; anything malformed is ignored rather than trusted. */
export function parseQuizRequest(arg: unknown): QuizRequest | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const a = arg as Record<string, unknown>;
  if (typeof a.mode !== 'string' || !(QUIZ_MODES as readonly string[]).includes(a.mode)) return undefined;
  const request: QuizRequest = { mode: a.mode as QuizMode };
  if (isEntryId(a.topic)) request.topic = a.topic;
  if (typeof a.count === 'number' && Number.isInteger(a.count) && a.count > 0 && a.count <= 100) request.count = a.count;
  if (a.domain === 1 || a.domain === 2 || a.domain === 3 || a.domain === 4) request.domain = a.domain;
  if (Array.isArray(a.questionIds) && a.questionIds.every((q) => typeof q === 'string')) request.questionIds = a.questionIds as string[];
  if (typeof a.uri === 'string' && a.uri.length < 4000) request.uri = a.uri;
  return request;
}

interface ModeItem extends vscode.QuickPickItem {
  mode: QuizMode | 'progress';
}

/** Asks which quiz to run; undefined when the learner cancels. */
export async function pickQuiz(quiz: QuizService): Promise<QuizRequest | 'progress' | undefined> {
  const coach = await quiz.getCoach();
  const now = Date.now();
  const due = coach.dueCount(now);
  const mistakes = coach.mistakes().length;
  const items: ModeItem[] = [
    { mode: 'quick', label: vscode.l10n.t('$(zap) Quick practice'), description: vscode.l10n.t('10 questions'), detail: vscode.l10n.t('A mix of exam-style and generated questions, with feedback after each.') },
    { mode: 'domain', label: vscode.l10n.t('$(list-tree) Practice by domain'), detail: vscode.l10n.t('Choose one of the four CLF-C02 domains.') },
    { mode: 'topic', label: vscode.l10n.t('$(symbol-class) Practice a service or topic'), detail: vscode.l10n.t('Questions about one service or concept.') },
    { mode: 'weakest', label: vscode.l10n.t('$(target) Weakest areas'), detail: vscode.l10n.t('Questions from the topics you miss most.') },
    { mode: 'file', label: vscode.l10n.t('$(file-code) This file'), detail: vscode.l10n.t('Questions on the AWS services the file in view uses.') },
    { mode: 'workspace', label: vscode.l10n.t('$(root-folder) This workspace'), detail: vscode.l10n.t('Questions on the services your workspace uses, the ones you miss most first.') },
    { mode: 'exam', label: vscode.l10n.t('$(watch) Exam simulation'), description: vscode.l10n.t('65 questions · 90 minutes'), detail: vscode.l10n.t('Weighted like CLF-C02; no feedback until you submit; an estimated 100–1,000 score.') },
    { mode: 'mistakes', label: vscode.l10n.t('$(error) Review mistakes'), description: vscode.l10n.t('{0} to review', mistakes), detail: vscode.l10n.t('The questions you got wrong, until you answer them right.') },
    { mode: 'due', label: vscode.l10n.t('$(history) Review due cards'), description: vscode.l10n.t('{0} due', due), detail: vscode.l10n.t('Spaced repetition: missed questions and concepts that are due today.') },
    { mode: 'progress', label: vscode.l10n.t('$(graph) Show progress'), detail: vscode.l10n.t('Accuracy by domain and over time.') },
  ];
  const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Cloud Coach: Start Quiz'), placeHolder: vscode.l10n.t('Choose a quiz'), matchOnDetail: true });
  if (!choice) return undefined;
  if (choice.mode === 'progress') return 'progress';
  if (choice.mode === 'domain') {
    const domain = await vscode.window.showQuickPick(
      ([1, 2, 3, 4] as Domain[]).map((d) => ({ label: vscode.l10n.t('Domain {0}: {1}', d, DOMAIN_NAMES[d]), description: vscode.l10n.t('{0}% of the exam', DOMAIN_WEIGHTS[d]), domain: d })),
      { title: vscode.l10n.t('Practice by domain'), placeHolder: vscode.l10n.t('Choose a CLF-C02 domain') },
    );
    return domain ? { mode: 'domain', domain: domain.domain } : undefined;
  }
  if (choice.mode === 'topic') {
    const items = coach.topics().map((t) => ({ label: t.name, description: vscode.l10n.t(t.questions === 1 ? '{0} question · {1}' : '{0} questions · {1}', t.questions, t.category), id: t.id }));
    const topic = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Practice a service or topic'), placeHolder: vscode.l10n.t('Type a service or concept'), matchOnDescription: true });
    return topic ? { mode: 'topic', topic: topic.id, count: 10 } : undefined;
  }
  return { mode: choice.mode };
}
