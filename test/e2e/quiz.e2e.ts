/** Quizzes from the palette as a learner takes them: quick practice, the exam simulation, a reload mid-session. */
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { screenshotOnFailure, Workbench } from './workbench';

describe('quizzes', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.launch({ suite: 'quiz' });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  const panel = () => wb.webview('Cloud Coach Quiz');

  /** Picks the first option by mouse, or presses its number key; picks two for a multiple-response question. */
  async function answer(view: Frame, how: 'mouse' | 'keyboard'): Promise<void> {
    const checkboxes = await view.getByRole('checkbox').count();
    const count = checkboxes ? 2 : 1;
    for (let i = 0; i < count; i++) {
      if (how === 'mouse') await view.locator('.option').nth(i).click();
      else await view.locator('body').press(String(i + 1));
    }
  }

  it('starts a quick practice from the palette and shows a question', async () => {
    await wb.runCommand('Cloud Coach: Start Quiz');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Quick practice' }).first().waitFor();
    const first = wb.page.locator('.quick-input-list .monaco-list-row').first();
    assert.match(await first.innerText(), /Quick practice/, 'Quick practice is the first, default item');
    await wb.screenshot('mode-picker');
    await wb.page.keyboard.press('Enter');
    const view = await panel();
    await view.getByRole('heading', { level: 2 }).waitFor();
    assert.match(await view.getByRole('progressbar').getAttribute('aria-valuetext') ?? '', /Question 1 of 10/);
    const options = (await view.getByRole('radio').count()) + (await view.getByRole('checkbox').count());
    assert.ok(options >= 4, `${options} options`);
    await wb.screenshot('question');
  });

  it('answers with the mouse, checks, and shows feedback with explanations', async () => {
    const view = await panel();
    await answer(view, 'mouse');
    await view.getByRole('button', { name: 'Check answer' }).click();
    const status = view.getByRole('status');
    await wb.waitFor(async () => /^(Correct|Incorrect)/.test((await status.innerText()).trim()), 10_000, 'the feedback');
    const text = await status.innerText();
    assert.ok(text.split('\n').length >= 4, `explanations for every option:\n${text}`);
    for (const theme of ['dark', 'light', 'highContrast'] as const) {
      await wb.setTheme(theme);
      await wb.screenshot(`feedback-${theme}`);
    }
    await wb.setTheme('dark');
    await view.getByRole('button', { name: 'Next question' }).click();
    await wb.waitFor(async () => /Question 2 of 10/.test((await view.getByRole('progressbar').getAttribute('aria-valuetext')) ?? ''), 10_000, 'question 2');
  });

  it('answers with the keyboard: number keys choose, Enter checks then moves on', async () => {
    const view = await panel();
    await view.getByRole('heading', { level: 2 }).click();
    await answer(view, 'keyboard');
    await view.locator('body').press('Enter');
    await wb.waitFor(async () => /^(Correct|Incorrect)/.test((await view.getByRole('status').innerText()).trim()), 10_000, 'keyboard feedback');
    await wb.screenshot('keyboard-feedback');
    await view.locator('body').press('Enter');
    await wb.waitFor(async () => /Question 3 of 10/.test((await view.getByRole('progressbar').getAttribute('aria-valuetext')) ?? ''), 10_000, 'question 3');
  });

  it('resumes the session after a window reload', async () => {
    const view = await panel();
    const prompt = await view.getByRole('heading', { level: 2 }).innerText();
    await wb.reload();
    const restored = await panel();
    await restored.getByRole('heading', { level: 2 }).waitFor({ timeout: 30_000 });
    assert.equal(await restored.getByRole('heading', { level: 2 }).innerText(), prompt);
    assert.match((await restored.getByRole('progressbar').getAttribute('aria-valuetext')) ?? '', /Question 3 of 10/);
    await wb.screenshot('restored');
  });

  it('finishes the quiz and shows the score, the domains and the wrong answers', async () => {
    const view = await panel();
    for (let i = 3; i <= 10; i++) {
      await wb.waitFor(async () => ((await view.getByRole('progressbar').getAttribute('aria-valuetext')) ?? '') === `Question ${i} of 10`, 10_000, `question ${i}`);
      await answer(view, i % 2 ? 'keyboard' : 'mouse');
      await view.getByRole('button', { name: 'Check answer' }).click();
      await view.getByRole('status').filter({ hasText: /Correct|Incorrect/ }).waitFor();
      await view.getByRole('button', { name: i === 10 ? 'See results' : 'Next question' }).click();
    }
    // The question screens' h1 is the session's title; the results screen's is "Results: ...".
    const title = view.getByRole('heading', { level: 1, name: /^Results/ });
    await title.waitFor();
    assert.match(await view.getByRole('status').first().innerText(), /of 10 correct/);
    assert.ok((await view.getByRole('table', { name: 'Results by domain' }).locator('tbody tr').count()) >= 1);
    await wb.screenshot('results');
    if (await view.getByRole('button', { name: 'Retry wrong answers' }).count()) {
      await view.getByRole('button', { name: 'Retry wrong answers' }).click();
      await wb.waitFor(async () => /Retry wrong answers/.test(await view.locator('.quiz-header .title').innerText().catch(() => '')), 10_000, 'the retry session');
      await wb.screenshot('retry');
    }
  });

  it('runs an exam simulation: 65 questions, timer, navigator, flag, submit with a warning', async () => {
    await wb.runCommand('Cloud Coach: Start Quiz');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Exam simulation' }).first().click();
    const view = await panel();
    await wb.waitFor(async () => /of 65/.test((await view.getByRole('progressbar').getAttribute('aria-valuetext').catch(() => '')) ?? ''), 20_000, 'the exam');
    assert.match(await view.getByRole('timer').innerText(), /^\s*(89|90):\d\d/);
    // The clock is not a live region; a polite one speaks only at milestones (60 minutes left is the first).
    assert.equal(await view.getByRole('timer').getAttribute('aria-live'), null);
    assert.equal(await view.locator('#timer-announce').getAttribute('aria-live'), 'polite');
    await wb.page.waitForTimeout(2000);
    assert.equal(await view.locator('#timer-announce').innerText(), '', 'nothing announced while the clock ticks at 89 minutes');
    assert.equal(await view.getByRole('navigation', { name: 'Questions' }).getByRole('button').count(), 65);
    await answer(view, 'mouse');
    assert.equal(await view.locator('.question').getByRole('status').innerText(), '', 'no feedback during the exam');
    await view.locator('body').press('f');
    await wb.waitFor(async () => /Flagged/.test(await view.locator('.question .meta').innerText()), 5000, 'the flag');
    await view.locator('body').press('ArrowRight');
    await wb.waitFor(async () => /Question 2 of 65/.test((await view.getByRole('progressbar').getAttribute('aria-valuetext')) ?? ''), 5000, 'question 2');
    await answer(view, 'keyboard');
    await wb.screenshot('exam');
    await view.getByRole('navigation', { name: 'Questions' }).getByRole('button', { name: /^Question 65,/ }).click();
    await view.getByRole('button', { name: 'Submit exam' }).first().click();
    const dialog = view.getByRole('alertdialog');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /63 questions are unanswered/);
    await wb.screenshot('submit-warning');
    await dialog.getByRole('button', { name: 'Submit anyway' }).click();
    const status = view.getByRole('status').first();
    await wb.waitFor(async () => /Estimated exam score/.test(await status.innerText()), 10_000, 'the exam score');
    assert.match(await status.innerText(), /\d+ \/ 1,000/);
    assert.equal(await view.getByRole('table', { name: 'Results by domain' }).locator('tbody tr').count(), 4);
    await wb.screenshot('exam-results');
  });

  it('shows progress by domain and over time', async () => {
    await wb.runCommand('Cloud Coach: Show Progress');
    const view = await panel();
    await wb.waitFor(async () => /Your progress/.test(await view.getByRole('heading', { level: 1 }).innerText().catch(() => '')), 10_000, 'the progress view');
    assert.ok(await view.getByRole('table', { name: 'Accuracy over time' }).count());
    await wb.screenshot('progress');
  });
});
