/** "Cloud Coach: Look Up Cloud Concept": a QuickPick over every entry, resource type and port. */
import * as vscode from 'vscode';
import type { CheatSheetModel } from '../core/cheatSheet/viewModel';
import type { ListItem, Ref } from '../core/protocol/cheatSheet';

interface RefItem extends vscode.QuickPickItem {
  ref: Ref;
}

export async function lookUp(getModel: () => Promise<CheatSheetModel>, show: (ref: Ref) => Promise<void>): Promise<void> {
  const picker = vscode.window.createQuickPick<RefItem>();
  picker.title = vscode.l10n.t('Cloud Coach: Look Up Cloud Concept');
  picker.placeholder = vscode.l10n.t('Type a service, concept, port or notation: ebs, elastic block, 5432, AWS::S3::Bucket, s3:GetObject');
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  // Our own ranking decides the order: keep VS Code from re-filtering and re-sorting.
  (picker as vscode.QuickPick<RefItem> & { sortByLabel?: boolean }).sortByLabel = false;
  picker.busy = true;
  picker.show();

  const editor = vscode.window.activeTextEditor;
  const selection = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  const model = await getModel().catch((e: Error) => {
    picker.hide();
    void vscode.window.showErrorMessage(e.message);
    return undefined;
  });
  if (!model) return;
  picker.busy = false;

  const toItem = (i: ListItem): RefItem => ({
    label: i.name,
    description: i.category,
    detail: i.summary,
    ref: i.ref,
    alwaysShow: true,
  });
  const update = (query: string) => {
    picker.items = query.trim() ? model.search(query, 50).map(toItem) : [];
  };
  picker.onDidChangeValue(update);
  if (selection && selection.length <= 100 && !selection.includes('\n')) {
    picker.value = selection;
    update(selection);
  }

  const chosen = await new Promise<RefItem | undefined>((resolve) => {
    picker.onDidAccept(() => resolve(picker.selectedItems[0]));
    picker.onDidHide(() => resolve(undefined));
  });
  picker.dispose();
  if (chosen) await show(chosen.ref);
}
