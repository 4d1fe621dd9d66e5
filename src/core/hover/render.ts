/**
 * Hover text as Markdown, from a detection and the knowledge base. The only command links are the ones
 * the hover trusts (HOVER_COMMANDS): open an entry in the cheat sheet, start a short quiz on it, and
 * open one of the learner's notes.
 */
import { Command, commandLink } from '../ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Entry } from '../knowledge/types';
import type { UserNote } from '../knowledge/userNotes';
import { NOTATION_LABELS, type Detection, type PortDetection, type ServiceDetection, type UnknownAwsDetection } from '../detect/detection';
import type { ArnParts } from '../detect/arn';

export type HoverDetail = 'compact' | 'full';

export const HOVER_COMMANDS = [Command.openCheatSheet, Command.startQuiz, Command.openUserNote, Command.showInFile] as const;

export interface RenderOptions {
  detail: HoverDetail;
  /** The learner's own notes about an entry, shown under the official text. */
  userNotes?: (entryId: string) => readonly UserNote[];
}

export function openEntryLink(id: string): string {
  return commandLink(Command.openCheatSheet, id);
}

export function quizLink(topic: string): string {
  return commandLink(Command.startQuiz, { mode: 'topic', topic, count: 5 });
}

/** Replaces `[text](note:id)` with links that open the entry in the cheat sheet. */
export function resolveNoteLinks(markdown: string): string {
  return markdown.replace(/\]\(note:([a-z0-9-]+)\)/g, (_, id: string) => `](${openEntryLink(id)})`);
}

/** Inline code that survives backticks in what the user wrote. */
export function code(text: string): string {
  const clipped = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  const fence = clipped.includes('`') ? '``' : '`';
  return `${fence}${clipped.replace(/\n/g, ' ')}${fence}`;
}

/** Markdown-escapes text that comes from the user's file. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function renderHover(kb: KnowledgeBase, d: Detection, options: RenderOptions): string {
  switch (d.kind) {
    case 'service':
      return renderService(kb, d, options);
    case 'unknown-aws':
      return renderUnknown(d);
    case 'port':
      return renderPort(kb, d);
  }
}

export function entryTitle(e: Entry): string {
  return e.short && !e.name.includes(`(${e.short})`) && e.short !== e.name ? `${e.name} (${e.short})` : e.name;
}

function renderService(kb: KnowledgeBase, d: ServiceDetection, options: RenderOptions): string {
  const entry = kb.entry(d.entryId);
  if (!entry) return '';
  const parts: string[] = [];
  const resource = d.resourceType ? kb.resource(d.resourceType) : undefined;
  if (resource) {
    // A resource type: what the resource is, then the note it belongs to, in one line.
    const owner = kb.entry(resource.entry) ?? entry;
    parts.push(`**${resource.name}** · ${code(resource.type)}${resource.isParameterType ? ' (parameter type)' : ''}`);
    parts.push(resource.summary);
    parts.push(`**${entryTitle(owner)}** · *${owner.category}* — ${resolveNoteLinks(owner.summary)}`);
    return finish(kb, owner, parts, options, true);
  }
  parts.push(`**${entryTitle(entry)}** · *${entry.category}*${notationLine(d)}`);
  if (d.arn) parts.push(arnTable(d.arn));
  parts.push(resolveNoteLinks(entry.summary));
  return finish(kb, entry, parts, options, false);
}

function notationLine(d: ServiceDetection): string {
  if (d.notation === 'plain-name' || d.notation === 'arn') return '';
  const detail = d.detail ? ` — ${escapeMarkdown(d.detail)}` : '';
  return `  \n${NOTATION_LABELS[d.notation]} ${code(d.token)}${detail}`;
}

/** Status, the learner's notes, facts and links, shared by every service hover. */
function finish(kb: KnowledgeBase, entry: Entry, parts: string[], options: RenderOptions, compactFacts: boolean): string {
  const main = entry.partOf ? kb.entry(entry.partOf) : undefined;
  if (main) parts.push(`Part of [${entryTitle(main)}](${openEntryLink(main.id)}): ${resolveNoteLinks(main.summary)}`);
  if (entry.status) parts.push(`**Status:** ${resolveNoteLinks(entry.status)}`);

  // The learner's own notes come right under the official summary, where they are seen first.
  const notes = options.userNotes?.(entry.id) ?? [];
  const mainNotes = main ? (options.userNotes?.(main.id) ?? []) : [];
  const mine = notes.length ? notes : mainNotes;
  if (mine.length) {
    const shown = mine.slice(0, options.detail === 'full' ? 5 : 2);
    parts.push(
      `**Your notes**\n\n${shown.map((n) => `- **${escapeMarkdown(n.term)}**: ${clip(n.markdown)} — [${escapeMarkdown(`${n.fileLabel}:${n.line + 1}`)}](${commandLink(Command.openUserNote, n.file, n.line)})`).join('\n')}` +
        (mine.length > shown.length ? `\n\n*and ${mine.length - shown.length} more*` : ''),
    );
  }

  const facts = entry.keyFacts.length ? entry : main;
  if (facts) {
    if (options.detail === 'full') {
      parts.push(resolveNoteLinks(facts.body.replace(/^## (.*)$/gm, '**$1**')));
    } else {
      const bullets = facts.keyFacts.slice(0, 2).map((f) => `- ${resolveNoteLinks(firstParagraph(f))}`);
      if (bullets.length) parts.push(bullets.join('\n'));
      if (facts.examTips[0] && !compactFacts) parts.push(`**Exam tip:** ${resolveNoteLinks(firstParagraph(facts.examTips[0]))}`);
    }
  }

  // A catalogue entry is quizzed through the note it belongs to; a feature with a note of its own, on itself.
  const quizTopic = entry.kind === 'catalog' ? main : entry;
  const docs = entry.docs ?? main?.docs;
  const links = [
    docs ? `[Documentation](${docs})` : undefined,
    `[Open in Cheat Sheet](${openEntryLink(entry.id)})`,
    quizTopic && quizTopic.kind !== 'catalog' ? `[Quiz me on this](${quizLink(quizTopic.id)})` : undefined,
    `[In this file](${commandLink(Command.showInFile)})`,
  ].filter(Boolean);
  parts.push(links.join(' · '));
  return parts.join('\n\n');
}

function firstParagraph(markdown: string): string {
  return markdown.split(/\n\s*\n/)[0].replace(/\n\s*[-*+]\s.*$/s, '').trim();
}

/** A learner's note on one line: nested bullets become sentences of it, not stray "-" marks. */
function clip(markdown: string): string {
  const one = markdown
    .replace(/([.;:!?])?[ \t]*\r?\n\s*(?:[-*+]|\d+[.)])\s+/g, (_, end?: string) => (end ? `${end} ` : '; '))
    .replace(/\s+/g, ' ')
    .trim();
  return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}

function arnTable(arn: ArnParts): string {
  const cell = (s: string | undefined) => (s ? code(s) : '—');
  const rows = [
    ['Partition', cell(arn.partition)],
    ['Service', cell(arn.service)],
    ['Region', arn.region ? code(arn.region) : '— (global or not needed)'],
    ['Account', arn.account ? code(arn.account) : '— (not needed)'],
    ...(arn.resourceType ? [['Resource type', code(arn.resourceType)]] : []),
    ['Resource', cell(arn.resourceId)],
  ];
  return `| ARN part | Value |\n|---|---|\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}`;
}

function renderUnknown(d: UnknownAwsDetection): string {
  const parts = [`**${NOTATION_LABELS[d.notation]}** ${code(d.token)}`, d.reading];
  if (d.arn) parts.push(arnTable(d.arn));
  parts.push('*Not in the Cloud Coach knowledge base yet.*');
  return parts.join('\n\n');
}

function renderPort(kb: KnowledgeBase, d: PortDetection): string {
  const parts: string[] = [];
  if (d.to !== undefined && d.to !== d.port) return renderPortRange(kb, d);
  const p = kb.port(d.port);
  const role = d.role === 'host' ? ' — host port' : d.role === 'container' ? ' — container port' : '';
  if (p) {
    parts.push(`**Port ${p.port}/${p.transport.join(', ')} · ${p.protocol}** (${p.name})${role}`);
    parts.push(p.use);
    const users = p.aws.map((id) => kb.entry(id)).filter((e): e is Entry => !!e);
    if (users.length) parts.push(`On AWS: ${users.map((e) => `[${e.short ?? e.name}](${openEntryLink(e.id)})`).join(', ')}`);
    if (d.openTo && p.risk && (p.risk === 'remote-admin' || p.risk === 'database' || p.risk === 'sensitive' || p.risk === 'cleartext')) {
      parts.push(`$(warning) **This rule opens ${p.protocol} to ${code(d.openTo)}, the whole internet.** ${p.security ?? ''}`);
    } else if (p.security) {
      parts.push(`*Security:* ${p.security}`);
    }
    if (p.docs) parts.push(`[Documentation](${p.docs})`);
  } else {
    parts.push(`**Port ${d.port}**${role}`);
    parts.push('Not in the Cloud Coach ports table.');
  }
  const range = kb.rangeOf(d.port);
  if (range) parts.push(`*${range.name}* (${range.from}–${range.to})`);
  return parts.join('\n\n');
}

function renderPortRange(kb: KnowledgeBase, d: PortDetection): string {
  const from = d.port;
  const to = d.to ?? d.port;
  const count = to - from + 1;
  const parts = [`**Ports ${from}–${to}** · a range of ${count.toLocaleString('en-US')} ports${from === 0 && to === 65535 ? ' (every port)' : ''}`];
  const inside = kb.ports.filter((p) => p.port >= from && p.port <= to);
  const risky = inside.filter((p) => p.risk === 'remote-admin' || p.risk === 'database');
  const named = kb.portRanges.filter((r) => r.from === from && r.to === to)[0];
  if (named) parts.push(`${named.name}: ${named.use}`);
  if (inside.length) {
    const sample = inside.slice(0, 8).map((p) => `${p.port} ${p.protocol}`).join(', ');
    parts.push(`Includes ${inside.length} known port${inside.length === 1 ? '' : 's'}: ${sample}${inside.length > 8 ? ', ...' : ''}`);
  }
  if (d.openTo && risky.length) {
    parts.push(
      `$(warning) **This rule opens ${risky.slice(0, 6).map((p) => `${p.protocol} (${p.port})`).join(', ')}${risky.length > 6 ? ' and more' : ''} to ${code(d.openTo)}, the whole internet.** Open only the ports the workload needs, to the sources that need them.`,
    );
  }
  return parts.join('\n\n');
}
