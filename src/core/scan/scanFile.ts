/**
 * Everything AWS a file mentions: services in every notation, resource types, IAM actions and ports, each
 * with its line. Built on the hover's own detectors (run over whole lines instead of at one position), so
 * what this lists is what a hover would explain.
 */
import { HEADER_LINES, NEIGHBOURS } from '../detect/detect';
import type { Notation, PortDetection, ServiceDetection, Span } from '../detect/detection';
import { detectPort } from '../detect/ports';
import { isProseAt } from '../detect/prose';
import { plainNameAt, servicesOnLine } from '../detect/services';
import type { LookupTables } from '../knowledge/lookupTables';
import { policyFindings, type Finding } from './findings';

export interface ScanSource {
  lines: readonly string[];
  languageId: string;
  fileName: string;
}

export interface ServiceMention {
  kind: 'service';
  /** The entry the hover presents: a resource type's own note, or the notation's entry. */
  entryId: string;
  resourceType?: string;
  notation: Notation;
  token: string;
  /** 0-based. */
  line: number;
  column: number;
}

export interface PortMention {
  kind: 'port';
  port: number;
  to?: number;
  openTo?: string;
  line: number;
  column: number;
}

export type Mention = ServiceMention | PortMention;

export interface FileScan {
  mentions: Mention[];
  findings: Finding[];
}

/** Lines longer than this are read in pieces of this size (a minified template is one long line). */
const PIECE = 10_000;
const PIECE_OVERLAP = 300;
const NEIGHBOUR_CLIP = 400;

const nameStartPatterns = new WeakMap<LookupTables, RegExp>();

/** The first words of every plain name, as one pattern, so that prose is only searched where a name can start. */
function nameStarts(t: LookupTables): RegExp {
  let pattern = nameStartPatterns.get(t);
  if (!pattern) {
    const words = [...new Set(Object.keys(t.plainName).map((k) => k.split(' ')[0]))].sort((a, b) => b.length - a.length);
    pattern = new RegExp(`\\b(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'gi');
    nameStartPatterns.set(t, pattern);
  }
  return pattern;
}

export function scanFile(t: LookupTables, source: ScanSource, resourceEntry: (type: string) => string | undefined): FileScan {
  const { lines, languageId, fileName } = source;
  const header = lines.slice(0, HEADER_LINES).map((l) => l.slice(0, NEIGHBOUR_CLIP));
  const terraformFile = /\.(tf|tfvars|hcl)$/.test(fileName) || languageId === 'terraform';
  const mentions: Mention[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/[A-Za-z0-9]/.test(lines[i])) continue;
    const clipped = (d: number) => lines[i + d]?.slice(0, NEIGHBOUR_CLIP);
    let near: string[] | undefined;
    for (let from = 0; from < lines[i].length; from += PIECE) {
      const start = lines[i].length > PIECE ? Math.max(0, from - PIECE_OVERLAP) : 0;
      const text = lines[i].length > PIECE ? lines[i].slice(start, from + PIECE) : lines[i];
      const lineAt = (d: number) => (d === 0 ? text : clipped(d));
      const found: Span[] = [];
      // Few detectors read the neighbouring lines: gather them only when one does.
      const neighbours = () => (near ??= lines.slice(Math.max(0, i - 5), i).concat(lines.slice(i + 1, i + 6)).map((l) => l.slice(0, NEIGHBOUR_CLIP)));
      const scan = { text, header: () => header, terraformFile, neighbours };
      for (const s of servicesOnLine(t, scan)) {
        found.push(s.span);
        if (s.kind === 'service') mentions.push(serviceMention(s, i, start, resourceEntry));
      }
      for (const s of plainNames(t, text, languageId, lineAt, found)) mentions.push(serviceMention(s, i, start, resourceEntry));
      for (const p of portsOnLine(t, text, lineAt, found)) {
        mentions.push({ kind: 'port', port: p.port, ...(p.to !== undefined ? { to: p.to } : {}), ...(p.openTo ? { openTo: p.openTo } : {}), line: i, column: start + p.span[0] });
      }
    }
  }
  return { mentions: dedupe(mentions), findings: policyFindings(lines) };
}

function serviceMention(s: ServiceDetection, line: number, offset: number, resourceEntry: (type: string) => string | undefined): ServiceMention {
  const entryId = (s.resourceType && resourceEntry(s.resourceType)) || s.entryId;
  return { kind: 'service', entryId, ...(s.resourceType ? { resourceType: s.resourceType } : {}), notation: s.notation, token: s.token, line, column: offset + s.span[0] };
}

const overlaps = (spans: readonly Span[], span: Span) => spans.some((f) => span[0] < f[1] && span[1] > f[0]);

/** Service names in the line's prose (comments, descriptions, Markdown), where no notation was found. */
function plainNames(t: LookupTables, text: string, languageId: string, lineAt: (d: number) => string | undefined, found: Span[]): ServiceDetection[] {
  const out: ServiceDetection[] = [];
  const starts = nameStarts(t);
  starts.lastIndex = 0;
  for (let w: RegExpExecArray | null; (w = starts.exec(text)); ) {
    const at = w.index;
    if (overlaps(found, [at, at + w[0].length])) continue;
    if (!isProseAt(text, at, languageId, lineAt)) continue;
    const hit = plainNameAt(t, text, at);
    if (hit && !overlaps(found, hit.span)) {
      found.push(hit.span);
      out.push(hit);
    }
  }
  return out;
}

/** Every number (and security-group rule name) the port detector reads as a port. */
function portsOnLine(t: LookupTables, text: string, lineAt: (d: number) => string | undefined, found: Span[]): PortDetection[] {
  const out: PortDetection[] = [];
  // Rule names (`ssh-tcp`) are ports only where security-group rules are written.
  const tokens = /rule|=\s*\[/.test(text) ? /\d{1,5}|[a-z0-9]+(?:-[a-z0-9]+)+/g : /\d{1,5}/g;
  for (const token of text.matchAll(tokens)) {
    const at = token.index ?? 0;
    if (overlaps(found, [at, at + token[0].length])) continue;
    const p = detectPort({ text, character: at, lineAt, reach: NEIGHBOURS, rules: t.securityGroupRules });
    if (p && !overlaps(found, p.span)) {
      found.push(p.span);
      out.push(p);
    }
  }
  return out;
}

/** Where the pieces of a long line overlap, a mention is found twice: keep one per place. */
function dedupe(mentions: Mention[]): Mention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = `${m.line}:${m.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
