/** A status-bar item with the number of review cards due; clicking it starts the review. */
import * as vscode from 'vscode';
import { Command } from '../core/ids';
import { DisposableStore } from '../dispose';
import type { QuizService } from '../quiz/quizService';
import type { Settings } from '../settings';

export class DueCardsStatus extends DisposableStore {
  private readonly item = this.register(vscode.window.createStatusBarItem('cloudCoach.dueCards', vscode.StatusBarAlignment.Right, 90));

  constructor(
    private readonly quiz: QuizService,
    private readonly settings: Settings,
  ) {
    super();
    this.item.name = vscode.l10n.t('Cloud Coach: due review cards');
    this.item.command = Command.reviewDue;
    this.register(quiz.onDidChange(() => void this.update()));
    this.register(settings.onDidChange(() => void this.update()));
    // Cards fall due with time, not only on answers.
    const timer = setInterval(() => void this.update(), 10 * 60_000);
    this.register({ dispose: () => clearInterval(timer) });
  }

  async update(): Promise<void> {
    if (!this.settings.current.review.statusBar) {
      this.item.hide();
      return;
    }
    const due = await this.quiz.dueCount().catch(() => 0);
    this.item.text = `$(history) ${due}`;
    this.item.tooltip = !due
      ? vscode.l10n.t('Cloud Coach: no review cards due.')
      : due === 1
        ? vscode.l10n.t('Cloud Coach: {0} review card due. Click to review.', due)
        : vscode.l10n.t('Cloud Coach: {0} review cards due. Click to review.', due);
    this.item.show();
  }
}
