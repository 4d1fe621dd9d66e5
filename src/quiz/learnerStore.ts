/**
 * Keeps the learner's state in the extension's global state. Reading recovers what it can and, when it had
 * to migrate or repair, keeps the old value under a backup key and says so once: never a crash, never a
 * silent loss.
 */
import * as vscode from 'vscode';
import { loadLearnerState, type LearnerState } from '../core/quiz/learnerState';
import { DisposableStore } from '../dispose';

export const LEARNER_STATE_KEY = 'cloudCoach.learnerState';
export const BACKUP_PREFIX = 'cloudCoach.learnerState.backup.';

export class LearnerStore extends DisposableStore {
  private cached?: LearnerState;
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
  }

  get state(): LearnerState {
    if (this.cached) return this.cached;
    const raw = this.memento.get<unknown>(LEARNER_STATE_KEY);
    const loaded = loadLearnerState(raw);
    this.cached = loaded.state;
    if (loaded.changed) {
      const backup = `${BACKUP_PREFIX}${Date.now()}`;
      void this.memento.update(backup, raw);
      void this.memento.update(LEARNER_STATE_KEY, loaded.state);
      if (loaded.problems.length) {
        const detail = loaded.problems.join('; ');
        this.log.warn(`Saved progress: ${detail}. The previous value is kept under ${backup}.`);
        void vscode.window.showWarningMessage(vscode.l10n.t('Cloud Coach recovered your saved progress: {0}. Everything readable was kept, and a copy of the previous data was saved.', detail));
      } else {
        this.log.info(`Saved progress migrated to the current format; the previous value is kept under ${backup}.`);
      }
    }
    return this.cached;
  }

  async save(): Promise<void> {
    await this.memento.update(LEARNER_STATE_KEY, this.state);
    this.changed.fire();
  }
}
