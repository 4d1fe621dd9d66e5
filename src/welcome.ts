/** First run: the walkthrough opens once, and its first step opens a small sample template to hover. */
import * as vscode from 'vscode';
import type { Platform } from './platform/platform';
import type { Settings } from './settings';

const WALKTHROUGH = 'cloudcoach.cloud-coach#cloudCoach.start';
const SHOWN_KEY = 'cloudCoach.walkthroughShown';

/** Opens the sample template as a new, unsaved document (so it works in a browser and in any folder). */
export async function openSample(extensionUri: vscode.Uri, platform: Platform): Promise<void> {
  const bytes = await platform.readExtensionFile(vscode.Uri.joinPath(extensionUri, 'media', 'walkthrough', 'sample-template.yaml'));
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(document, { preview: false });
}

/** Opens the walkthrough the first time Cloud Coach runs, unless the learner turned that off. */
export function openWalkthroughOnce(context: vscode.ExtensionContext, settings: Settings): void {
  if (context.globalState.get(SHOWN_KEY) || !settings.current.walkthrough.openOnFirstRun) return;
  void context.globalState.update(SHOWN_KEY, true);
  void vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH, false);
}
