/** The extension against the real VS Code API: activation, commands, hovers, settings, notes, the quiz. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'cloudcoach.cloud-coach';

async function hoverText(content: string, language: string, needle: string, offset = Math.floor(needle.length / 2)): Promise<string> {
  const document = await vscode.workspace.openTextDocument({ content, language });
  const line = content.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `fixture has ${needle}`);
  const character = content.split('\n')[line].indexOf(needle) + offset;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, character));
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const TEMPLATE = `Resources:
  Disk:
    Type: AWS::EC2::Volume
  Admin:
    Type: AWS::EC2::SecurityGroup
    Properties:
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
  Web:
    Type: AWS::EC2::Instance
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Timeout: 30
`;

/** A small in-memory file system, as github.dev and other virtual workspaces provide one. */
class MemoryFs implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  write(uri: vscode.Uri, text: string): void {
    this.files.set(uri.path, new TextEncoder().encode(text));
  }
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    const isDir = !file && [...this.files.keys()].some((p) => p.startsWith(`${uri.path.replace(/\/$/, '')}/`));
    if (!file && !isDir) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: isDir ? vscode.FileType.Directory : vscode.FileType.File, ctime: 0, mtime: 0, size: file?.length ?? 0 };
  }
  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }
  createDirectory(): void {}
  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.files.set(uri.path, content);
  }
  delete(): void {}
  rename(): void {}
}

describe('Cloud Coach extension', function () {
  this.timeout(60_000);

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    await extension.activate();
  });

  afterEach(async () => {
    const config = vscode.workspace.getConfiguration('cloudCoach');
    for (const key of ['hover.ports', 'hover.detail', 'hover.enabled', 'notes.paths']) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['cloudCoach.startQuiz', 'cloudCoach.lookUp', 'cloudCoach.openCheatSheet', 'cloudCoach.reviewDue', 'cloudCoach.showProgress', 'cloudCoach.addNotesFile']) {
      assert.ok(commands.includes(c), c);
    }
  });

  it('names its commands and settings in English through package.nls.json, and formats its messages through vscode.l10n', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    const startQuiz = manifest.contributes.commands.find((c: { command: string }) => c.command === 'cloudCoach.startQuiz');
    assert.equal(`${startQuiz.category}: ${startQuiz.title}`, 'Cloud Coach: Start Quiz');
    assert.equal(manifest.displayName, 'Cloud Coach');
    assert.match(manifest.contributes.configuration.properties['cloudCoach.hover.enabled'].markdownDescription, /^Show Cloud Coach hovers/);
    assert.equal(vscode.l10n.t('Cloud Coach: {0}', 'time is up'), 'Cloud Coach: time is up');
  });

  it('explains a CloudFormation resource type through executeHoverProvider', async () => {
    const text = await hoverText(TEMPLATE, 'yaml', 'AWS::EC2::Volume');
    assert.match(text, /EBS volume/);
    assert.match(text, /Amazon Elastic Block Store/);
    assert.match(text, /command:cloudCoach\.openCheatSheet/);
  });

  it('warns about a port open to the world and stays quiet on other numbers', async () => {
    assert.match(await hoverText(TEMPLATE, 'yaml', 'FromPort: 22', 10), /open[\s\S]*0\.0\.0\.0\/0/);
    assert.equal(await hoverText(TEMPLATE, 'yaml', 'Timeout: 30', 9), '');
  });

  it('hovers in any language: Terraform as plain text, Python, a compose file', async () => {
    assert.match(await hoverText('resource "aws_s3_bucket" "logs" {}', 'plaintext', 'aws_s3_bucket'), /S3 bucket|Simple Storage Service/);
    assert.match(await hoverText('sqs = boto3.client("sqs")', 'python', 'client("sqs")', 9), /Simple Queue Service/);
    assert.match(await hoverText('services:\n  db:\n    ports:\n      - "5432:5432"', 'dockercompose', '"5432:5432"', 2), /PostgreSQL/);
  });

  it('applies setting changes without a reload', async () => {
    const config = vscode.workspace.getConfiguration('cloudCoach');
    await config.update('hover.ports', false, vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await hoverText(TEMPLATE, 'yaml', 'FromPort: 22', 10)) === '', 'ports to go quiet');
    await config.update('hover.detail', 'full', vscode.ConfigurationTarget.Global);
    await waitFor(async () => /Pricing/.test(await hoverText(TEMPLATE, 'yaml', 'AWS::Lambda::Function')), 'the full hover');
    await config.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await hoverText(TEMPLATE, 'yaml', 'AWS::Lambda::Function')) === '', 'hovers to turn off');
  });

  it("shows the learner's notes under the official text", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cloud-coach-notes-'));
    const file = join(dir, 'notes.md');
    writeFileSync(file, '# Compute\n\n- **EC2:** my own words about virtual servers.\n');
    await vscode.workspace.getConfiguration('cloudCoach').update('notes.paths', [file], vscode.ConfigurationTarget.Global);
    await waitFor(async () => /my own words about virtual servers/.test(await hoverText(TEMPLATE, 'yaml', 'AWS::EC2::Instance')), "the learner's note");
  });

  it('hovers on a virtual document and reads notes from a virtual file system', async () => {
    const memfs = new MemoryFs();
    const registration = vscode.workspace.registerFileSystemProvider('memfs', memfs);
    try {
      const template = vscode.Uri.parse('memfs:/repo/template.yaml');
      memfs.write(template, TEMPLATE);
      memfs.write(vscode.Uri.parse('memfs:/notes/aws.md'), '# Storage\n\n- **EBS:** my virtual words about block storage.\n');
      await vscode.workspace.getConfiguration('cloudCoach').update('notes.paths', ['memfs:/notes/aws.md'], vscode.ConfigurationTarget.Global);
      const document = await vscode.workspace.openTextDocument(template);
      const line = TEMPLATE.split('\n').findIndex((l) => l.includes('AWS::EC2::Volume'));
      const hoverAt = async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line, 14));
        return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
      };
      assert.match(await hoverAt(), /EBS volume/);
      await waitFor(async () => /my virtual words about block storage/.test(await hoverAt()), 'the note from the virtual file system');
    } finally {
      registration.dispose();
    }
  });

  it('starts a quiz on a topic with the arguments the hover link passes', async () => {
    await vscode.commands.executeCommand('cloudCoach.startQuiz', { mode: 'topic', topic: 's3', count: 3 });
    const quizTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /Topic: Amazon Simple Storage Service/.test(t.label));
    await waitFor(() => !!quizTab(), 'the quiz panel');
    // Close just the panel: the untitled fixtures would make "close all" ask to save them.
    await vscode.window.tabGroups.close(quizTab()!);
  });

  it('ignores malformed command arguments instead of trusting them', async () => {
    const before = vscode.window.visibleTextEditors.map((e) => e.document.uri.toString());
    await vscode.commands.executeCommand('cloudCoach.openCheatSheet', '../../etc/passwd');
    await vscode.commands.executeCommand('cloudCoach.openCheatSheet', { not: 'an id' });
    // A note link can only open the learner's own notes files: not any path it names.
    await vscode.commands.executeCommand('cloudCoach.openUserNote', '/etc/hostname', 0);
    await vscode.commands.executeCommand('cloudCoach.openUserNote', 'file:///etc/hostname', 3);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path === '/etc/hostname'), 'no file outside the notes was opened');
    assert.deepEqual(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()), before);
  });
});
