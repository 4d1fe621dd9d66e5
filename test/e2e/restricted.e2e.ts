/**
 * Restricted Mode, as a learner meets it after cloning a repository to study: VS Code asks whether to
 * trust the folder, the learner says no, and Cloud Coach still explains, searches and quizzes. Notes files
 * that the workspace's own settings name are not read until the learner trusts the folder.
 */
import * as assert from 'node:assert/strict';
import { screenshotOnFailure, Workbench } from './workbench';

describe('Restricted Mode (an untrusted workspace)', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.launch({ suite: 'restricted', workspaceTrust: true, workspaceSettings: { 'cloudCoach.notes.paths': ['notes/study-notes.md'] } });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  it('opens the folder in Restricted Mode when the learner does not trust it, and activates', async () => {
    // Desktop VS Code asks first; code-server opens an unknown folder in Restricted Mode straight away.
    const dontTrust = wb.page.getByRole('button', { name: /No, I don't trust the authors/ });
    const restricted = wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first();
    await dontTrust.or(restricted).first().waitFor({ timeout: 60_000 });
    if (await dontTrust.isVisible()) {
      await wb.screenshot('trust-prompt');
      await dontTrust.click();
    }
    await wb.waitForWorkbench();
    await wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 15_000 });
    assert.match(wb.extensionLog(), /Cloud Coach activated/);
  });

  it('explains a CloudFormation type in a hover', async () => {
    await wb.openFile('cloudformation/web-stack.yaml');
    const text = await wb.hover('AWS::EC2::Volume');
    await wb.screenshot('hover-in-restricted-mode');
    assert.match(text, /EBS volume/);
    assert.match(text, /Amazon Elastic Block Store/);
  });

  it('searches the cheat sheet, and says why the workspace notes are not read', async () => {
    await wb.runCommand('Cloud Coach: Open Cheat Sheet');
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await view.getByRole('searchbox', { name: 'Search' }).fill('S3');
    await view.getByRole('listitem').filter({ hasText: 'Amazon Simple Storage Service' }).first().waitFor();
    await view.getByRole('searchbox', { name: 'Search' }).fill('');
    await view.getByRole('tab', { name: 'My notes' }).click();
    const notice = view.getByRole('note').filter({ hasText: 'Restricted Mode' });
    await notice.waitFor({ timeout: 10_000 });
    assert.match(await notice.innerText(), /cloudCoach\.notes\.paths/);
    await wb.screenshot('cheat-sheet-notes-notice');
    assert.equal(await view.locator('.item.mine').count(), 0, 'no notes from the workspace setting');
    const log = wb.extensionLog();
    assert.equal(log.match(/ignores until you trust the workspace/g)?.length, 1, 'said once in the output channel');
    assert.doesNotMatch(log, /Notes: \d+ terms/);
  });

  it('runs a quick practice: answered and checked', async () => {
    await wb.answerOneQuickPractice();
    await wb.screenshot('quiz-in-restricted-mode');
  });

  it('reads the workspace notes once the learner trusts the folder', async () => {
    await wb.runCommand('Workspaces: Manage Workspace Trust');
    const trust = wb.page.getByRole('button', { name: /^Trust$/ }).first();
    await trust.waitFor({ timeout: 15_000 });
    await trust.click();
    await wb.waitFor(() => /Notes: \d+ terms from 1 file/.test(wb.extensionLog()), 20_000, 'the workspace notes to load');
    await wb.screenshot('trusted-notes-loaded');
  });
});
