/**
 * "In this file" and "In this workspace" in the cheat sheet, as a learner uses them: the file in view,
 * its findings, a click to a line, a quiz on the file, following another file, and the workspace scan
 * over bad input (a binary file, a 1 MB minified template, 20,000 files).
 */
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { screenshotOnFailure, Workbench, type THEMES } from './workbench';

/** 20,000 small templates, beyond the scan's default cap of 5,000 files. */
function manyFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 20_000; i++) files[`generated/stack-${i}.yaml`] = `Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n`;
  return files;
}

describe('in this file and in this workspace', function () {
  let wb: Workbench;
  let view: Frame;

  before(async () => {
    const minified = JSON.stringify({ Resources: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`Bucket${i}`, { Type: 'AWS::S3::Bucket' }])) });
    wb = await Workbench.launch({
      suite: 'scan',
      files: { ...manyFiles(), 'big/minified.template.json': minified, 'assets/logo.json': '\u0000\u0001\u0002PNG AWS::EC2::Instance', 'plain/notes.py': 'def add(a, b):\n    return a + b\n' },
      settings: { 'files.exclude': { '**/.git': true } },
    });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  const shoot = async (name: string, themes: (keyof typeof THEMES)[] = ['dark', 'light', 'highContrast']) => {
    for (const theme of themes) {
      await wb.setTheme(theme);
      await wb.screenshot(`${name}-${theme}`);
    }
    await wb.setTheme('dark');
  };
  const section = (id: string) => view.locator(`#${id}`);

  it('shows the services of the template in view, the open SSH port first', async () => {
    await wb.openFile('cloudformation/web-stack.yaml');
    await wb.runCommand('Cloud Coach: Open Cheat Sheet');
    view = await wb.webview('Cloud Coach Cheat Sheet');
    const inFile = section('in-file');
    await wb.waitFor(async () => /web-stack\.yaml/.test(await inFile.innerText().catch(() => '')), 20_000, 'the file in view');
    const text = await inFile.innerText();
    assert.match(text, /Worth noticing[\s\S]*SSH \(22\) to 0\.0\.0\.0\/0/);
    for (const name of ['Amazon Virtual Private Cloud', 'Amazon Simple Storage Service', 'Amazon Elastic Block Store', 'Amazon Relational Database Service']) assert.match(text, new RegExp(name));
    assert.ok(text.indexOf('Worth noticing') < text.indexOf('Amazon Virtual Private Cloud'), 'findings first');
    await shoot('in-this-file');
  });

  it('reveals a line in the editor when its link is clicked', async () => {
    await section('in-file').getByRole('link', { name: 'Go to line 57' }).first().click();
    await wb.waitFor(async () => /Ln 57,/.test(await wb.page.locator('.statusbar').innerText()), 10_000, 'the cursor on line 57');
    assert.match(await wb.page.locator('.monaco-editor .view-line', { hasText: 'AWS::EC2::Volume' }).first().innerText(), /AWS::EC2::Volume/);
    await wb.screenshot('line-revealed');
  });

  it('starts a quiz on the file whose questions are about its services', async () => {
    await section('in-file').getByRole('button', { name: 'Quiz me on this file' }).click();
    const quiz = await wb.webview('Cloud Coach Quiz');
    await quiz.getByRole('heading', { level: 2 }).waitFor();
    await wb.waitFor(() => /This file: web-stack\.yaml: topics/.test(wb.extensionLog()), 10_000, 'the quiz log');
    const [, topicList, questions] = /This file: web-stack\.yaml: topics ([^;]*); questions (.*)/.exec(wb.extensionLog()) ?? [];
    const topics = new Set(topicList.split(' '));
    for (const t of ['vpc', 'ec2', 's3']) assert.ok(topics.has(t), t);
    for (const q of questions.split('; ')) assert.ok(/\[([^\]]*)\]/.exec(q)?.[1].split(' ').some((t) => topics.has(t)), `a question off the file's services: ${q}`);
    await wb.screenshot('quiz-on-file');
    await wb.runCommand('View: Close Editor');
  });

  it('follows the editor to another file, and says plainly when a file has no AWS', async () => {
    await wb.openFile('terraform/main.tf');
    await wb.waitFor(async () => /main\.tf[\s\S]*RDP \(3389\)/.test(await section('in-file').innerText().catch(() => '')), 10_000, 'the Terraform file');
    await wb.openFile('plain/notes.py');
    await wb.waitFor(async () => /No AWS in this file/.test(await section('in-file').innerText().catch(() => '')), 10_000, 'no AWS');
    await wb.screenshot('no-aws');
  });

  it('scans the workspace: services by use, the cap and the skipped files reported, nothing hangs', async () => {
    const inWorkspace = section('in-workspace');
    await wb.waitFor(async () => /files scanned/.test(await inWorkspace.innerText().catch(() => '')), 180_000, 'the workspace scan');
    const text = await inWorkspace.innerText();
    assert.match(text, /over the file cap/);
    assert.match(text, /too large/);
    assert.match(text, /Amazon Simple Queue Service/);
    assert.match(text, /Study next/);
    const log = wb.extensionLog();
    const [, longest] = /Workspace scan done: \d+ files in \d+ ms \(longest block ([\d.]+) ms\)/.exec(log) ?? [];
    console.log(`      workspace scan: ${/Workspace scan done: (.*)/.exec(log)?.[1]}`);
    assert.ok(Number(longest) >= 0);
    await shoot('in-this-workspace', ['dark']);
  });
});
