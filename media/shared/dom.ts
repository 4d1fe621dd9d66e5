/**
 * Small DOM helpers shared by the webviews. `el` puts text in as text; the only HTML the views insert is
 * Markdown the extension rendered with markdown-it, raw HTML off.
 */

export interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The webview's channel to the extension. The extension keeps every state that must outlive the page. */
export function acquireApi(): VsCodeApi {
  const api = acquireVsCodeApi();
  return { postMessage: (m) => api.postMessage(m) };
}

type Child = Node | string;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'value' && node instanceof HTMLInputElement) node.value = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== '') node.append(c);
  return node;
}

/** JSON the extension put in the page (src/webview/html.ts `data`); undefined when it is missing or unreadable. */
export function readPageJson<T>(id: string): T | undefined {
  try {
    const value: unknown = JSON.parse(document.getElementById(id)?.textContent ?? '');
    return value && typeof value === 'object' ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

export function icon(name: string): HTMLElement {
  return el('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}
