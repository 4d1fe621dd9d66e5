/** The sidebar cheat sheet as a learner uses it: search, details, related links, comparisons, ports. */
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { screenshotOnFailure, Workbench, type THEMES } from './workbench';

describe('the cheat sheet', function () {
  let wb: Workbench;
  let view: Frame;

  before(async () => {
    wb = await Workbench.launch({ suite: 'cheat-sheet' });
    await wb.runCommand('Cloud Coach: Open Cheat Sheet');
    view = await wb.webview('Cloud Coach Cheat Sheet');
    await view.getByRole('tab', { name: 'Browse' }).waitFor();
  });
  after(async () => wb?.close());
  screenshotOnFailure(() => wb);
  // The search results, not the In this file / In this workspace lists above the tabs.
  const results = () => view.getByRole('list', { name: /results? for/ }).getByRole('listitem');

  const shoot = async (name: string, themes: (keyof typeof THEMES)[] = ['dark', 'light']) => {
    for (const theme of themes) {
      await wb.setTheme(theme);
      await wb.screenshot(`${name}-${theme}`);
    }
    await wb.setTheme('dark');
  };

  it('renders its first screen quickly and reports the time', async () => {
    await wb.waitFor(() => /first screen rendered in [\d.]+ ms/.test(wb.extensionLog()), 10_000, 'the render time');
    const [, ms, detail] = /first screen rendered in ([\d.]+) ms after the view opened \((.*)\)/.exec(wb.extensionLog()) ?? [];
    console.log(`      cheat sheet first render, first open in this window: ${ms} ms after the view opened (budget 300 ms): ${detail}`);
    assert.ok(Number(ms) > 0);
    await shoot('home');
  });

  it('finds "EBS" and opens Amazon Elastic Block Store', async () => {
    const search = view.getByRole('searchbox', { name: 'Search' });
    await search.fill('EBS');
    const first = results().first();
    await first.waitFor();
    assert.match(await first.innerText(), /Amazon Elastic Block Store/);
    await shoot('search-ebs');
    await results().filter({ hasText: 'Amazon Elastic Block Store' }).first().click();
    const title = view.getByRole('heading', { level: 1 });
    await title.waitFor();
    assert.match(await title.innerText(), /Amazon Elastic Block Store/);
    const notations = await view.getByRole('table', { name: 'Notations' }).innerText();
    assert.match(notations, /AWS::EC2::Volume/);
    assert.match(notations, /aws_ebs_volume/);
    await shoot('entry-ebs');
  });

  it('follows a related link to another entry', async () => {
    await view.getByRole('list', { name: 'Related' }).getByRole('link', { name: /Amazon Elastic File System/ }).click();
    await wb.waitFor(async () => /Elastic File System/.test(await view.getByRole('heading', { level: 1 }).innerText()), 10_000, 'the EFS entry');
    await shoot('related-efs', ['dark']);
  });

  it('keeps the open entry, the search text and the scroll position when the view is hidden and shown again', async () => {
    // Whichever element scrolls in this layout, scroll it down the entry as a reader would.
    const scrolled = async () => (await view.evaluate('Math.max(document.querySelector("main")?.scrollTop ?? 0, document.scrollingElement?.scrollTop ?? 0)')) as number;
    await view.locator('main').hover();
    await wb.page.mouse.wheel(0, 400);
    await wb.waitFor(async () => (await scrolled()) > 100, 5000, 'the entry to scroll');
    await wb.page.waitForTimeout(400); // the view saves its state on scroll, debounced
    const before = await scrolled();
    await wb.page.locator('.activitybar [aria-label^="Explorer"]').first().click();
    await wb.page.locator('.activitybar [aria-label^="Cloud Coach"]').first().click();
    view = await wb.webview('Cloud Coach Cheat Sheet');
    await wb.waitFor(async () => (await view.getByRole('heading', { level: 1 }).count()) > 0 && /Elastic File System/.test(await view.getByRole('heading', { level: 1 }).innerText()), 10_000, 'the restored entry');
    await wb.waitFor(async () => Math.abs((await scrolled()) - before) < 2, 5000, `the scroll position ${before}`);
    // Shown again, the view starts afresh (no retainContextWhenHidden): its render time once VS Code's webview host is warm.
    const renders = () => [...wb.extensionLog().matchAll(/first screen rendered in ([\d.]+) ms after the view opened \((.*)\)/g)];
    await wb.waitFor(() => renders().length >= 2, 10_000, 'the second render time');
    const [, ms, detail] = renders()[1];
    console.log(`      cheat sheet first render, shown again: ${ms} ms after the view opened (budget 300 ms): ${detail}`);
    assert.equal(await view.getByRole('searchbox', { name: 'Search' }).inputValue(), 'EBS');
  });

  it('opens a comparison table', async () => {
    await view.getByRole('button', { name: 'Back' }).click();
    const search = view.getByRole('searchbox', { name: 'Search' });
    await search.fill('');
    await view.getByRole('tab', { name: 'Compare' }).click();
    await view.getByRole('listitem').filter({ hasText: 'EBS vs EFS' }).first().click();
    const article = view.getByRole('article');
    await article.waitFor();
    const text = await article.innerText();
    assert.match(text, /Amazon EBS/);
    assert.match(text, /Amazon S3/);
    await shoot('comparison');
  });

  it('filters the ports table for 5432', async () => {
    await view.getByRole('button', { name: 'Back' }).click();
    await view.getByRole('tab', { name: 'Ports' }).click();
    await view.getByRole('searchbox', { name: 'Filter ports' }).fill('5432');
    const rows = view.getByRole('table', { name: 'Ports' }).locator('tbody tr');
    await wb.waitFor(async () => (await rows.count()) >= 1 && /PostgreSQL/.test(await rows.first().innerText()), 5000, 'the PostgreSQL row');
    assert.match(await rows.first().innerText(), /5432/);
    await shoot('ports-5432');
  });

  it('answers a notation search such as s3:GetObject with the right service', async () => {
    await view.getByRole('tab', { name: 'Browse' }).click();
    await view.getByRole('searchbox', { name: 'Search' }).fill('s3:GetObject');
    const first = results().first();
    await wb.waitFor(async () => /Amazon Simple Storage Service/.test(await first.innerText()), 5000, 'Amazon S3 first');
  });

  it('keeps the open entry across a window reload', async () => {
    await view.getByRole('searchbox', { name: 'Search' }).fill('Route 53');
    await results().filter({ hasText: 'Amazon Route 53' }).first().click();
    await wb.waitFor(async () => /Route 53/.test(await view.getByRole('heading', { level: 1 }).innerText().catch(() => '')), 10_000, 'Route 53');
    await wb.reload();
    // The sidebar comes back as it was; open it from the palette only if it did not.
    view = await wb.webview('Cloud Coach Cheat Sheet', 15_000).catch(async () => {
      await wb.runCommand('Cloud Coach: Open Cheat Sheet');
      return wb.webview('Cloud Coach Cheat Sheet', 30_000);
    });
    await wb.waitFor(async () => /Route 53/.test(await view.getByRole('heading', { level: 1 }).innerText().catch(() => '')), 20_000, 'Route 53 after the reload');
    await view.getByRole('button', { name: 'Back' }).click();
  });

  it('reads well in the high-contrast theme', async () => {
    await view.getByRole('searchbox', { name: 'Search' }).fill('');
    await view.getByRole('tab', { name: 'Ports' }).click();
    await shoot('ports-high-contrast', ['highContrast']);
  });

  it('moves through results with the arrow keys and opens one with Enter', async () => {
    const search = view.getByRole('searchbox', { name: 'Search' });
    await search.fill('load balancer');
    await results().first().waitFor();
    await search.press('ArrowDown');
    await view.locator(':focus').press('ArrowDown');
    const focused = await view.locator(':focus').innerText();
    await view.locator(':focus').press('Enter');
    const title = view.getByRole('heading', { level: 1 });
    await title.waitFor();
    assert.ok(focused.startsWith((await title.innerText()).split(' (')[0]), `${focused} vs ${await title.innerText()}`);
    await shoot('keyboard', ['dark']);
  });
});
