/**
 * Accessibility checks run inside a webview, as a screen-reader or keyboard user meets it:
 * an axe-core audit of the page as rendered (colours of the current theme included), and a walk with Tab.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface AuditResult {
  view: string;
  theme: string;
  violations: Violation[];
}

/** Counts by impact, for the e2e output. */
export function summarize(r: AuditResult): string {
  const count = (impact: string) => r.violations.filter((v) => v.impact === impact).length;
  const ids = r.violations.map((v) => `${v.id} (${v.impact})`).join(', ');
  return `axe: ${r.view} (${r.theme}): critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}${ids ? ` — ${ids}` : ''}`;
}

export function blocking(r: AuditResult): Violation[] {
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Runs axe-core in the webview's page. The page's CSP allows no script but its own; the DevTools protocol
 * evaluates outside it, so the audit runs unchanged in the real page.
 */
export async function audit(frame: Frame, view: string, theme: string): Promise<AuditResult> {
  if (!(await frame.evaluate('typeof window.axe === "object"'))) await frame.evaluate(AXE_SOURCE);
  const violations = (await frame.evaluate(`window.axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact || 'minor', help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  })))`)) as Violation[];
  return { view, theme, violations };
}

/** What a keyboard user can reach in the page: every enabled, visible control not taken out of the tab order. */
const MARK_CONTROLS = `(() => {
  const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[inert], [aria-hidden="true"]');
  const selector = 'a[href], button, input, select, textarea, [tabindex]';
  const all = Array.from(document.querySelectorAll(selector)).filter((e) => !e.disabled && e.getAttribute('tabindex') !== '-1' && visible(e));
  const stops = [];
  const groups = new Set();
  all.forEach((e, i) => {
    // Radio buttons of one group are one stop (arrow keys move within it).
    const key = e.type === 'radio' && e.name ? 'radio:' + e.name : 'control:' + i;
    e.dataset.tabStop = key;
    if (!groups.has(key)) { groups.add(key); stops.push({ key, name: (e.getAttribute('aria-label') || e.textContent || e.outerHTML).trim().slice(0, 60) }); }
  });
  return stops;
})()`;

const ACTIVE = `(() => {
  const a = document.activeElement;
  if (!a || a === document.body || !document.hasFocus()) return null;
  return { stop: a.dataset.tabStop || null, name: (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 60), tag: a.tagName.toLowerCase(), id: a.id };
})()`;

export interface Focused {
  stop: string | null;
  name: string;
  tag: string;
  id: string;
}

export function activeElement(frame: Frame): Promise<Focused | null> {
  return frame.evaluate(ACTIVE) as Promise<Focused | null>;
}

/**
 * Presses Tab from the page's first control until focus leaves the page or comes back round, and returns
 * the controls it never reached (by name). Starts with `focus()` on the first control: how focus enters a
 * webview from the workbench is VS Code's part.
 */
export async function unreachableByTab(page: Page, frame: Frame, maxPresses = 400): Promise<{ reached: number; total: number; missed: string[] }> {
  const stops = (await frame.evaluate(MARK_CONTROLS)) as { key: string; name: string }[];
  if (!stops.length) return { reached: 0, total: 0, missed: [] };
  const first = stops[0].key;
  await frame.evaluate(`document.querySelector('[data-tab-stop="${first}"]').focus()`);
  const reached = new Set<string>([first]);
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const now = await activeElement(frame);
    if (!now || now.stop === first) break;
    if (now.stop) reached.add(now.stop);
  }
  const names = stops.filter((s) => !reached.has(s.key)).map((s) => s.name);
  return { reached: reached.size, total: stops.length, missed: names };
}

/** Presses Tab until the focused control's name matches, as a keyboard user looks for a control. */
export async function tabTo(page: Page, frame: Frame, name: RegExp, maxPresses = 200): Promise<Focused> {
  for (let i = 0; i < maxPresses; i++) {
    const now = await activeElement(frame);
    if (now && name.test(now.name)) return now;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no control named ${name} within ${maxPresses} presses of Tab`);
}
