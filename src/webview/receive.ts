/** The one way both webviews' messages come in: validated first, handled, and a failure logged and reported. */
import type * as vscode from 'vscode';

export interface Receiver<M> {
  /** The surface's name in the log, a diagnostic that stays English ("Cheat sheet", "Quiz panel"). */
  logAs: string;
  log: vscode.LogOutputChannel;
  /** The protocol's validator: undefined for anything that is not a message of this webview. */
  parse(raw: unknown): M | undefined;
  handle(message: M): Promise<void>;
  /** Tells the learner that handling failed (in the page, or as a notification). */
  report(error: Error): void;
}

/** An unexpected message is logged and dropped, never trusted; an error is logged with its stack and reported. */
export async function receive<M>(receiver: Receiver<M>, raw: unknown): Promise<void> {
  const message = receiver.parse(raw);
  if (!message) {
    receiver.log.warn(`${receiver.logAs}: ignored an unexpected message: ${JSON.stringify(raw)?.slice(0, 200)}`);
    return;
  }
  try {
    await receiver.handle(message);
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    receiver.log.error(`${receiver.logAs}: ${error.stack ?? error.message}`);
    receiver.report(error);
  }
}
