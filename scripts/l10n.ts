/**
 * The English bundle a translator starts from, l10n/bundle.l10n.json: every message the extension passes to
 * `vscode.l10n.t` in src/, and every webview message (src/core/protocol/strings.ts), which reach
 * `vscode.l10n.t` through a variable that `@vscode/l10n-dev export` cannot follow.
 *   tsx scripts/l10n.ts [--check]
 * A translation is a copy of the bundle as l10n/bundle.l10n.<locale>.json, plus package.nls.<locale>.json.
 * test/unit/l10n.test.ts checks that the bundle is current and that no text bypasses it.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';
import { WEBVIEW_STRINGS } from '../src/core/protocol/strings';

export const root = join(__dirname, '..');
export const BUNDLE = join(root, 'l10n', 'bundle.l10n.json');

/** The core and the content compiler stay plain English: they run without VS Code, and their text is content. */
const NOT_ADAPTERS = [join('src', 'core'), join('src', 'compiler')];

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? typeScriptFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

export interface Source {
  /** Relative to the repository, with `/`. */
  path: string;
  file: ts.SourceFile;
}

export function parseSource(path: string, text: string): Source {
  return { path, file: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true) };
}

function read(full: string): Source {
  return parseSource(relative(root, full).split(sep).join('/'), readFileSync(full, 'utf8'));
}

/** The extension's adapters: src/ without the core and the compiler. */
export function adapterSources(): Source[] {
  return typeScriptFiles(join(root, 'src'))
    .filter((f) => !NOT_ADAPTERS.some((dir) => relative(root, f).startsWith(dir + sep)))
    .map(read);
}

/** The webviews' scripts. */
export function webviewSources(): Source[] {
  return typeScriptFiles(join(root, 'media')).map(read);
}

/** `vscode.l10n.t(...)` or `l10n.t(...)`. */
export function isHostTranslation(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't' && /(^|\.)l10n$/.test(node.expression.expression.getText());
}

/** The webviews' `t(...)` (media/shared/l10n.ts). */
export function isWebviewTranslation(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't';
}

/** The messages an expression can be: a literal, or a choice between literals; undefined for anything else. */
export function messageLiterals(node: ts.Expression | undefined): string[] | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return messageLiterals(node.expression);
  if (ts.isConditionalExpression(node)) {
    const [a, b] = [messageLiterals(node.whenTrue), messageLiterals(node.whenFalse)];
    return a && b ? [...a, ...b] : undefined;
  }
  return undefined;
}

/** Every call in `source` that `isCall` matches. */
export function calls(source: Source, isCall: (node: ts.Node) => node is ts.CallExpression): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (node: ts.Node) => {
    if (isCall(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source.file);
  return found;
}

/** What the bundle holds: every message, once, sorted. */
export function bundleMessages(): string[] {
  const host = adapterSources().flatMap((s) => calls(s, isHostTranslation).flatMap((c) => messageLiterals(c.arguments[0]) ?? []));
  return [...new Set([...host, ...WEBVIEW_STRINGS])].sort();
}

export function bundleText(): string {
  return `${JSON.stringify(Object.fromEntries(bundleMessages().map((m) => [m, m])), null, 2)}\n`;
}

function main(argv: string[]): number {
  const text = bundleText();
  if (argv.includes('--check')) {
    const current = readFileSync(BUNDLE, 'utf8') === text;
    if (!current) console.error(`${relative(root, BUNDLE)} is out of date: run npm run l10n`);
    return current ? 0 : 1;
  }
  mkdirSync(dirname(BUNDLE), { recursive: true });
  writeFileSync(BUNDLE, text);
  console.log(`wrote ${relative(root, BUNDLE)}: ${bundleMessages().length} messages`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
