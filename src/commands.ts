/** Typed access to Cloud Coach's commands (ids and argument types live in core/ids.ts). */
import * as vscode from 'vscode';
import type { CommandArgs, CommandId } from './core/ids';

/** Runs one of our commands with the arguments it takes. */
export function executeCommand<C extends CommandId>(command: C, ...args: CommandArgs[C]): Thenable<unknown> {
  return vscode.commands.executeCommand(command, ...args);
}

/**
 * Registers one of our commands. Arguments come from links, other extensions and the palette, so the
 * handler receives them unchecked and reads what it needs.
 */
export function registerCommand(command: CommandId, handler: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(command, handler);
}
