/**
 * Reads a learner's Markdown study notes as an outline: headings, bullets nested by indentation, fenced
 * code. A bullet like `**Term:** definition`, `Term: definition`, or a short bullet with children names a
 * term; its nested bullets are its body. Forgiving by design: broken indentation, tabs mixed with spaces,
 * CRLF and half-finished sections are normal in real notes. Every term keeps its source line.
 */

export interface NoteTerm {
  /** The term as written, without bold markers or the trailing colon. */
  term: string;
  /** The definition on the term's own line (may be empty when the body carries it). */
  definition: string;
  /** Markdown: the definition and the nested bullets, re-indented. */
  markdown: string;
  /** 0-based line of the term in its file. */
  line: number;
  /** The headings above the term, outermost first. */
  headings: string[];
  /** Whether the term is a heading rather than a bullet. */
  isHeading: boolean;
}

interface OutlineNode {
  kind: 'item' | 'heading' | 'text' | 'code';
  text: string;
  line: number;
  indent: number;
  level: number;
  ordered: boolean;
  children: OutlineNode[];
  parent?: OutlineNode;
  /** Last line the node's text spans (continuation lines extend it). */
  end?: number;
}

const TAB = 4;
const MAX_TERM_WORDS = 8;
const MAX_TERM_LENGTH = 80;
const HEADING_BODY_LINES = 40;

function indentOf(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += TAB - (width % TAB);
    else break;
  }
  return width;
}

/** Builds the outline: items nest under the closest less-indented item; headings own what follows them. */
function outline(text: string): OutlineNode[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const root: OutlineNode = { kind: 'heading', text: '', line: -1, indent: -1, level: 0, ordered: false, children: [] };
  let heading = root;
  const items: OutlineNode[] = [];
  let fence: { marker: string; node: OutlineNode } | undefined;
  let last: OutlineNode | undefined;

  const attach = (node: OutlineNode, parent: OutlineNode) => {
    node.parent = parent;
    parent.children.push(node);
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (fence) {
      fence.node.text += `\n${raw}`;
      if (raw.trim().startsWith(fence.marker)) fence = undefined;
      continue;
    }
    if (!raw.trim()) continue;
    const indent = indentOf(raw);
    const content = raw.trim();

    const fenceOpen = /^(```+|~~~+)(.*)$/.exec(content);
    if (fenceOpen) {
      const node: OutlineNode = { kind: 'code', text: content, line: i, indent, level: 0, ordered: false, children: [] };
      const parent = items.length && indent > items[items.length - 1].indent ? items[items.length - 1] : (last?.kind === 'item' ? last : heading);
      attach(node, parent);
      // Until the closing marker, lines are appended to the code node verbatim.
      fence = { marker: fenceOpen[1], node };
      continue;
    }

    const h = indent < 4 ? /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(content) : null;
    if (h) {
      const level = h[1].length;
      while (heading !== root && heading.level >= level) heading = heading.parent ?? root;
      const node: OutlineNode = { kind: 'heading', text: h[2], line: i, indent: 0, level, ordered: false, children: [] };
      attach(node, heading);
      heading = node;
      items.length = 0;
      last = node;
      continue;
    }

    const item = /^(?:[-*+]|(\d+)[.)])\s+(.*)$/.exec(content) ?? (/^[-*+]$/.test(content) ? ['', undefined, ''] : null);
    if (item) {
      while (items.length && items[items.length - 1].indent >= indent) items.pop();
      const node: OutlineNode = { kind: 'item', text: item[2] ?? '', line: i, indent, level: 0, ordered: item[1] !== undefined, children: [] };
      attach(node, items.length ? items[items.length - 1] : heading);
      items.push(node);
      last = node;
      continue;
    }

    // Text: a continuation of the last item (lazy or indented), or a paragraph under the heading.
    if (last?.kind === 'item' && (indent > last.indent || i - 1 === (last.end ?? last.line))) {
      last.text += ` ${content}`;
      last.end = i;
    } else {
      const node: OutlineNode = { kind: 'text', text: content, line: i, indent, level: 0, ordered: false, children: [] };
      const parent = items.length && indent > items[items.length - 1].indent ? items[items.length - 1] : heading;
      attach(node, parent);
      last = node;
    }
  }
  return root.children;
}

/** `**Term:** def`, `**Term**: def`, `__Term__ - def`, `Term: def`, or a short label with children. */
export function readTerm(text: string, hasChildren: boolean): { term: string; definition: string } | undefined {
  const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*(?::|-|–|—|>)?\s*(.*)$/.exec(text);
  if (bold) {
    const term = clean(bold[1]);
    if (term && term.length <= MAX_TERM_LENGTH) return { term, definition: bold[2].trim() };
  }
  if (/->|https?:|`/.test(text)) return undefined;
  const colon = /^([^:]{1,80}?)\s*:\s*(.*)$/.exec(text);
  // `s3://bucket/key`, `10:30`: a colon that does not introduce a definition.
  if (colon && !colon[2].startsWith('//') && !/^\d/.test(colon[2])) {
    const term = clean(colon[1]);
    if (isTermLike(term) && (colon[2].trim() || hasChildren)) return { term, definition: colon[2].trim() };
    return undefined;
  }
  const label = clean(text);
  if (hasChildren && isTermLike(label) && !/[.!?]\s/.test(text.trim()) && label.split(/\s+/).length <= 6) return { term: label, definition: '' };
  return undefined;
}

function clean(term: string): string {
  return term
    .replace(/[*_]{1,2}/g, '')
    .replace(/\s*[:>.]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function isTermLike(term: string): boolean {
  if (!term || term.length < 2 || term.length > MAX_TERM_LENGTH || !/[A-Za-z]/.test(term)) return false;
  const words = term.split(/\s+/);
  if (words.length > MAX_TERM_WORDS) return false;
  // Starts like a name (a capital, a digit or an acronym), not like a sentence fragment.
  return /^[A-Z0-9(]/.test(term) || /^[a-z]+[A-Z0-9]/.test(term);
}

/** The node's subtree as Markdown bullets, two spaces per level. */
function subtreeMarkdown(nodes: OutlineNode[], depth = 0): string {
  const out: string[] = [];
  const pad = '  '.repeat(depth);
  for (const n of nodes) {
    if (n.kind === 'code') out.push(n.text.split('\n').map((l) => `${pad}  ${l.trimStart() === l ? l : l.trim()}`).join('\n'));
    else if (n.kind === 'text') out.push(`${pad}${n.text}`);
    else if (n.kind === 'item') out.push(`${pad}${n.ordered ? '1.' : '-'} ${n.text}`);
    else continue;
    if (n.children.length) out.push(subtreeMarkdown(n.children, depth + 1));
  }
  return out.join('\n');
}

export function parseNotes(text: string): NoteTerm[] {
  const terms: NoteTerm[] = [];
  const walk = (nodes: OutlineNode[], headings: string[]) => {
    for (const n of nodes) {
      if (n.kind === 'heading') {
        const title = clean(n.text);
        const direct = n.children.filter((c) => c.kind !== 'heading');
        if (title && isTermLike(title) && direct.length) {
          // A heading's body is its section: keep the start, which says what the section is about.
          const markdown = subtreeMarkdown(direct).split('\n').slice(0, HEADING_BODY_LINES).join('\n');
          terms.push({ term: title, definition: '', markdown, line: n.line, headings, isHeading: true });
        }
        walk(n.children, title ? [...headings, title] : headings);
        continue;
      }
      if (n.kind !== 'item') continue;
      const t = readTerm(n.text, n.children.length > 0);
      if (t) {
        const body = subtreeMarkdown(n.children);
        const markdown = [t.definition, body].filter(Boolean).join('\n\n');
        if (markdown) terms.push({ term: t.term, definition: t.definition, markdown, line: n.line, headings, isHeading: false });
      }
      walk(n.children, headings);
    }
  };
  walk(outline(text), []);
  return terms;
}
