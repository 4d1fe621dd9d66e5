/** Cloud Coach in the browser's extension host: activation, commands, and hovers on every kind of notation. */
import * as vscode from 'vscode';

/** Node's assert is not in the browser; these two are all the suite needs. */
const assert = {
  ok(value: unknown, message: string): void {
    if (!value) throw new Error(message);
  },
  match(text: string, pattern: RegExp): void {
    if (!pattern.test(text)) throw new Error(`${JSON.stringify(text.slice(0, 200))} does not match ${pattern}`);
  },
};

async function hoverText(content: string, language: string, needle: string): Promise<string> {
  const document = await vscode.workspace.openTextDocument({ content, language });
  const line = content.split('\n').findIndex((l) => l.includes(needle));
  const character = content.split('\n')[line].indexOf(needle) + Math.floor(needle.length / 2);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character));
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

export function defineTests(): void {
describe('Cloud Coach in the browser', () => {
  before(async () => {
    await vscode.extensions.getExtension('cloudcoach.cloud-coach')?.activate();
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['cloudCoach.startQuiz', 'cloudCoach.lookUp', 'cloudCoach.openCheatSheet']) assert.ok(commands.includes(c), c);
  });

  it('explains a CloudFormation type, an IAM action and a port', async () => {
    const template = 'Resources:\n  Disk:\n    Type: AWS::EC2::Volume\n  Role:\n    Policies:\n      - Action: sts:AssumeRole\n  Rule:\n    FromPort: 22\n';
    assert.match(await hoverText(template, 'yaml', 'AWS::EC2::Volume'), /Amazon Elastic Block Store/);
    assert.match(await hoverText(template, 'yaml', 'sts:AssumeRole'), /Security Token Service/);
    assert.match(await hoverText(template, 'yaml', '22'), /SSH/);
  });
});
}
