/**
 * Markdown to HTML for the webviews, with markdown-it and raw HTML off. `note:` links become in-view
 * links (`data-ref`), other links carry `data-external` so the view can open them through VS Code.
 */
import MarkdownIt from 'markdown-it';
import { refs } from './ids';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const href = String(token.attrGet('href') ?? '');
  if (href.startsWith('note:')) {
    token.attrSet('href', '#');
    token.attrSet('data-ref', refs.entry(href.slice(5)));
  } else if (/^https?:\/\//.test(href)) {
    token.attrSet('data-external', href);
    token.attrSet('title', href);
  } else {
    token.attrSet('href', '#');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}

export function renderInlineMarkdown(markdown: string): string {
  return md.renderInline(markdown);
}
