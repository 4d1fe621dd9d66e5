/** First run: the walkthrough opens by itself once, and each step completes when the learner does it. */
import * as assert from 'node:assert/strict';
import { screenshotOnFailure, Workbench } from './workbench';

describe('the first-run walkthrough', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.launch({ suite: 'walkthrough', settings: { 'cloudCoach.walkthrough.openOnFirstRun': true } });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  const page = () => wb.page.locator('.gettingStartedContainer');
  const step = (title: string) => page().locator('.getting-started-step', { hasText: title }).first();
  /** The step's check mark, as VS Code shows it (a checkbox that is checked once the step is done). */
  const isDone = async (title: string) => (await step(title).locator('[role="checkbox"]').first().getAttribute('aria-checked')) === 'true';
  const reopen = () => wb.openWalkthrough();
  const waitDone = (title: string) => wb.waitFor(() => isDone(title), 15_000, `the step "${title}" to complete`);

  it('opens by itself on the first run, with five steps', async () => {
    await page().locator('h2', { hasText: 'Get started with Cloud Coach' }).first().waitFor({ timeout: 30_000 });
    const titles = await page().locator('.getting-started-step .step-title').allInnerTexts();
    assert.deepEqual(titles.map((t) => t.trim()), ['Hover an AWS type', 'Run a quick practice', 'Open the cheat sheet', 'Add your own notes', 'See your progress']);
    for (const t of titles) assert.equal(await isDone(t.trim()), false, `${t} not done yet`);
    await wb.screenshot('walkthrough-first-run');
  });

  it('opens the sample template from its first step, and the sample explains itself in a hover', async () => {
    await step('Hover an AWS type').click();
    await page().getByRole('button', { name: 'Open a sample template' }).click();
    await wb.waitFor(async () => (await wb.page.locator('.tab.active').innerText()).includes('Untitled'), 15_000, 'the sample to open');
    const hover = await wb.hover('AWS::S3::Bucket');
    assert.match(hover, /Amazon Simple Storage Service/);
    await reopen();
    await waitDone('Hover an AWS type');
  });

  it('completes the practice, cheat sheet and progress steps as the learner does each', async () => {
    await step('Run a quick practice').click();
    await page().getByRole('button', { name: 'Start a quick practice' }).click();
    const quiz = await wb.webview('Cloud Coach Quiz');
    await quiz.getByRole('heading', { level: 2 }).waitFor();
    await wb.runCommand('Cloud Coach: Open Cheat Sheet');
    await (await wb.webview('Cloud Coach Cheat Sheet')).getByRole('tab', { name: 'Browse' }).waitFor();
    await wb.runCommand('Cloud Coach: Show Progress');
    await reopen();
    await waitDone('Run a quick practice');
    await waitDone('Open the cheat sheet');
    await waitDone('See your progress');
    assert.equal(await isDone('Add your own notes'), false);
  });

  it('completes the notes step when a notes file is added to the settings', async () => {
    await wb.setSettings({ 'cloudCoach.notes.paths': ['notes/study-notes.md'] });
    await reopen();
    await waitDone('Add your own notes');
    await wb.screenshot('walkthrough-done');
  });

  it('does not open again on the next start', async () => {
    await wb.reload();
    await wb.page.waitForTimeout(3000);
    assert.equal(await page().locator('h2', { hasText: 'Get started with Cloud Coach' }).count(), 0);
  });
});
