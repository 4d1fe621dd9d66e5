/** Splits a note file into front matter, summary and sections, keeping line numbers. */
import MarkdownIt from 'markdown-it';
import { YamlSource, type ContentProblem } from './yamlSource';

export const SECTION_HEADINGS = ['What it is for', 'Key facts', 'Pricing', 'Compared with', 'Exam tips'] as const;
export type SectionHeading = (typeof SECTION_HEADINGS)[number];

export interface NoteSection {
  heading: SectionHeading;
  line: number;
  markdown: string;
}

export interface NoteFile {
  frontMatter: YamlSource;
  summary: string;
  summaryLine: number;
  sections: NoteSection[];
  /** Everything after the summary: the sections, headings included. */
  body: string;
}

const md = new MarkdownIt({ html: false });

export function parseNoteFile(file: string, rawText: string): { note?: NoteFile; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ file, line, message });
  const lines = rawText.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');

  if (lines[0]?.trim() !== '---') {
    problem(1, 'must start with YAML front matter between two `---` lines');
    return { problems };
  }
  const end = lines.indexOf('---', 1);
  if (end < 0) {
    problem(1, 'front matter is not closed by a `---` line');
    return { problems };
  }
  const frontMatter = new YamlSource(file, lines.slice(1, end).join('\n'), 1);
  problems.push(...frontMatter.syntaxProblems());
  if (!frontMatter.isMapping()) problem(2, 'front matter must be a YAML mapping of fields');

  // Summary: the first paragraph after the front matter.
  let i = end + 1;
  while (i < lines.length && lines[i].trim() === '') i++;
  const summaryLine = i + 1;
  const summaryLines: string[] = [];
  while (i < lines.length && lines[i].trim() !== '' && !lines[i].startsWith('#')) summaryLines.push(lines[i++].trim());
  const summary = summaryLines.join(' ');
  if (!summary) problem(summaryLine, 'the one-sentence summary (the first paragraph after the front matter) is missing');

  const bodyStart = i;
  const sections: NoteSection[] = [];
  let current: { heading: string; line: number; lines: string[] } | undefined;
  let fence: string | undefined;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = /^\s*(```|~~~)/.exec(line);
    if (fenceMatch) fence = fence ? (line.trim().startsWith(fence) ? undefined : fence) : fenceMatch[1];
    const heading = fence ? undefined : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading && heading[1].length <= 2) {
      if (heading[1].length === 1) problem(i + 1, 'use `##` section headings; `#` is not allowed in a note');
      if (current) sections.push(finish(current));
      current = { heading: heading[2], line: i + 1, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim()) {
      problem(i + 1, 'text between the summary and the first `##` section; the summary must be one paragraph');
    }
  }
  if (current) sections.push(finish(current));

  // Order and presence of headings.
  let lastIndex = -1;
  const valid: NoteSection[] = [];
  for (const s of sections) {
    const index = (SECTION_HEADINGS as readonly string[]).indexOf(s.heading);
    if (index < 0) {
      problem(s.line, `unknown section "${s.heading}"; sections are: ${SECTION_HEADINGS.join(', ')}`);
      continue;
    }
    if (index <= lastIndex) problem(s.line, `section "${s.heading}" is out of order or repeated; the order is: ${SECTION_HEADINGS.join(', ')}`);
    lastIndex = Math.max(lastIndex, index);
    if (!s.markdown.trim()) problem(s.line, `section "${s.heading}" is empty`);
    valid.push(s);
  }

  const body = lines.slice(bodyStart).join('\n').trim();
  return { note: { frontMatter, summary, summaryLine, sections: valid, body }, problems };
}

function finish(s: { heading: string; line: number; lines: string[] }): NoteSection {
  return { heading: s.heading as SectionHeading, line: s.line, markdown: s.lines.join('\n').trim() };
}

/** The top-level list items of a Markdown fragment, as Markdown source, in order. */
export function topLevelBullets(markdown: string): string[] {
  const src = markdown.split('\n');
  const tokens = md.parse(markdown, {});
  const bullets: string[] = [];
  let listDepth = 0;
  for (const t of tokens) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') listDepth++;
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') listDepth--;
    else if (t.type === 'list_item_open' && listDepth === 1 && t.map) {
      const [from, to] = t.map;
      const item = src.slice(from, to);
      const marker = /^\s*(?:[-*+]|\d+[.)])\s+/.exec(item[0]);
      const indent = marker ? marker[0].length : 0;
      const text = [item[0].slice(indent), ...item.slice(1).map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))]
        .join('\n')
        .trim();
      if (text) bullets.push(text);
    }
  }
  return bullets;
}

/** `[text](note:id)` link targets in a Markdown fragment, with the line offset within it. */
export function noteLinks(markdown: string): { id: string; lineOffset: number }[] {
  const links: { id: string; lineOffset: number }[] = [];
  markdown.split('\n').forEach((line, lineOffset) => {
    for (const m of line.matchAll(/\]\(note:([^)\s]*)\)/g)) links.push({ id: m[1], lineOffset });
  });
  return links;
}

/** Every `[text](url)` whose target is not a `note:` link. */
export function externalLinks(markdown: string): { url: string; lineOffset: number }[] {
  const links: { url: string; lineOffset: number }[] = [];
  markdown.split('\n').forEach((line, lineOffset) => {
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) if (!m[1].startsWith('note:')) links.push({ url: m[1], lineOffset });
  });
  return links;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|approx|incl|U\.S|a\.m|p\.m|No)\./g;

/** Heuristic count of sentences: a terminator followed by a capital letter or the end. */
export function sentenceCount(text: string): number {
  const cleaned = text
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/`[^`]*`/g, 'x')
    .replace(ABBREVIATIONS, '$1')
    .replace(/\d\.\d/g, '00');
  const breaks = cleaned.match(/[.!?](?=\s+[A-Z(])/g)?.length ?? 0;
  return breaks + 1;
}
