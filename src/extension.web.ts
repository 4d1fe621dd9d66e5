/** The browser (web worker) entry point, for vscode.dev and github.dev: the shared wiring with the web platform. */
import * as vscode from 'vscode';
import { activateCloudCoach } from './activate';
import { webPlatform } from './platform/web';

export function activate(context: vscode.ExtensionContext): void {
  activateCloudCoach(context, webPlatform(vscode.workspace.fs));
}

export function deactivate(): void {}
