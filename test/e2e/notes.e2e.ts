/** The learner's own notes: configured, shown under the official text in hovers, searchable, live. */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screenshotOnFailure, Workbench } from './workbench';

describe('your own notes', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.launch({ suite: 'notes' });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  it('adds a notes file from the command palette', async () => {
    await wb.runCommand('Cloud Coach: Add Notes File...');
    // code-server's file picker is a quick input that takes a path.
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`${wb.workspace}/notes/`);
    const file = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'study-notes.md' }).first();
    await file.waitFor();
    await file.click();
    // Choosing the file in the picker accepts it.
    await wb.screenshot('add-notes-file');
    await wb.waitFor(() => /Notes: \d+ terms from 1 file/.test(wb.extensionLog()), 15_000, 'the notes to load');
  });

  it("shows the learner's own bullet under the official summary when hovering EC2 in a template", async () => {
    await wb.openFile('cloudformation/web-stack.yaml');
    const text = await wb.hover('AWS::EC2::Instance', 9);
    await wb.screenshot('hover-with-notes');
    assert.match(text, /Amazon Elastic Compute Cloud/);
    assert.match(text, /Your notes/);
    assert.match(text, /rent virtual servers by the second/);
    assert.match(text, /study-notes\.md:\d+/);
  });

  it('finds a term from the notes through the look-up command', async () => {
    const mine = (await wb.lookUp('EBS Volume')).filter({ hasText: 'My notes' }).first();
    await mine.waitFor({ timeout: 10_000 });
    assert.match(await mine.innerText(), /EBS Volume/);
    await wb.screenshot('look-up-notes');
    await mine.click();
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await wb.waitFor(async () => /EBS Volume/.test(await view.getByRole('heading', { level: 1 }).innerText().catch(() => '')), 10_000, 'the note in the cheat sheet');
  });

  it("shows the learner's notes under the official summary on the service's cheat-sheet card", async () => {
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await view.getByRole('searchbox', { name: 'Search' }).fill('EC2');
    await view.getByRole('listitem').filter({ hasText: 'Amazon Elastic Compute Cloud' }).first().click();
    const mine = view.getByRole('region', { name: 'Your notes' });
    await mine.waitFor({ timeout: 10_000 });
    assert.match(await mine.innerText(), /rent virtual servers by the second/);
    const card = await view.getByRole('article').innerText();
    const at = (s: string) => card.indexOf(s);
    assert.ok(at('gives you virtual servers') >= 0 && at('gives you virtual servers') < at('Your notes'), 'the official summary comes first');
    assert.ok(at('Your notes') < at('What it is for'), 'the notes come right under the summary');
    await wb.screenshot('cheat-sheet-card-with-notes');
    await mine.getByRole('link', { name: /study-notes\.md:\d+/ }).click();
    await wb.page.locator('.tab.active', { hasText: 'study-notes.md' }).waitFor({ timeout: 10_000 });
  });

  it('picks up an edit to the notes file without a reload', async () => {
    await wb.openFile('notes/study-notes.md');
    await wb.reveal('rent virtual servers by the second');
    // Replace the selected words, as a learner edits their notes, and save.
    await wb.page.keyboard.type('lease virtual machines per second');
    await wb.page.keyboard.press('Control+S');
    await wb.waitFor(() => /Notes: re-read .*study-notes\.md/.test(wb.extensionLog()), 5000, 'the notes to be re-read');
    // The cheat sheet beside the editor shows the new words, and leaves the keyboard in the editor.
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await wb.waitFor(async () => /lease virtual machines per second/.test(await view.getByRole('region', { name: 'Your notes' }).innerText().catch(() => '')), 5000, 'the cheat sheet to show the edit');
    await wb.page.waitForTimeout(500);
    assert.equal(await wb.page.locator('.monaco-editor.focused').count(), 1, 'the editor keeps the focus');
    await wb.screenshot('cheat-sheet-after-edit');
    await wb.openFile('cloudformation/web-stack.yaml');
    const text = await wb.hover('AWS::EC2::Instance', 9);
    assert.match(text, /lease virtual machines per second/);
    await wb.screenshot('hover-after-edit');
  });

  it('skips a binary, an oversized and a non-UTF-8 file with one warning each, and keeps the rest', async () => {
    writeFileSync(join(wb.workspace, 'notes', 'photo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a]));
    writeFileSync(join(wb.workspace, 'notes', 'latin1.md'), Buffer.from('- **Caf\xe9:** not UTF-8\n', 'latin1'));
    writeFileSync(join(wb.workspace, 'notes', 'huge.md'), `- **Big:** ${'x'.repeat(120 * 1024)}\n`);
    await wb.setSettings({ 'cloudCoach.notes.paths': ['notes'], 'cloudCoach.notes.maxFileSizeMB': 0.1 });
    await wb.waitFor(() => /huge\.md is larger than 0\.1 MB/.test(wb.extensionLog()), 15_000, 'the size warning');
    const log = wb.extensionLog();
    assert.equal(log.match(/photo\.md looks binary/g)?.length, 1);
    assert.equal(log.match(/latin1\.md is not valid UTF-8/g)?.length, 1);
    assert.equal(log.match(/huge\.md is larger than/g)?.length, 1);
    await wb.screenshot('bad-notes-warnings');
    await wb.openFile('cloudformation/web-stack.yaml');
    assert.match(await wb.hover('AWS::EC2::Instance', 9), /Your notes/);
  });

  it('warns once about a notes path that does not exist, and keeps working', async () => {
    await wb.setSettings({ 'cloudCoach.notes.paths': ['notes/study-notes.md', 'notes/missing.md'], 'cloudCoach.notes.maxFileSizeMB': 5 });
    const toast = wb.page.locator('.notifications-toasts .notification-list-item', { hasText: 'missing.md' });
    await toast.first().waitFor({ timeout: 10_000 });
    await wb.screenshot('missing-notes-warning');
    assert.equal(await toast.count(), 1);
    await wb.openFile('cloudformation/web-stack.yaml');
    assert.match(await wb.hover('AWS::EC2::Instance', 9), /Your notes/);
  });
});

describe('your own notes in a multi-root workspace', function () {
  let wb: Workbench;

  before(async () => {
    // Two folders, each with its own notes setting, relative to that folder.
    wb = await Workbench.launch({
      suite: 'notes-multi-root',
      workspaceFile: 'study.code-workspace',
      files: {
        'study.code-workspace': JSON.stringify({ folders: [{ path: 'team-a' }, { path: 'team-b' }] }),
        'team-a/.vscode/settings.json': JSON.stringify({ 'cloudCoach.notes.paths': ['notes.md'] }),
        'team-a/notes.md': '# Streaming\n\n- **Kinesis shard budget:** each shard takes 1 MB/s in; we plan for four.\n',
        'team-b/.vscode/settings.json': JSON.stringify({ 'cloudCoach.notes.paths': ['study/*.md'] }),
        'team-b/study/archive.md': '# Archive\n\n- **Glacier thaw plan:** bulk restores overnight, standard ones for urgent files.\n',
      },
    });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  it("reads each folder's notes setting relative to that folder, and names the folder in the file label", async () => {
    await wb.waitFor(() => /Notes: \d+ terms from 2 file\(s\)/.test(wb.extensionLog()), 30_000, 'the notes of both folders');
    for (const [term, label] of [['Kinesis shard budget', 'team-a/notes.md'], ['Glacier thaw plan', 'team-b/study/archive.md']]) {
      const mine = (await wb.lookUp(term)).filter({ hasText: 'My notes' }).first();
      await mine.waitFor({ timeout: 10_000 });
      const text = await mine.innerText();
      assert.match(text, new RegExp(term));
      assert.match(text, new RegExp(label.replace(/[./]/g, '\\$&')));
      await wb.screenshot(`look-up-${label.split('/')[0]}`);
      await wb.dismiss();
    }
  });
});
