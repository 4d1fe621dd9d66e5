/**
 * Localization: no user-facing text in the adapters (src/ without core/ and compiler/) or the webviews
 * (media/) bypasses `vscode.l10n.t` / `t()`, the webviews use only the messages the extension translates
 * for them, the manifest's text is all in package.nls.json, and l10n/bundle.l10n.json is current.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { bundleText, BUNDLE, calls, isHostTranslation, isWebviewTranslation, messageLiterals, parseSource, root, adapterSources, webviewSources, type Source } from '../../scripts/l10n';
import { formatMessage, WEBVIEW_STRINGS, webviewStringTable } from '../../src/core/protocol/strings';

type Side = 'host' | 'webview';

interface Finding {
  file: string;
  line: number;
  text: string;
  /** An argument of a log call (`log.info(...)`, `console.warn(...)`). */
  inLog: boolean;
}

/**
 * What may stay English, each with its reason. Kept short: anything else the detector reports is a bug.
 */
const ALLOWED: { reason: string; allows: (f: Finding) => boolean }[] = [
  {
    // The one decision about the output channel: its lines are developer diagnostics (timings, counts,
    // what a scan skipped), which the e2e suite parses and a bug report quotes, so they stay English.
    // Text the learner is meant to read there as well (the Restricted Mode notice) is translated
    // before it is logged.
    reason: 'log lines are developer diagnostics',
    allows: (f) => f.inLog,
  },
  {
    reason: 'the first-render timing is a log line (the e2e suite reads it), built apart from the log call',
    allows: (f) => f.file === 'src/cheatSheet/renderTiming.ts',
  },
  {
    reason: "the output channel's name is the product name, which is not translated",
    allows: (f) => f.file === 'src/activate.ts' && f.text === 'Cloud Coach',
  },
  {
    reason: "cloudCoach.hover.detail's values (compact, full) are setting values, not text",
    allows: (f) => f.file === 'src/settings.ts' && ['compact', 'full'].includes(f.text),
  },
];

/** Attributes and properties whose values are names, not text: never shown to anyone. */
const NON_TEXT_PROPERTIES = new Set(['class', 'id', 'role', 'type', 'style', 'href', 'tabindex', 'for', 'scope', 'colspan', 'rel', 'src', 'lang', 'mode', 'kind', 'scheme', 'pattern', 'language', 'logAs']);
/** Attributes and object properties whose values people read (or hear). */
const TEXT_PROPERTIES = new Set(['aria-label', 'aria-valuetext', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'title', 'placeholder', 'placeHolder', 'alt', 'label', 'description', 'detail', 'tooltip', 'message', 'prompt', 'openLabel']);
/** Properties of VS Code objects and elements that are shown when assigned. */
const TEXT_ASSIGNMENTS = new Set([...TEXT_PROPERTIES, 'text', 'name', 'textContent', 'innerText', 'ariaLabel']);
/**
 * Calls whose first arguments (this many; all with Infinity) are selectors, ids, attribute or event
 * names, command ids, setting or storage keys.
 */
const NAME_ARGUMENTS: Record<string, number> = {
  ...Object.fromEntries(['querySelector', 'querySelectorAll', 'closest', 'matches', 'getElementById', 'createElement', 'hasAttribute', 'getAttribute', 'removeAttribute', 'contains', 'joinPath', 'hasOwn', 'includes', 'startsWith', 'endsWith', 'split', 'padStart', 'toLocaleString', 'require'].map((n) => [n, Infinity])),
  ...Object.fromEntries(['setAttribute', 'addEventListener', 'removeEventListener', 'toggle', 'add', 'remove', 'executeCommand', 'registerCommand', 'getConfiguration', 'get', 'inspect', 'update', 'affectsConfiguration', 'createStatusBarItem', 'createWebviewPanel', 'registerWebviewViewProvider', 'registerWebviewPanelSerializer'].map((n) => [n, 1])),
};
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'log', 'appendLine']);
/** Calls whose arguments (from the given one on) are put on screen as text. */
const TEXT_ARGUMENT_CALLS: Record<Side, Record<string, number>> = {
  host: { showInformationMessage: 0, showWarningMessage: 0, showErrorMessage: 0, setStatusBarMessage: 0, createOutputChannel: 0, Error: 0 },
  webview: { el: 2, button: 0, append: 0, prepend: 0, replaceChildren: 0, after: 0, before: 0 },
};

/** The text of a literal, with each `${...}` as a gap, tags and codicons (`$(name)`) taken out. */
function staticText(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  const raw = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ') : node.text;
  return raw.replace(/<[^>]*>/g, ' ').replace(/\$\([\w-]+\)/g, ' ');
}

/** Looks like words for people: two words in a row, or a capitalised word. */
function looksUserFacing(text: string): boolean {
  return /(?:^|[\s(“"'[])[A-Za-z]+[.,:;!?]?\s+[A-Za-z]+(?=$|[\s.,:;!?)”"'\]…])/.test(text) || /^\s*[A-Z][a-z]+/.test(text);
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const e = call.expression;
  return ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** Climbs from a literal through what only passes a value on: parentheses, `a ? b : c`, `a ?? b`, template slots. */
function valueSite(node: ts.Node): ts.Node {
  let n = node;
  for (;;) {
    const p = n.parent;
    const passes =
      ts.isParenthesizedExpression(p) ||
      (ts.isConditionalExpression(p) && p.condition !== n) ||
      (ts.isBinaryExpression(p) && p.right === n && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken].includes(p.operatorToken.kind)) ||
      ts.isTemplateSpan(p) ||
      ts.isTemplateExpression(p);
    if (!passes) return n;
    n = p;
  }
}

/** Whether the value at `site` goes on screen as text (so even one lowercase word counts). */
function isTextPosition(site: ts.Node, side: Side): boolean {
  const p = site.parent;
  if (ts.isPropertyAssignment(p) && p.initializer === site) return TEXT_PROPERTIES.has(propertyName(p.name) ?? '');
  if (ts.isBinaryExpression(p) && p.right === site && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(p.left)) return TEXT_ASSIGNMENTS.has(p.left.name.text);
  if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(site as ts.Expression)) {
    const from = TEXT_ARGUMENT_CALLS[side][calleeName(p) ?? ''];
    return from !== undefined && p.arguments.indexOf(site as ts.Expression) >= from;
  }
  return false;
}

/** Whether the subtree under `node` holds no text by construction, so the walk skips it. */
function isNameOnly(node: ts.Node): boolean {
  const p = node.parent;
  if (!p) return false;
  if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportTypeNode(node)) return true;
  if (ts.isPropertyAssignment(p) && p.name === node) return true;
  if (ts.isPropertyAssignment(p) && p.initializer === node) {
    const name = propertyName(p.name) ?? '';
    return NON_TEXT_PROPERTIES.has(name) || name.startsWith('data-') || (name.startsWith('aria-') && !TEXT_PROPERTIES.has(name));
  }
  if (ts.isCaseClause(p) && p.expression === node) return true;
  if (ts.isElementAccessExpression(p) && p.argumentExpression === node) return true;
  if (ts.isBinaryExpression(p) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword].includes(p.operatorToken.kind)) return true;
  if (ts.isCallExpression(p) && p.arguments.includes(node as ts.Expression)) {
    if (p.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
    return p.arguments.indexOf(node as ts.Expression) < (NAME_ARGUMENTS[calleeName(p) ?? ''] ?? 0);
  }
  return false;
}

/** Every literal in `source` that looks like user-facing text and does not go through the translation call. */
function findBypasses(source: Source, side: Side): Finding[] {
  const isTranslation = side === 'host' ? isHostTranslation : isWebviewTranslation;
  const found: Finding[] = [];
  const visit = (node: ts.Node, inLog: boolean) => {
    if (isNameOnly(node)) return;
    if (isTranslation(node)) {
      // The message itself is translated; its other arguments are values, checked like any other text.
      const [message, ...args] = node.arguments;
      if (!messageLiterals(message)) visit(message, inLog);
      for (const a of args) visit(a, inLog);
      return;
    }
    if (ts.isCallExpression(node) && LOG_METHODS.has(calleeName(node) ?? '') && ts.isPropertyAccessExpression(node.expression) && /(^|\.)(log|console)$/.test(node.expression.expression.getText())) {
      ts.forEachChild(node, (c) => visit(c, true));
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = staticText(node);
      const site = valueSite(node);
      if (looksUserFacing(text) || (/[A-Za-z]/.test(text) && isTextPosition(site, side))) {
        found.push({ file: source.path, line: source.file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText().slice(1, -1), inLog });
      }
    }
    ts.forEachChild(node, (c) => visit(c, inLog));
  };
  visit(source.file, false);
  return found;
}

function bypasses(sources: Source[], side: Side): string[] {
  return sources
    .flatMap((s) => findBypasses(s, side))
    .filter((f) => !ALLOWED.some((a) => a.allows(f)))
    .map((f) => `${f.file}:${f.line}: ${f.text}`);
}

describe('localization', () => {
  it('the detector reports bare user-facing text and lets translated text, names and selectors pass', () => {
    const host = parseSource(
      'src/example.ts',
      `import * as vscode from 'vscode';
vscode.window.showInformationMessage('Quiz finished');
vscode.window.showInformationMessage(vscode.l10n.t('Quiz finished'));
item.tooltip = \`\${due} cards due\`;
vscode.commands.executeCommand('cloudCoach.startQuiz');
log.info('Knowledge base ready in 3 ms');`,
    );
    assert.deepEqual(
      findBypasses(host, 'host').map((f) => [f.line, f.text, f.inLog]),
      [
        [2, 'Quiz finished', false],
        [4, '${due} cards due', false],
        [6, 'Knowledge base ready in 3 ms', true],
      ],
    );
    const webview = parseSource(
      'media/example.ts',
      `import { t } from '../shared/l10n';
el('button', { class: 'button secondary', 'data-action': 'check' }, 'Check answer');
el('button', { 'aria-label': 'Go back' }, t('Back'));
el('span', {}, ' · line ', t('Line {0}', 3));
if (e.key === 'Enter') document.querySelector('[role="listitem"] .item-head')?.focus();
el('p', { class: \`feedback \${ok ? 'right' : 'wrong'}\`, role: 'status' }, ok ? t('Correct.') : 'Incorrect.');`,
    );
    assert.deepEqual(
      findBypasses(webview, 'webview').map((f) => [f.line, f.text]),
      [
        [2, 'Check answer'],
        [3, 'Go back'],
        [4, ' · line '],
        [6, 'Incorrect.'],
      ],
    );
  });

  it('no user-facing text in the adapters bypasses vscode.l10n.t', () => {
    assert.deepEqual(bypasses(adapterSources(), 'host'), []);
  });

  it("no user-facing text in the webviews bypasses t(), aria-labels and titles included", () => {
    assert.deepEqual(bypasses(webviewSources(), 'webview'), []);
  });

  it('the webviews use exactly the messages the extension translates for them', () => {
    const used = new Set<string>();
    const problems: string[] = [];
    for (const s of webviewSources()) {
      for (const call of calls(s, isWebviewTranslation)) {
        const at = `${s.path}:${s.file.getLineAndCharacterOfPosition(call.getStart()).line + 1}`;
        const messages = messageLiterals(call.arguments[0]);
        if (!messages) problems.push(`${at}: t() needs a literal message (or a choice between literals), not ${call.arguments[0]?.getText()}`);
        for (const m of messages ?? []) {
          used.add(m);
          if (!(WEBVIEW_STRINGS as readonly string[]).includes(m)) problems.push(`${at}: "${m}" is not in src/core/protocol/strings.ts`);
        }
      }
    }
    for (const m of WEBVIEW_STRINGS) if (!used.has(m)) problems.push(`src/core/protocol/strings.ts: "${m}" is not used in media/`);
    assert.deepEqual(problems, []);
  });

  it('every vscode.l10n.t message in the adapters is a literal, so the bundle has it', () => {
    const problems: string[] = [];
    for (const s of adapterSources()) {
      for (const call of calls(s, isHostTranslation)) {
        // The webview table translates the messages of src/core/protocol/strings.ts, which the bundle lists.
        if (s.path === 'src/webview/html.ts') continue;
        if (!messageLiterals(call.arguments[0])) problems.push(`${s.path}:${s.file.getLineAndCharacterOfPosition(call.getStart()).line + 1}: ${call.getText()}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('l10n/bundle.l10n.json lists every message (npm run l10n writes it)', () => {
    assert.equal(readFileSync(BUNDLE, 'utf8'), bundleText());
  });

  it("package.json's text is all in package.nls.json, and every entry there is used", () => {
    const manifestText = readFileSync(join(root, 'package.json'), 'utf8');
    const manifest = JSON.parse(manifestText);
    const nls: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8'));
    const keys = [...manifestText.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]);
    assert.deepEqual(keys.filter((k) => typeof nls[k] !== 'string'), [], 'placeholders without English text');
    assert.deepEqual(Object.keys(nls).filter((k) => !keys.includes(k)), [], 'English text no placeholder uses');
    const text = new Set(['displayName', 'description', 'title', 'category', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage', 'deprecationMessage', 'contextualTitle']);
    const bare: string[] = [];
    const walk = (value: unknown, path: string, key: string) => {
      if (typeof value === 'string') {
        if ((text.has(key) || (key === 'name' && path.startsWith('contributes.views.'))) && !/^%[\w.-]+%$/.test(value)) bare.push(`${path}: ${value}`);
      } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, k);
    };
    walk(manifest, '', '');
    assert.deepEqual(bare, []);
  });

  it("the page's table carries only translated messages, safe inside a <script>, and t() fills the placeholders", () => {
    assert.equal(webviewStringTable((m) => m), '{}');
    const table = JSON.parse(webviewStringTable((m) => (m === 'Back' ? '</script><b>Zurück' : m)));
    assert.deepEqual(table, { Back: '</script><b>Zurück' });
    assert.doesNotMatch(webviewStringTable((m) => `<${m}`), /</);
    assert.equal(formatMessage('{0} of {1} correct ({2}%)', [3, 10, 30]), '3 of 10 correct (30%)');
    assert.equal(formatMessage('{1}, {0}, {1} {2}', ['a', 'b']), 'b, a, b {2}');
  });
});
