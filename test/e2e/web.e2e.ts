/**
 * Cloud Coach in the browser's web worker extension host, as vscode.dev and github.dev run it: a copy of
 * the extension whose manifest has only the `browser` entry. The suite proves from the workbench's own
 * log that it ran there, then uses hovers, the cheat sheet, a quick practice and a notes file.
 */
import * as assert from 'node:assert/strict';
import { screenshotOnFailure, Workbench } from './workbench';

describe('in the browser (web worker extension host)', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.launch({ suite: 'web', web: true, workspaceSettings: { 'cloudCoach.notes.paths': ['notes/study-notes.md'] } });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  it('runs in the web worker extension host, as the workbench log shows', async () => {
    const worker = await wb.outputChannel('Extension Host (Worker)');
    assert.match(worker, /_doActivateExtension cloudcoach\.cloud-coach/);
    const remote = await wb.outputChannel('Extension Host (Remote)').catch(() => '');
    assert.doesNotMatch(remote, /cloudcoach\.cloud-coach/, 'not in the Node extension host');
    const log = await wb.outputChannel('Cloud Coach');
    const activated = /Cloud Coach activated in ([\d.]+) ms \(web extension host/.exec(log);
    const ready = /Knowledge base ready for hovers in (\d+) ms \((\d+) ms after activation; reading the file took (\d+) ms\)/.exec(log);
    assert.ok(activated && ready, log);
    console.log(`      web worker: activate() ${activated[1]} ms; hovers ready ${ready[2]} ms after activation (knowledge read in ${ready[3]} ms, read and parsed in ${ready[1]} ms)`);
    await wb.screenshot('output-web-worker');
    await wb.hidePanel();
  });

  it('has the walkthrough, whose first step opens the sample template, explained in hovers there too', async () => {
    const page = await wb.openWalkthrough();
    assert.equal(await page.locator('.getting-started-step').count(), 5);
    await page.locator('.getting-started-step', { hasText: 'Hover an AWS type' }).first().click();
    await page.getByRole('button', { name: 'Open a sample template' }).click();
    await wb.waitFor(async () => (await wb.page.locator('.tab.active').innerText()).includes('Untitled'), 15_000, 'the sample to open');
    assert.match(await wb.hover('AWS::S3::Bucket'), /Amazon Simple Storage Service/);
    await wb.screenshot('walkthrough-sample');
  });

  it('explains a CloudFormation type and a port in hovers', async () => {
    await wb.openFile('cloudformation/web-stack.yaml');
    const text = await wb.hover('AWS::EC2::Volume', 8);
    await wb.screenshot('hover');
    assert.match(text, /EBS volume/);
    assert.match(await wb.hover('FromPort: 22', 10), /SSH/);
  });

  it("shows the learner's notes file from the workspace, read through VS Code's file system", async () => {
    const text = await wb.hover('AWS::EC2::Instance', 9);
    assert.match(text, /Your notes/);
    assert.match(text, /rent virtual servers by the second/);
    await wb.screenshot('hover-with-notes');
  });

  it('searches the cheat sheet', async () => {
    await wb.runCommand('Cloud Coach: Open Cheat Sheet');
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await view.getByRole('searchbox', { name: 'Search' }).fill('s3:GetObject');
    const first = view.getByRole('list', { name: /results? for/ }).getByRole('listitem').first();
    await wb.waitFor(async () => /Amazon Simple Storage Service/.test(await first.innerText().catch(() => '')), 10_000, 'the S3 result');
    await wb.screenshot('cheat-sheet-search');
  });

  it('runs a quick practice: answered, checked, and kept in progress', async () => {
    await wb.answerOneQuickPractice();
    await wb.screenshot('quiz-feedback');
    await wb.runCommand('Cloud Coach: Show Progress');
    const progress = await wb.webview('Cloud Coach Quiz');
    await wb.waitFor(async () => /of 1 answers? correct/.test(await progress.locator('body').innerText().catch(() => '')), 10_000, 'the answer in the progress view');
    await wb.screenshot('progress');
  });
});
