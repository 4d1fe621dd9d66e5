/** The HTML shell every Cloud Coach webview uses: strict CSP, a fresh nonce, only local resources. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

export interface WebviewPage {
  title: string;
  /** Files under dist/media to load as stylesheets and scripts. */
  styles: string[];
  scripts: string[];
  /** Module scripts (web components). */
  modules?: string[];
  /** Static markup inside <body>, before the scripts. */
  body?: string;
  /**
   * Puts the styles and scripts into the page itself (under the same nonce) instead of loading each file:
   * for a view that must paint fast, where every file costs a round trip through the webview's resource
   * loader (about 130 ms each on a cold code-server webview, in parallel).
   */
  inline?: boolean;
}

const mediaTexts = new Map<string, string>();

/** A built file under dist/media, read once per session. */
function mediaText(extensionUri: vscode.Uri, file: string): string {
  const path = vscode.Uri.joinPath(mediaRoot(extensionUri), file).fsPath;
  let text = mediaTexts.get(path);
  if (text === undefined) {
    text = readFileSync(path, 'utf8');
    mediaTexts.set(path, text);
  }
  return text;
}

/** Text that cannot close the element it sits in. */
function inlineSafe(text: string, tag: 'style' | 'script'): string {
  return text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
}

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'media');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [mediaRoot(extensionUri)] };
}

export function renderPage(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString('base64');
  const uri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(extensionUri), file)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  // Relative URLs in an inlined stylesheet (the codicon font) point at the file's real location.
  const inlineStyle = (file: string) => inlineSafe(mediaText(extensionUri, file), 'style').replace(/url\((["']?)\.\/([^)"']+)\1\)/g, (_, q: string, rel: string) => `url(${q}${uri(rel.split('?')[0])}${q})`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.styles.map((s) => (page.inline ? `<style nonce="${nonce}">${inlineStyle(s)}</style>` : `<link rel="stylesheet" href="${uri(s)}" nonce="${nonce}"${s === 'codicon.css' ? ' id="vscode-codicon-stylesheet"' : ''}>`)).join('\n')}
<title>${page.title}</title>
</head>
<body>
${page.body ?? ''}
${(page.modules ?? []).map((s) => `<script type="module" nonce="${nonce}" src="${uri(s)}"></script>`).join('\n')}
${page.scripts.map((s) => (page.inline ? `<script nonce="${nonce}">${inlineSafe(mediaText(extensionUri, s), 'script')}</script>` : `<script nonce="${nonce}" src="${uri(s)}"></script>`)).join('\n')}
</body>
</html>`;
}
