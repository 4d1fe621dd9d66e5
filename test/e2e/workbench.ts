/**
 * Drives the built extension in a real VS Code: code-server in Debian's Chromium through playwright-core.
 * One Workbench is one code-server, one browser and one window on a copy of the samples workspace.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { webOnlyCopy } from './webExtension';

// scripts/codeServer.mjs is plain ESM shared with `npm start`.
type CodeServer = {
  url: string;
  userData: string;
  folderUrl: string;
  stop(): Promise<void>;
  output(): string;
};
type CodeServerModule = {
  ensureCodeServer(log?: (s: string) => void): void;
  startCodeServer(options: { workspace: string; settings?: Record<string, unknown>; extensionPath?: string; workspaceTrust?: boolean }): Promise<CodeServer>;
};

export const root = resolve(__dirname, '..', '..');
export const resultsDir = join(root, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Finds the screen point of character `offset` of the first visible editor line containing `needle`. */
const POINT_OF_TEXT = `function (needle, offset) {
  const norm = (s) => s.replace(/\\u00a0/g, ' ');
  for (const line of Array.from(document.querySelectorAll('.monaco-editor .view-line'))) {
    const text = norm(line.textContent || '');
    const at = text.indexOf(needle);
    if (at < 0) continue;
    let target = at + offset;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (target < node.length) {
        const range = document.createRange();
        range.setStart(node, target);
        range.setEnd(node, target + 1);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      target -= node.length;
    }
  }
  return null;
}`;

/** Theme ids as the color theme setting takes them. */
export const THEMES = { dark: 'Dark Modern', light: 'Light Modern', highContrast: 'Default High Contrast' } as const;
/** The same themes as the theme picker names them. */
const THEME_LABELS: Record<keyof typeof THEMES, string> = { dark: 'Dark Modern', light: 'Light Modern', highContrast: 'Dark High Contrast' };

export interface LaunchOptions {
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Files to add to (or replace in) the workspace copy, relative path to content. */
  files?: Record<string, string>;
  suite: string;
  /** Open this `.code-workspace` file (relative to the workspace copy) instead of the folder: a multi-root workspace. */
  workspaceFile?: string;
  /** Ask whether to trust the folder, as VS Code does for a newly cloned repository; the suite answers. */
  workspaceTrust?: boolean;
  /** Workspace settings to start with (.vscode/settings.json). */
  workspaceSettings?: Record<string, unknown>;
  /** Run the extension in the browser's web worker extension host (a copy with only the `browser` entry). */
  web?: boolean;
}

export class Workbench {
  private shotIndex = 0;
  /** What the tests wrote to the workspace settings. */
  private workspaceSettings: Record<string, unknown> = {};

  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: CodeServer,
    readonly workspace: string,
    readonly suite: string,
    /** The extension runs in the browser's web worker extension host: its log is read in the Output view. */
    readonly web = false,
  ) {}

  static async launch(options: LaunchOptions): Promise<Workbench> {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    const cs = (await import(join(root, 'scripts', 'codeServer.mjs'))) as CodeServerModule;
    cs.ensureCodeServer((s) => process.stderr.write(`${s}\n`));
    const workspace = mkdtempSync(join(tmpdir(), 'cloud-coach-ws-'));
    cpSync(join(root, 'samples'), workspace, { recursive: true });
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), `${JSON.stringify(options.workspaceSettings ?? {}, null, 2)}\n`);
    for (const [file, text] of Object.entries(options.files ?? {})) {
      mkdirSync(join(workspace, file, '..'), { recursive: true });
      writeFileSync(join(workspace, file), text);
    }
    const server = await cs.startCodeServer({
      workspace,
      workspaceTrust: options.workspaceTrust,
      extensionPath: options.web ? webOnlyCopy(root) : undefined,
      settings: {
        
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'editor.hover.delay': 200,
        'editor.minimap.enabled': false,
        // Sticky headers would cover the line a test looks for near the top of the editor.
        'editor.stickyScroll.enabled': false,
        'files.autoSave': 'off',
        'git.enabled': false,
        // Settings and similar editors open as tabs, not in a modal layer the keyboard cannot leave.
        'workbench.editor.useModal': 'off',
        // The walkthrough opens on a first run; its own suite turns this back on.
        'cloudCoach.walkthrough.openOnFirstRun': false,
        ...options.settings,
      },
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const wb = new Workbench(page, browser, server, workspace, options.suite, options.web);
    wb.workspaceSettings = { ...options.workspaceSettings };
    await page.goto(options.workspaceFile ? `${server.url}?workspace=${encodeURIComponent(join(workspace, options.workspaceFile))}` : server.folderUrl);
    if (options.workspaceTrust) return wb;
    await wb.waitForWorkbench();
    return wb;
  }

  /** Hides the bottom panel (Output, Problems), as "View: Hide Panel" does. */
  async hidePanel(): Promise<void> {
    if (await this.page.locator('.part.panel:visible').count()) await this.page.keyboard.press('Control+J');
    await this.page.locator('.part.panel').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  }

  /** The text an output channel shows (Output view), e.g. "Cloud Coach" or "Extension Host (Worker)". */
  async outputChannel(name: string): Promise<string> {
    await this.runCommand('Output: Show Output Channels...');
    const row = this.page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) }) }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
    const lines = this.page.locator('.part.panel .monaco-editor .view-lines');
    await lines.first().waitFor({ timeout: 10_000 });
    await this.page.waitForTimeout(500);
    // The view wraps long lines: join each wrapped piece back to its line (a line starts with its time).
    return (await lines.first().innerText()).replace(/\u00a0/g, ' ').replace(/\n(?!\d{4}-\d{2}-\d{2} )/g, '');
  }

  async waitForWorkbench(): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    if (this.web) {
      // The web worker's logs stay in the browser: read the extension's channel in the Output view.
      await this.waitFor(async () => /Knowledge base loaded/.test(await this.outputChannel('Cloud Coach').catch(() => '')), 60_000, 'the extension to activate in the web worker');
      await this.hidePanel();
      return;
    }
    // Activation happens on startup-finished; wait until our log says so.
    await this.waitFor(() => this.extensionLog().includes('Knowledge base loaded'), 60_000, 'the extension to activate and load its knowledge base');
  }

  /** Developer: Reload Window, as a user reloads: the workbench saves its state and starts again. */
  async reload(): Promise<void> {
    const sessions = this.extensionLogs().length;
    const loaded = this.page.waitForEvent('load', { timeout: 60_000 });
    await this.runCommand('Developer: Reload Window');
    await loaded;
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await this.waitFor(() => this.extensionLogs().length > sessions && /Knowledge base loaded/.test(this.extensionLog()), 60_000, 'the extension to activate after the reload');
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    rmSync(this.workspace, { recursive: true, force: true });
  }

  /** The extension's own log of the newest window session. */
  extensionLog(): string {
    return this.extensionLogs().at(-1) ?? '';
  }

  extensionLogs(): string[] {
    const logs = join(this.server.userData, 'logs');
    if (!existsSync(logs)) return [];
    const found: string[] = [];
    for (const session of readdirSync(logs).sort()) {
      const dir = join(logs, session);
      for (const host of existsSync(dir) ? readdirSync(dir).filter((d) => d.startsWith('exthost')).sort() : []) {
        const file = join(dir, host, 'cloudcoach.cloud-coach', 'Cloud Coach.log');
        if (existsSync(file)) found.push(readFileSync(file, 'utf8'));
      }
    }
    return found;
  }

  /** Everything code-server's extension host logged, for activation errors. */
  extensionHostLog(): string {
    const logs = join(this.server.userData, 'logs');
    let text = '';
    for (const session of existsSync(logs) ? readdirSync(logs) : []) {
      const dir = join(logs, session);
      for (const host of readdirSync(dir).filter((d) => d.startsWith('exthost'))) {
        const file = join(dir, host, 'remoteexthost.log');
        if (existsSync(file)) text += readFileSync(file, 'utf8');
      }
    }
    return text;
  }

  async waitFor(check: () => boolean | Promise<boolean>, timeout: number, what: string): Promise<void> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      if (await check()) return;
      await this.page.waitForTimeout(200);
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async screenshot(name: string): Promise<string> {
    const dir = join(resultsDir, this.suite);
    // A suite's first screenshot clears what an earlier run left, so the folder shows this run only.
    if (this.shotIndex === 0) rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${String(++this.shotIndex).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Changes settings as a user does: in the workspace settings (JSON) editor, then File: Save. Saving
   * through the editor reaches VS Code's configuration directly, with no file watcher in between.
   */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.workspaceSettings = { ...this.workspaceSettings, ...settings };
    await this.runCommand('Preferences: Open Workspace Settings (JSON)');
    const editor = this.page.locator('.monaco-editor .view-line', { hasText: /[{}]/ }).first();
    await editor.waitFor({ timeout: 15_000 });
    await editor.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    // One line: the editor would re-indent every typed newline.
    await this.page.keyboard.insertText(JSON.stringify(this.workspaceSettings));
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    await this.runCommand('View: Close Editor', { keepSelection: true });
    await this.page.waitForTimeout(1000);
  }

  /** Picks a color theme as a user does (Preferences: Color Theme), leaving the views as they are. */
  async setTheme(theme: keyof typeof THEMES): Promise<void> {
    const kind = theme === 'light' ? 'vs' : theme === 'dark' ? 'vs-dark' : 'hc-black';
    if (await this.page.locator(`.monaco-workbench.${kind}`).count()) return;
    // No Escape first: it would reach whatever has focus (a webview's search box clears on Escape).
    await this.runCommand('Preferences: Color Theme', { keepSelection: true });
    const label = THEME_LABELS[theme];
    const input = this.page.locator('.quick-input-widget:visible input');
    await this.page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row').first().waitFor();
    await input.fill(label);
    const row = this.page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
    await this.page.locator(`.monaco-workbench.${kind}`).waitFor({ timeout: 15_000 });
    await this.page.waitForTimeout(500);
  }

  /**
   * Gives the keyboard back to the workbench (a webview or a widget may hold it): clicks the active tab,
   * which keeps the editor's selection, or the editor area when no editor is open.
   */
  async focusWorkbench(): Promise<void> {
    const tab = this.page.locator('.tab.active .tab-label').first();
    if (await tab.count()) await tab.click();
    else await this.page.locator('.part.editor').first().click({ position: { x: 50, y: 50 } });
  }

  /** Opens the quick input with `key`, retrying once from a focused workbench if it does not appear. */
  private async openQuickInput(key: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget:visible input');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press(key);
      try {
        await input.waitFor({ state: 'visible', timeout: attempt === 1 ? 3000 : 10_000 });
        return;
      } catch (e) {
        if (attempt > 1) throw e;
        await this.focusWorkbench();
      }
    }
  }

  /** Runs a command from the palette by its exact title, as a user does. */
  async runCommand(title: string, options: { keepSelection?: boolean } = {}): Promise<void> {
    // Escape would also clear the editor's selection, which some commands read.
    if (!options.keepSelection) await this.dismiss();
    await this.openQuickInput('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget:visible input');
    await input.fill(`>${title}`);
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = this.page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exact }) }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 });
    await row.click();
  }

  /** The palette's entries matching `text`, as shown. */
  async paletteEntries(text: string): Promise<string[]> {
    await this.dismiss();
    await this.openQuickInput('F1');
    const input = this.page.locator('.quick-input-widget:visible input');
    await input.fill(`>${text}`);
    await this.page.waitForTimeout(800);
    return this.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
  }

  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  /** Opens a workspace file through Quick Open (retrying once if the list was still settling). */
  async openFile(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop() ?? relativePath;
    for (let attempt = 1; ; attempt++) {
      await this.dismiss();
      await this.openQuickInput('Control+P');
      const input = this.page.locator('.quick-input-widget:visible input');
      await input.fill(relativePath);
      await this.page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'attached', timeout: 15_000 });
      // Results settle as the file search completes; the best match is then the first row.
      await this.page.waitForTimeout(500);
      await this.page.keyboard.press('Enter');
      try {
        await this.page.locator('.tab.active', { hasText: name }).waitFor({ timeout: attempt === 1 ? 5000 : 15_000 });
        break;
      } catch (e) {
        if (attempt === 1) continue;
        await this.screenshot(`open-failed-${name}`);
        throw e;
      }
    }
    await this.page.locator('.monaco-editor .view-lines').first().waitFor();
  }

  /** Moves the cursor to the first match of `needle` (Find), so Monaco renders its line. */
  async reveal(needle: string): Promise<void> {
    await this.page.locator('.monaco-editor .view-lines').first().click();
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.find-widget textarea, .find-widget input').first();
    await find.waitFor({ state: 'visible' });
    await find.fill(needle);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
  }

  /** Hovers character `offset` of the first visible `needle` and returns the hover's text ('' for none). */
  async hover(needle: string, offset = Math.floor(needle.length / 2)): Promise<string> {
    await this.page.mouse.move(5, 5);
    await this.reveal(needle);
    // A string, not a function: the test runner's transpiler would add helpers the page does not have.
    let point: { x: number; y: number } | null = null;
    // The editor re-renders its lines after scrolling to the match: look again briefly if needed.
    for (let i = 0; i < 10 && !point; i++) {
      if (i) await this.page.waitForTimeout(200);
      point = (await this.page.evaluate(`(${POINT_OF_TEXT})(${JSON.stringify(needle)}, ${offset})`)) as { x: number; y: number } | null;
    }
    if (!point) {
      await this.screenshot('hover-target-not-visible');
      throw new Error(`"${needle}" is not visible in the editor`);
    }
    // Approach the character as a hand would: Monaco shows a hover after the mouse rests on it.
    await this.page.mouse.move(point.x - 20, point.y + 2);
    await this.page.mouse.move(point.x, point.y, { steps: 4 });
    const hover = this.page.locator('.monaco-hover:visible .monaco-hover-content').filter({ hasText: /\S/ });
    try {
      await hover.first().waitFor({ state: 'visible', timeout: 2500 });
    } catch {
      // One more rest on the spot, for a slow first hover.
      await this.page.mouse.move(point.x + 1, point.y, { steps: 2 });
      try {
        await hover.first().waitFor({ state: 'visible', timeout: 2500 });
      } catch {
        return '';
      }
    }
    await this.page.waitForTimeout(200);
    return (await hover.allInnerTexts()).join('\n');
  }

  /** Runs "Cloud Coach: Look Up Cloud Concept", types `query`, and returns the result rows. */
  async lookUp(query: string): Promise<Locator> {
    await this.runCommand('Cloud Coach: Look Up Cloud Concept');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(query);
    return this.page.locator('.quick-input-list .monaco-list-row');
  }

  /** Shows Cloud Coach's walkthrough: its Welcome tab if still open, else Help: Welcome and the walkthrough's card. */
  async openWalkthrough(): Promise<Locator> {
    const page = this.page.locator('.gettingStartedContainer');
    const tab = this.page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first();
    if (await tab.count()) await tab.click();
    else {
      await this.runCommand('Help: Welcome');
      const card = page.locator('button', { hasText: 'Get started with Cloud Coach' }).first();
      await page.locator('h2', { hasText: 'Walkthroughs' }).first().waitFor();
      if (await card.isVisible()) await card.click();
      else {
        // More... lists every walkthrough in a quick pick.
        await page.getByText(/^More/).first().click();
        await this.page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row', { hasText: 'Get started with Cloud Coach' }).first().click();
      }
    }
    await page.locator('h2', { hasText: 'Get started with Cloud Coach' }).first().waitFor();
    return page;
  }

  /** Starts a quick practice from the palette, answers the first question and checks it; returns the quiz's frame. */
  async answerOneQuickPractice(): Promise<Frame> {
    await this.runCommand('Cloud Coach: Start Quiz');
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Quick practice' }).first().click();
    const view = await this.webview('Cloud Coach Quiz');
    await view.getByRole('heading', { level: 2 }).waitFor();
    const multiple = (await view.getByRole('checkbox').count()) > 0;
    for (let i = 0; i < (multiple ? 2 : 1); i++) await view.locator('.option').nth(i).click();
    await view.getByRole('button', { name: 'Check answer' }).click();
    await view.getByRole('status').filter({ hasText: /Correct|Incorrect/ }).first().waitFor();
    return view;
  }

  /** The frame of the webview whose document title is `title` (webviews are nested iframes). */
  async webview(title: string, timeout = 20_000): Promise<Frame> {
    let found: Frame | undefined;
    await this.waitFor(
      async () => {
        for (const frame of this.page.frames()) {
          try {
            if ((await frame.title()) === title && (await frame.locator('body').count())) {
              found = frame;
              return true;
            }
          } catch {
            // frame navigating away
          }
        }
        return false;
      },
      timeout,
      `the webview "${title}"`,
    );
    return found as Frame;
  }
}

/** Registers an afterEach hook that keeps a screenshot of every failed test in test-results/. */
export function screenshotOnFailure(get: () => Workbench | undefined): void {
  afterEach(async function () {
    const wb = get();
    if (wb && this.currentTest?.state === 'failed') {
      await wb.screenshot(`FAILED-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => undefined);
    }
  });
}
