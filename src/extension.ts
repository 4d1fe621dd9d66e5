/** The desktop (Node) entry point: the shared wiring with the Node platform. */
import type * as vscode from 'vscode';
import { activateCloudCoach } from './activate';
import { nodePlatform } from './platform/node';

export function activate(context: vscode.ExtensionContext): void {
  activateCloudCoach(context, nodePlatform(__dirname));
}

export function deactivate(): void {}
