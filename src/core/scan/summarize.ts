/**
 * A file's scan as the cheat sheet shows it ("In this file"), and a workspace's as a tally of services
 * ("In this workspace"): grouped by service, counted, with the lines, findings first. Also the topics a
 * "Quiz me on this file" session draws from.
 */
import { refs } from '../ids';
import type { KnowledgeBase } from '../knowledge/knowledgeBase';
import type { Entry } from '../knowledge/types';
import { markdownToPlainText } from '../plainText';
import type { InFileModel, InWorkspaceModel } from '../protocol/cheatSheet';
import type { Finding } from './findings';
import type { FileScan, ServiceMention } from './scanFile';

/** The service an entry belongs to: a feature's or a catalogue API's note, or the entry itself. */
function serviceOf(kb: KnowledgeBase, id: string): Entry | undefined {
  const e = kb.entry(id);
  return e?.partOf ? (kb.entry(e.partOf) ?? e) : e;
}

/** SSH, RDP or a database port open to 0.0.0.0/0 or ::/0, as the port detector read the rule. */
function openPortFindings(kb: KnowledgeBase, scan: FileScan): Finding[] {
  const out: Finding[] = [];
  for (const m of scan.mentions) {
    if (m.kind !== 'port' || !m.openTo) continue;
    const risky = kb.ports.filter((p) => p.port >= m.port && p.port <= (m.to ?? m.port) && (p.risk === 'remote-admin' || p.risk === 'database'));
    if (!risky.length) continue;
    const names = risky.slice(0, 3).map((p) => `${p.protocol} (${p.port})`).join(', ');
    out.push({ kind: 'open-port', line: m.line, text: `A security group rule opens ${names}${risky.length > 3 ? ' and more' : ''} to ${m.openTo}, the whole internet.`, concept: 'security-groups' });
  }
  return out;
}

export function allFindings(kb: KnowledgeBase, scan: FileScan): Finding[] {
  const kept: Finding[] = [];
  // A rule's FromPort and ToPort lines tell the same thing: one finding per rule, at its first line.
  for (const f of [...openPortFindings(kb, scan), ...scan.findings].sort((a, b) => a.line - b.line)) {
    if (!kept.some((k) => k.kind === f.kind && k.text === f.text && f.line - k.line <= 3)) kept.push(f);
  }
  return kept;
}

/** What the file wrote: `aws_vpc` in Terraform, `AWS::EC2::VPC` in a template. */
function itemLabel(m: ServiceMention): string {
  return m.token;
}

function portLabel(kb: KnowledgeBase, port: number, to?: number): string {
  if (to !== undefined) return port === 0 && to === 65535 ? 'Ports 0–65535 (every port)' : `Ports ${port}–${to}`;
  const known = kb.port(port);
  return known ? `${port} ${known.protocol}` : String(port);
}

export function summarizeFile(kb: KnowledgeBase, scan: FileScan): Omit<InFileModel, 'uri' | 'fileName'> {
  const groups = new Map<string, { entry: Entry; count: number; items: Map<string, { label: string; entryId: string; lines: Set<number> }> }>();
  for (const m of scan.mentions) {
    if (m.kind !== 'service') continue;
    const service = serviceOf(kb, m.entryId);
    if (!service) continue;
    const group = groups.get(service.id) ?? { entry: service, count: 0, items: new Map() };
    group.count++;
    const label = itemLabel(m);
    const item = group.items.get(label) ?? { label, entryId: m.resourceType ? m.entryId : service.id, lines: new Set<number>() };
    item.lines.add(m.line);
    group.items.set(label, item);
    groups.set(service.id, group);
  }
  const ports = new Map<string, { port: number; to?: number; lines: Set<number>; count: number }>();
  for (const m of scan.mentions) {
    if (m.kind !== 'port') continue;
    const key = m.to !== undefined && m.to !== m.port ? `${m.port}-${m.to}` : String(m.port);
    const p = ports.get(key) ?? { port: m.port, to: m.to !== m.port ? m.to : undefined, lines: new Set<number>(), count: 0 };
    p.count++;
    p.lines.add(m.line);
    ports.set(key, p);
  }
  const findings = allFindings(kb, scan).map((f) => ({ line: f.line, text: f.text, concept: { ref: refs.entry(f.concept), name: kb.entry(f.concept)?.name ?? f.concept } }));
  return {
    findings,
    groups: [...groups.values()]
      .sort((a, b) => b.count - a.count || a.entry.name.localeCompare(b.entry.name))
      .map((g) => ({
        ref: refs.entry(g.entry.id),
        name: g.entry.name,
        summary: markdownToPlainText(g.entry.summary),
        count: g.count,
        items: [...g.items.values()].map((i) => ({ label: i.label, ref: refs.entry(i.entryId), lines: [...i.lines].sort((a, b) => a - b) })),
      })),
    ports: [...ports.values()]
      .sort((a, b) => a.port - b.port)
      .map((p) => ({ port: p.port, label: portLabel(kb, p.port, p.to), ref: refs.port(p.port), lines: [...p.lines].sort((a, b) => a - b), count: p.count })),
    empty: !groups.size && !ports.size,
  };
}

/** The notes a quiz on these mentions draws from: each service's note, and the notes of the features named. */
export function quizTopics(kb: KnowledgeBase, mentions: readonly { entryId: string; count: number }[]): { topic: string; count: number }[] {
  const topics = new Map<string, number>();
  const add = (e: Entry | undefined, n: number) => {
    if (e && e.kind !== 'catalog') topics.set(e.id, (topics.get(e.id) ?? 0) + n);
  };
  for (const m of mentions) {
    add(kb.entry(m.entryId), m.count);
    add(serviceOf(kb, m.entryId), m.count);
  }
  return [...topics].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count);
}

/** Service mentions of a scan, counted per entry. */
export function countServices(scan: FileScan): { entryId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of scan.mentions) if (m.kind === 'service') counts.set(m.entryId, (counts.get(m.entryId) ?? 0) + 1);
  return [...counts].map(([entryId, count]) => ({ entryId, count }));
}

/** The workspace's services, most used first, each with the learner's answers on it. */
export function summarizeWorkspace(
  kb: KnowledgeBase,
  services: readonly { entryId: string; count: number; files: number }[],
  accuracy: ReadonlyMap<string, { answered: number; correct: number }>,
): InWorkspaceModel['services'] {
  const byService = new Map<string, { entry: Entry; count: number; files: number }>();
  for (const s of services) {
    const entry = serviceOf(kb, s.entryId);
    if (!entry) continue;
    const t = byService.get(entry.id) ?? { entry, count: 0, files: 0 };
    t.count += s.count;
    t.files = Math.max(t.files, s.files);
    byService.set(entry.id, t);
  }
  return [...byService.values()]
    .sort((a, b) => b.count - a.count)
    .map(({ entry, count, files }) => ({ ref: refs.entry(entry.id), name: entry.name, count, files, answered: accuracy.get(entry.id)?.answered ?? 0, correct: accuracy.get(entry.id)?.correct ?? 0 }));
}
