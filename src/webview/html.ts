/** The HTML shell every Cloud Coach webview uses: strict CSP, a fresh nonce, only local resources. */
import * as vscode from 'vscode';
import { pageJson } from '../core/protocol/pageJson';
import { L10N_ELEMENT_ID, webviewStringTable } from '../core/protocol/strings';
import type { Platform } from '../platform/platform';

export interface WebviewPage {
  /** Text (translated), escaped here. */
  title: string;
  /** Files under dist/media to load as stylesheets and scripts. */
  styles: string[];
  scripts: string[];
  /** Module scripts (web components). */
  modules?: string[];
  /** Static markup inside <body>, before the scripts. */
  body?: string;
  /** JSON the page reads at once, by element id (media/shared/dom.ts `readPageJson`). */
  data?: Record<string, unknown>;
  /**
   * The styles and scripts' text, to put into the page itself (under the same nonce) instead of loading
   * each file: for a view that must paint fast, where every file costs a round trip through the
   * webview's resource loader (about 130 ms each on a cold code-server webview, in parallel).
   */
  inline?: ReadonlyMap<string, string>;
}

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'media');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [mediaRoot(extensionUri)] };
}

/** Built files under dist/media as text, each read once per session (for inlining). */
export class MediaFiles {
  private readonly texts = new Map<string, Promise<string>>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly platform: Platform,
  ) {}

  async read(files: readonly string[]): Promise<Map<string, string>> {
    const read = (file: string) => {
      let text = this.texts.get(file);
      if (!text) {
        text = this.platform.readExtensionFile(vscode.Uri.joinPath(mediaRoot(this.extensionUri), file)).then((b) => new TextDecoder().decode(b));
        this.texts.set(file, text);
      }
      return text;
    };
    return new Map(await Promise.all(files.map(async (f) => [f, await read(f)] as const)));
  }
}

let strings: string | undefined;

/** A JSON element of the page (already serialized with `pageJson`). */
function jsonElement(id: string, json: string): string {
  return `<script type="application/json" id="${id}">${json}</script>`;
}

/** The webviews' text in the display language, for `t()` in the page; the same for the whole session. */
function l10nTable(): string {
  strings ??= webviewStringTable((message) => vscode.l10n.t(message));
  return jsonElement(L10N_ELEMENT_ID, strings);
}

/** Text that cannot close the element it sits in. */
function inlineSafe(text: string, tag: 'style' | 'script'): string {
  return text.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');
}

/** A fresh nonce for one page (Web Crypto: the same in Node and in a browser). */
function nonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function renderPage(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const n = nonce();
  const uri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(extensionUri), file)).toString();
  const csp = ["default-src 'none'", `style-src ${webview.cspSource} 'nonce-${n}'`, `font-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`, `script-src 'nonce-${n}'`].join('; ');
  const inlined = (file: string) => page.inline?.get(file);
  // Relative URLs in an inlined stylesheet (the codicon font) point at the file's real location.
  const style = (file: string, text = inlined(file)) =>
    text !== undefined
      ? `<style nonce="${n}">${inlineSafe(text, 'style').replace(/url\((["']?)\.\/([^)"']+)\1\)/g, (_, q: string, rel: string) => `url(${q}${uri(rel.split('?')[0])}${q})`)}</style>`
      : `<link rel="stylesheet" href="${uri(file)}" nonce="${n}"${file === 'codicon.css' ? ' id="vscode-codicon-stylesheet"' : ''}>`;
  const script = (file: string, text = inlined(file)) => (text !== undefined ? `<script nonce="${n}">${inlineSafe(text, 'script')}</script>` : `<script nonce="${n}" src="${uri(file)}"></script>`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${page.styles.map((s) => style(s)).join('\n')}
<title>${page.title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</title>
</head>
<body>
${l10nTable()}
${page.body ?? ''}
${Object.entries(page.data ?? {}).map(([id, value]) => jsonElement(id, pageJson(value))).join('\n')}
${(page.modules ?? []).map((s) => `<script type="module" nonce="${n}" src="${uri(s)}"></script>`).join('\n')}
${page.scripts.map((s) => script(s)).join('\n')}
</body>
</html>`;
}
