/** A status-bar item with the number of review cards due; clicking it starts the review. */
import * as vscode from 'vscode';
import type { Settings } from '../config';
import type { QuizService } from '../quiz/quizService';

export class DueCardsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cloudCoach.dueCards', vscode.StatusBarAlignment.Right, 90);
  private readonly disposables: vscode.Disposable[] = [];
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly quiz: QuizService,
    private readonly settings: Settings,
  ) {
    this.item.name = 'Cloud Coach: due review cards';
    this.item.command = 'cloudCoach.reviewDue';
    this.disposables.push(quiz.store.onDidChange(() => void this.update()), settings.onDidChange(() => void this.update()));
    // Cards fall due with time, not only on answers.
    this.timer = setInterval(() => void this.update(), 10 * 60_000);
  }

  async update(): Promise<void> {
    if (!this.settings.current.review.statusBar) {
      this.item.hide();
      return;
    }
    const due = await this.quiz.dueCount().catch(() => 0);
    this.item.text = `$(history) ${due}`;
    this.item.tooltip = due ? `Cloud Coach: ${due} review card${due === 1 ? '' : 's'} due. Click to review.` : 'Cloud Coach: no review cards due.';
    this.item.show();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
