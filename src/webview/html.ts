/** The HTML shell every Cloud Coach webview uses: strict CSP, a fresh nonce, only local resources. */
import { randomBytes } from 'node:crypto';
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
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.styles.map((s) => `<link rel="stylesheet" href="${uri(s)}" nonce="${nonce}"${s === 'codicon.css' ? ' id="vscode-codicon-stylesheet"' : ''}>`).join('\n')}
<title>${page.title}</title>
</head>
<body>
${page.body ?? ''}
${(page.modules ?? []).map((s) => `<script type="module" nonce="${nonce}" src="${uri(s)}"></script>`).join('\n')}
${page.scripts.map((s) => `<script nonce="${nonce}" src="${uri(s)}"></script>`).join('\n')}
</body>
</html>`;
}
