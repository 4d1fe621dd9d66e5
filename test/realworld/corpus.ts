/**
 * The real-world corpus (test/fixtures/realworld/<group>/): files copied from public repositories, with an
 * expected.yaml in each group stating every expected hover and the notable silences. Measures hover recall
 * and false positives as a user meets them: each token is hovered at its middle, as a mouse would.
 * Shared by the unit tests (which hold the budgets) and `npm run bench` (which reports the numbers).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import { detect, HEADER_LINES } from '../../src/core/detect/detect';
import type { Detection } from '../../src/core/detect/detection';
import type { KnowledgeBase } from '../../src/core/knowledge/knowledgeBase';

export const CORPUS = join(__dirname, '..', 'fixtures', 'realworld');

type ServiceCase = [line: number, token: string, entry: string, nth?: number];
type PortCase = [line: number, token: string, port: number, nth?: number];
type SilentCase = [line: number, token: string, nth?: number];

interface Expected {
  services?: ServiceCase[];
  ports?: PortCase[];
  silent?: SilentCase[];
}

export interface Miss {
  file: string;
  line: number;
  token: string;
  expected: string;
  got: string;
}

export interface CorpusReport {
  files: number;
  lines: number;
  services: { expected: number; found: number; misses: Miss[] };
  ports: { expected: number; found: number; misses: Miss[] };
  silences: { expected: number; kept: number; misses: Miss[] };
  /** Numbers that are not ports (every number not listed under `ports`), and those that hovered as a port. */
  numbers: { notPorts: number; hoveredAsPort: Miss[] };
  /** Service hovers on tokens expected.yaml lists nowhere: either unlabelled or false. */
  unlistedServiceHovers: Miss[];
}

/** The language id VS Code would give the file, from its name. */
export function languageOf(file: string): string {
  const name = basename(file).toLowerCase();
  if (name === 'dockerfile' || name.endsWith('.dockerfile')) return 'dockerfile';
  if (/^(docker-)?compose.*\.ya?ml$/.test(name)) return 'dockercompose';
  const ext = extname(name);
  const byExt: Record<string, string> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.py': 'python', '.ts': 'typescript', '.js': 'javascript', '.mjs': 'javascript', '.md': 'markdown', '.sh': 'shellscript', '.tf': 'plaintext', '.hcl': 'plaintext', '.conf': 'plaintext', '.java': 'java', '.go': 'go' };
  return byExt[ext] ?? 'plaintext';
}

function detectAt(kb: KnowledgeBase, file: string, lines: string[], line: number, character: number): Detection | undefined {
  return detect(
    kb.lookup,
    { text: lines[line], character, languageId: languageOf(file), fileName: file, lineAt: (d) => lines[line + d], header: () => lines.slice(0, HEADER_LINES) },
    { services: true, ports: true, plainNames: true },
  );
}

/** Where a mouse rests on a token: its middle, or the nearest letter to it when the middle is a space. */
function pointInside(token: string): number {
  const middle = Math.floor(token.length / 2);
  for (let d = 0; d < token.length; d++) {
    if (/\S/.test(token[middle - d] ?? '')) return middle - d;
    if (/\S/.test(token[middle + d] ?? '')) return middle + d;
  }
  return middle;
}

/** The start of the nth (1-based) occurrence of `token` on the line, as plain substring matches. */
function occurrence(text: string, token: string, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(token, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** The entry a service hover presents: a resource row's note when the token is a resource type. */
function shownEntry(kb: KnowledgeBase, d: Detection): string | undefined {
  if (d.kind !== 'service') return undefined;
  return (d.resourceType && kb.resource(d.resourceType)?.entry) || d.entryId;
}

function describe(kb: KnowledgeBase, d: Detection | undefined): string {
  if (!d) return 'nothing';
  if (d.kind === 'port') return `port ${d.port}${d.to !== undefined ? `-${d.to}` : ''}`;
  if (d.kind === 'unknown-aws') return `unknown ${d.notation}`;
  return `${shownEntry(kb, d)} (${d.notation})`;
}

/** The held-out group: labelled by someone who did not see the detectors, and not tuned against. */
export const HOLDOUT = 'holdout';

export function groups(): string[] {
  return readdirSync(CORPUS).filter((g) => statSync(join(CORPUS, g)).isDirectory() && statSync(join(CORPUS, g, 'expected.yaml'), { throwIfNoEntry: false }));
}

/** Measures the groups named (all of them by default). */
export function measureCorpus(kb: KnowledgeBase, only: readonly string[] = groups()): CorpusReport {
  const report: CorpusReport = {
    files: 0,
    lines: 0,
    services: { expected: 0, found: 0, misses: [] },
    ports: { expected: 0, found: 0, misses: [] },
    silences: { expected: 0, kept: 0, misses: [] },
    numbers: { notPorts: 0, hoveredAsPort: [] },
    unlistedServiceHovers: [],
  };
  for (const group of only) {
    const expected = parse(readFileSync(join(CORPUS, group, 'expected.yaml'), 'utf8')) as Record<string, Expected>;
    for (const [relative, cases] of Object.entries(expected)) {
      const file = join(group, relative);
      const lines = readFileSync(join(CORPUS, file), 'utf8').split(/\r?\n/);
      report.files++;
      report.lines += lines.length;
      measureFile(kb, file, lines, cases ?? {}, report);
    }
  }
  return report;
}

function measureFile(kb: KnowledgeBase, file: string, lines: string[], cases: Expected, report: CorpusReport): void {
  const at = (line: number, token: string, nth?: number) => {
    const start = occurrence(lines[line - 1] ?? '', token, nth);
    if (start < 0) throw new Error(`${file}:${line}: "${token}" (occurrence ${nth ?? 1}) is not on that line`);
    return { start, detection: detectAt(kb, file, lines, line - 1, start + pointInside(token)) };
  };
  /** Characters of each line that belong to a labelled token (a hover there is expected, or ruled on). */
  const labelled = new Map<number, [number, number][]>();
  const label = (line: number, start: number, token: string) => labelled.set(line, [...(labelled.get(line) ?? []), [start, start + token.length]]);

  for (const [line, token, entry, nth] of cases.services ?? []) {
    const { start, detection } = at(line, token, nth);
    label(line, start, token);
    report.services.expected++;
    const shown = detection ? shownEntry(kb, detection) : undefined;
    if (shown && (entry === '*' || shown === entry)) report.services.found++;
    else report.services.misses.push({ file, line, token, expected: entry, got: describe(kb, detection) });
  }
  const portSpans = new Map<number, [number, number][]>();
  for (const [line, token, port, nth] of cases.ports ?? []) {
    const { start, detection } = at(line, token, nth);
    label(line, start, token);
    portSpans.set(line, [...(portSpans.get(line) ?? []), [start, start + token.length]]);
    report.ports.expected++;
    if (detection?.kind === 'port' && (detection.port === port || detection.to === port)) report.ports.found++;
    else report.ports.misses.push({ file, line, token, expected: `port ${port}`, got: describe(kb, detection) });
  }
  for (const [line, token, nth] of cases.silent ?? []) {
    const { start, detection } = at(line, token, nth);
    label(line, start, token);
    report.silences.expected++;
    if (!detection) report.silences.kept++;
    else report.silences.misses.push({ file, line, token, expected: 'nothing', got: describe(kb, detection) });
  }
  scanUnlabelled(kb, file, lines, portSpans, labelled, report);
}

/** Every number not labelled a port must not hover as one; service hovers on unlabelled tokens are reported. */
function scanUnlabelled(kb: KnowledgeBase, file: string, lines: string[], portSpans: Map<number, [number, number][]>, labelled: Map<number, [number, number][]>, report: CorpusReport): void {
  const inside = (spans: [number, number][] | undefined, a: number, b: number) => (spans ?? []).some(([s, e]) => a < e && b > s);
  lines.forEach((text, i) => {
    const line = i + 1;
    for (const m of text.matchAll(/(?<![\w.])\d{1,5}(?![\w])/g)) {
      const start = m.index ?? 0;
      if (inside(portSpans.get(line), start, start + m[0].length)) continue;
      report.numbers.notPorts++;
      const d = detectAt(kb, file, lines, i, start + Math.floor(m[0].length / 2));
      if (d?.kind === 'port') report.numbers.hoveredAsPort.push({ file, line, token: m[0], expected: 'no port', got: describe(kb, d) });
    }
    const seen = new Set<string>();
    for (const m of text.matchAll(/[A-Za-z@][\w:.@/-]*/g)) {
      const start = m.index ?? 0;
      const d = detectAt(kb, file, lines, i, start);
      if (d?.kind !== 'service' || inside(labelled.get(line), d.span[0], d.span[1])) continue;
      const key = `${d.span[0]}:${d.span[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report.unlistedServiceHovers.push({ file, line, token: text.slice(d.span[0], d.span[1]), expected: 'unlisted', got: describe(kb, d) });
    }
  });
}

export const ratio = (found: number, total: number) => (total ? found / total : 1);
