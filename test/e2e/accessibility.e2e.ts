/**
 * Accessibility as users of assistive technology meet it: every webview screen audited with axe-core in the
 * dark, light and high-contrast themes (0 serious or critical violations), and both webviews used with the
 * keyboard alone.
 */
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { activeElement, audit, blocking, summarize, tabTo, unreachableByTab, type AuditResult } from './a11y';
import { screenshotOnFailure, Workbench, type THEMES } from './workbench';

type Theme = keyof typeof THEMES;
const ALL_THEMES: Theme[] = ['dark', 'light', 'highContrast'];

/** A date well ahead, so the progress screen shows the readiness estimate. */
const EXAM_DATE = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('accessibility: an axe-core audit of every screen, in three themes', function () {
  let wb: Workbench;
  const results: AuditResult[] = [];
  let theme: Theme = 'dark';

  before(async () => {
    wb = await Workbench.launch({ suite: 'accessibility', settings: { 'cloudCoach.exam.date': EXAM_DATE } });
  });
  after(async () => {
    await wb?.close();
    const serious = results.filter((r) => blocking(r).length);
    console.log(`      axe: ${results.length} audits, ${results.reduce((n, r) => n + r.violations.length, 0)} violations in all, ${serious.length} with serious or critical ones`);
  });
  screenshotOnFailure(() => wb);

  /** Audits the screen in every theme (starting with the current one, to switch less) and prints the counts. */
  const auditScreen = async (view: string, frame: () => Promise<Frame>) => {
    const order = [theme, ...ALL_THEMES.filter((t) => t !== theme)];
    const found: AuditResult[] = [];
    for (const t of order) {
      await wb.setTheme(t);
      theme = t;
      const r = await audit(await frame(), view, t);
      console.log(`      ${summarize(r)}`);
      found.push(r);
      results.push(r);
      if (blocking(r).length) await wb.screenshot(`axe-${view.replace(/\W+/g, '-')}-${t}`);
    }
    const bad = found.flatMap((r) => blocking(r).map((v) => `${r.theme}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(' | ')}`));
    assert.deepEqual(bad, [], `serious or critical violations on ${view}`);
  };

  const cheatSheet = () => wb.webview('Cloud Coach Cheat Sheet');
  const quiz = () => wb.webview('Cloud Coach Quiz');
  const progress = () => wb.webview('Cloud Coach Quiz');

  it('cheat sheet: home, an entry, a comparison and the ports table', async () => {
    await wb.openFile('cloudformation/web-stack.yaml').catch(() => undefined);
    await wb.runCommand('Cloud Coach: Open Cheat Sheet');
    const view = await cheatSheet();
    await view.getByRole('tab', { name: 'Browse' }).waitFor();
    await view.getByText(/files scanned/).waitFor({ timeout: 30_000 });
    await auditScreen('cheat-sheet home', cheatSheet);

    await view.getByRole('searchbox', { name: 'Search' }).fill('EBS');
    await view.getByRole('list', { name: /results? for/ }).getByRole('listitem').filter({ hasText: 'Amazon Elastic Block Store' }).first().click();
    await view.getByRole('heading', { level: 1, name: /Elastic Block Store/ }).waitFor();
    await auditScreen('cheat-sheet entry', cheatSheet);

    await view.getByRole('button', { name: 'Back' }).click();
    await view.getByRole('searchbox', { name: 'Search' }).fill('');
    await view.getByRole('tab', { name: 'Compare' }).click();
    await view.getByRole('listitem').filter({ hasText: 'EBS vs EFS' }).first().click();
    await view.getByRole('article').waitFor();
    await auditScreen('cheat-sheet comparison', cheatSheet);

    await view.getByRole('button', { name: 'Back' }).click();
    await view.getByRole('tab', { name: 'Ports' }).click();
    await view.getByRole('table', { name: 'Ports' }).waitFor();
    await auditScreen('cheat-sheet ports table', cheatSheet);
  });

  it('quiz: a question, its feedback and the results', async () => {
    await wb.runCommand('Cloud Coach: Start Quiz');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Quick practice' }).first().click();
    const view = await quiz();
    await view.getByRole('heading', { level: 2 }).waitFor();
    await auditScreen('quiz question', quiz);
    for (let i = 1; i <= 10; i++) {
      await wb.waitFor(async () => ((await view.getByRole('progressbar').getAttribute('aria-valuetext')) ?? '') === `Question ${i} of 10`, 10_000, `question ${i}`);
      await view.locator('.option').first().click();
      await view.getByRole('button', { name: 'Check answer' }).click();
      await view.getByRole('status').filter({ hasText: /Correct|Incorrect/ }).waitFor();
      if (i === 1) await auditScreen('quiz feedback', quiz);
      await view.getByRole('button', { name: i === 10 ? 'See results' : 'Next question' }).click();
    }
    await view.getByRole('heading', { level: 1, name: /Results/ }).waitFor();
    await auditScreen('quiz results', quiz);
  });

  it('exam simulation: the question with its timer and navigator, and the submit dialog', async () => {
    await wb.runCommand('Cloud Coach: Start Quiz');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Exam simulation' }).first().click();
    const view = await quiz();
    await view.getByRole('navigation', { name: 'Questions' }).waitFor();
    await view.locator('.option').first().click();
    await auditScreen('exam navigator', quiz);
    await view.getByRole('button', { name: 'Submit exam' }).first().click();
    await view.getByRole('alertdialog').waitFor();
    await auditScreen('exam submit dialog', quiz);
    await view.getByRole('button', { name: 'Keep working' }).click();
  });

  it('progress, with the readiness estimate for an exam date', async () => {
    await wb.runCommand('Cloud Coach: Show Progress');
    const view = await progress();
    await wb.waitFor(async () => /Your progress/.test(await view.getByRole('heading', { level: 1 }).innerText().catch(() => '')), 10_000, 'the progress view');
    await view.getByRole('heading', { name: 'Exam readiness (an estimate)' }).waitFor();
    assert.match(await view.locator('.big').last().innerText(), /\d+ days? to your exam on/);
    assert.equal(await view.getByRole('table', { name: 'Estimated readiness by domain' }).locator('tbody tr').count(), 4);
    await wb.screenshot('progress-readiness');
    await auditScreen('progress', progress);
  });
});

describe('accessibility: the keyboard alone', function () {
  let wb: Workbench;

  before(async () => {
    wb = await Workbench.launch({ suite: 'keyboard' });
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);

  const press = (key: string) => wb.page.keyboard.press(key);
  /** F1, the command typed, then the quiz typed into its picker and chosen with Enter: no mouse. */
  const startQuizByKeyboard = async (mode: 'Quick practice' | 'Exam simulation') => {
    await wb.dismiss();
    await press('F1');
    await wb.page.keyboard.type('>Cloud Coach: Start Quiz');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Cloud Coach: Start Quiz' }).first().waitFor();
    await press('Enter');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: mode }).first().waitFor();
    await wb.page.keyboard.type(mode);
    await press('Enter');
  };

  it('reaches every control of the cheat sheet with Tab', async () => {
    await wb.openFile('cloudformation/web-stack.yaml').catch(() => undefined);
    await wb.runCommand('Cloud Coach: Open Cheat Sheet');
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await view.getByRole('tab', { name: 'Browse' }).waitFor();
    // Once the workspace scan has reported (until then the lists above the tabs are still growing).
    await view.getByText(/files scanned/).waitFor({ timeout: 30_000 });
    const walk = await unreachableByTab(wb.page, view);
    console.log(`      cheat sheet home: ${walk.reached} of ${walk.total} tab stops reached with Tab`);
    assert.deepEqual(walk.missed, []);
  });

  it('searches, opens an entry, follows a related link and goes back, without the mouse', async () => {
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await view.getByRole('searchbox', { name: 'Search' }).focus();
    await wb.page.keyboard.type('EBS');
    await view.getByRole('list', { name: /results? for/ }).getByRole('listitem').first().waitFor();
    await press('ArrowDown');
    await press('Enter');
    await wb.waitFor(async () => /Elastic Block Store/.test(await view.getByRole('heading', { level: 1 }).innerText().catch(() => '')), 10_000, 'the EBS entry');
    const entryWalk = await unreachableByTab(wb.page, view);
    assert.deepEqual(entryWalk.missed, [], 'every control of the entry');
    await view.getByRole('searchbox', { name: 'Search' }).focus();
    await tabTo(wb.page, view, /Amazon Elastic File System/);
    await press('Enter');
    await wb.waitFor(async () => /Elastic File System/.test(await view.getByRole('heading', { level: 1 }).innerText().catch(() => '')), 10_000, 'the EFS entry');
    await view.getByRole('searchbox', { name: 'Search' }).focus();
    await tabTo(wb.page, view, /^Back$/);
    await press('Enter');
    await view.getByRole('list', { name: /results? for/ }).waitFor();
  });

  it('moves between the tabs with the arrow keys and filters the ports table', async () => {
    const view = await wb.webview('Cloud Coach Cheat Sheet');
    await view.getByRole('searchbox', { name: 'Search' }).focus();
    await press('Control+A');
    await press('Backspace');
    await view.getByRole('tab', { name: 'Browse' }).waitFor();
    await tabTo(wb.page, view, /^Browse$/);
    await press('ArrowRight');
    await press('ArrowRight');
    await press('ArrowRight');
    assert.equal((await activeElement(view))?.name, 'Ports');
    await press('Enter');
    await wb.waitFor(async () => (await view.getByRole('tab', { name: 'Ports' }).getAttribute('aria-selected')) === 'true', 5000, 'the Ports tab');
    await tabTo(wb.page, view, /^Filter ports$/);
    await wb.page.keyboard.type('5432');
    const rows = view.getByRole('table', { name: 'Ports' }).locator('tbody tr');
    await wb.waitFor(async () => /PostgreSQL/.test(await rows.first().innerText().catch(() => '')), 5000, 'the PostgreSQL row');
  });

  it('starts a quick practice from the palette, answers, checks and moves on with the keyboard', async () => {
    await startQuizByKeyboard('Quick practice');
    const view = await wb.webview('Cloud Coach Quiz');
    await view.getByRole('heading', { level: 2 }).waitFor();
    await wb.waitFor(async () => (await activeElement(view))?.id === 'prompt', 10_000, 'focus on the question');
    const walk = await unreachableByTab(wb.page, view);
    assert.deepEqual(walk.missed, [], 'every control of the question');
    // Tab to the first option, choose it with Space, Tab on to Check answer, then Enter.
    await view.locator('#prompt').focus();
    await press('Tab');
    const option = await activeElement(view);
    assert.equal(option?.tag, 'input', `an option has focus, not ${JSON.stringify(option)}`);
    await press('Space');
    await tabTo(wb.page, view, /^Check answer$/);
    await press('Enter');
    await view.getByRole('status').filter({ hasText: /Correct|Incorrect/ }).waitFor();
    assert.match((await activeElement(view))?.name ?? '', /Next question/, 'focus on Next after checking');
    const feedbackWalk = await unreachableByTab(wb.page, view);
    assert.deepEqual(feedbackWalk.missed, [], 'every control of the feedback');
    await tabTo(wb.page, view, /Next question/);
    await press('Enter');
    await wb.waitFor(async () => /Question 2 of 10/.test((await view.getByRole('progressbar').getAttribute('aria-valuetext')) ?? ''), 10_000, 'question 2');
    await wb.waitFor(async () => (await activeElement(view))?.id === 'prompt', 5000, 'focus on the new question');
  });

  it('runs the exam with the keyboard: navigator, flag, and the submit dialog that keeps focus inside', async () => {
    await startQuizByKeyboard('Exam simulation');
    const view = await wb.webview('Cloud Coach Quiz');
    await view.getByRole('navigation', { name: 'Questions' }).waitFor();
    await wb.waitFor(async () => (await activeElement(view))?.id === 'prompt', 10_000, 'focus on the question');
    const walk = await unreachableByTab(wb.page, view);
    console.log(`      exam question: ${walk.reached} of ${walk.total} tab stops reached with Tab`);
    assert.deepEqual(walk.missed, []);
    await view.locator('#prompt').focus();
    await tabTo(wb.page, view, /^Flag for review$/);
    await press('Enter');
    await wb.waitFor(async () => /Flagged/.test(await view.locator('.question .meta').innerText()), 5000, 'the flag');
    await view.locator('#prompt').focus();
    await tabTo(wb.page, view, /^Question 3,/);
    await press('Enter');
    await wb.waitFor(async () => /Question 3 of 65/.test((await view.getByRole('progressbar').getAttribute('aria-valuetext')) ?? ''), 5000, 'question 3');
    await view.locator('#prompt').focus();
    await tabTo(wb.page, view, /^Submit exam$/);
    await press('Enter');
    await view.getByRole('alertdialog').waitFor();
    assert.equal((await activeElement(view))?.id, 'keep-working');
    for (let i = 0; i < 5; i++) {
      await press('Tab');
      const inside = await view.evaluate('!!document.activeElement?.closest("[role=alertdialog]")');
      assert.ok(inside, `focus stays in the dialog after ${i + 1} presses of Tab`);
    }
    await press('Escape');
    await wb.waitFor(async () => (await view.getByRole('alertdialog').count()) === 0, 5000, 'the dialog to close');
    await tabTo(wb.page, view, /^Submit exam$/);
    await press('Enter');
    await view.getByRole('alertdialog').waitFor();
    await tabTo(wb.page, view, /^Submit anyway$/);
    await press('Enter');
    await wb.waitFor(async () => /Estimated exam score/.test(await view.getByRole('status').first().innerText().catch(() => '')), 10_000, 'the exam score');
    await wb.waitFor(async () => (await activeElement(view))?.id === 'results-title', 5000, 'focus on the results');
    const resultsWalk = await unreachableByTab(wb.page, view);
    assert.deepEqual(resultsWalk.missed, [], 'every control of the results');
    await wb.screenshot('keyboard-exam-results');
  });
});
