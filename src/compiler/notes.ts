/** Compiles `content/notes/*.md`: one full note per service, feature or concept. */
import type { Domain, Entry } from '../core/knowledge/types';
import type { CompileContext, Located } from './context';
import { notations } from './notation';
import { externalLinks, noteLinks, parseNoteFile, sentenceCount, topLevelBullets, type NoteFile } from './noteFile';
import { noteFrontMatterSchema, type NoteFrontMatter } from './schemas';

export const SUMMARY_MAX = 240;

export function compileNotes(ctx: CompileContext): Located<Entry>[] {
  const entries: Located<Entry>[] = [];
  for (const file of ctx.filesUnder('content/notes/')) {
    if (!file.path.endsWith('.md')) {
      ctx.problem(file.path, 1, 'only Markdown (.md) notes belong in content/notes/');
      continue;
    }
    const parsed = parseNoteFile(file.path, file.text);
    ctx.problems.push(...parsed.problems);
    const entry = parsed.note && noteEntry(ctx, file.path, parsed.note);
    if (entry) entries.push({ file: file.path, line: 1, value: entry });
  }
  return entries;
}

function noteEntry(ctx: CompileContext, file: string, note: NoteFile): Entry | undefined {
  const fm = note.frontMatter;
  if (fm.doc.errors.length) return undefined;
  const parsed = noteFrontMatterSchema.safeParse(fm.doc.toJSON() ?? {});
  if (!parsed.success) {
    ctx.problems.push(...fm.zodProblems(parsed.error));
    return undefined;
  }
  const f = parsed.data;
  const fileId = file.replace(/^.*\//, '').replace(/\.md$/, '');
  if (f.id !== fileId) ctx.problem(file, fm.lineOfPath(['id']), `\`id\` "${f.id}" must match the file name "${fileId}.md"`);
  checkSummary(ctx, file, note);
  checkSections(ctx, file, note, f);
  referFrontMatter(ctx, file, note, f);
  return {
    id: f.id,
    kind: f.kind,
    name: f.name,
    short: f.short,
    aliases: f.aliases,
    category: f.category,
    domains: [...new Set(f.domains)].sort() as Domain[],
    summary: note.summary,
    needsPrefix: f.needsPrefix,
    status: f.status,
    notations: notations(f.notations ?? {}),
    related: f.related,
    confused: f.confused,
    docs: f.docs,
    partOf: f.partOf,
    keyFacts: topLevelBullets(section(note, 'Key facts')?.markdown ?? ''),
    examTips: topLevelBullets(section(note, 'Exam tips')?.markdown ?? ''),
    body: note.body,
    source: file,
  };
}

function section(note: NoteFile, heading: string) {
  return note.sections.find((s) => s.heading === heading);
}

function checkSummary(ctx: CompileContext, file: string, note: NoteFile): void {
  if (!note.summary) return;
  if (note.summary.length > SUMMARY_MAX) ctx.problem(file, note.summaryLine, `the summary is ${note.summary.length} characters; keep it to ${SUMMARY_MAX}`);
  const sentences = sentenceCount(note.summary);
  if (sentences !== 1) ctx.problem(file, note.summaryLine, `the summary must be one sentence (found ${sentences})`);
}

/** Required sections, "Compared with" links for each confused entry, and a bulleted "Key facts". */
function checkSections(ctx: CompileContext, file: string, note: NoteFile, f: NoteFrontMatter): void {
  const required = ['What it is for', 'Key facts', 'Exam tips', ...(f.kind === 'service' ? ['Pricing'] : [])];
  if (f.confused.length) required.push('Compared with');
  for (const heading of required) if (!section(note, heading)) ctx.problem(file, note.summaryLine, `the section "## ${heading}" is missing`);

  const compared = section(note, 'Compared with');
  if (compared) {
    const linked = new Set(noteLinks(compared.markdown).map((l) => l.id));
    for (const [i, id] of f.confused.entries())
      if (!linked.has(id)) ctx.problem(file, note.frontMatter.lineOfPath(['confused', i]), `"Compared with" has no [..](note:${id}) link for confused entry "${id}"`);
  }
  const keyFacts = section(note, 'Key facts');
  if (keyFacts && !topLevelBullets(keyFacts.markdown).length) ctx.problem(file, keyFacts.line, '"Key facts" must be a bulleted list');
}

/** Links in the text and ids in the front matter, checked once every entry is known. */
function referFrontMatter(ctx: CompileContext, file: string, note: NoteFile, f: NoteFrontMatter): void {
  const fm = note.frontMatter;
  for (const s of [{ markdown: note.summary, line: note.summaryLine - 1 }, ...note.sections.map((x) => ({ markdown: x.markdown, line: x.line }))]) {
    for (const link of noteLinks(s.markdown)) ctx.refer(link.id, file, s.line + 1 + link.lineOffset, 'link');
    for (const link of externalLinks(s.markdown))
      if (!isHttpsUrl(link.url)) ctx.problem(file, s.line + 1 + link.lineOffset, `link target "${link.url}" is not an https URL or a note: link`);
  }
  if (f.partOf) ctx.refer(f.partOf, file, fm.lineOfPath(['partOf']), '`partOf`', false);
  f.related.forEach((id, i) => ctx.refer(id, file, fm.lineOfPath(['related', i]), '`related`'));
  f.confused.forEach((id, i) => ctx.refer(id, file, fm.lineOfPath(['confused', i]), '`confused`'));
  for (const [field, ids] of [['related', f.related], ['confused', f.confused]] as const)
    if (ids.includes(f.id)) ctx.problem(file, fm.lineOfPath([field]), `\`${field}\` lists the note itself`);
}

function isHttpsUrl(s: string): boolean {
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}
