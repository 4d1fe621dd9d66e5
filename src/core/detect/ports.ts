/**
 * Finds a port number under the cursor, only where the number is a port: a port key (`FromPort`,
 * `containerPort`, `from_port`, `PORT=`), a compose or Kubernetes `ports:` list, `EXPOSE`, `listen`,
 * `host:port`, `-p 8080:80`. Any other number (timeouts, sizes, CIDR octets, versions) is not a port.
 */
import type { PortDetection, Span } from './detection';

export interface PortScan {
  text: string;
  character: number;
  /** Line at `delta` from the cursor's line (negative is above), clipped, or undefined past the edge. */
  lineAt(delta: number): string | undefined;
  /** How far to look above and below for a rule's context. */
  reach?: number;
}

const DIGITS = /\d+/g;

/** `FromPort`, `containerPort`, `port`, `from_port`, `DB_PORT`, `server.port`, `listen-port`. */
function isPortKey(key: string): boolean {
  const last = key.split('.').pop() ?? key;
  return /[a-z0-9]Port$/.test(last) || /(^|[_-])port$/i.test(last);
}

const KEY_BEFORE = /(?:^|[\s{,(])["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*\[?\s*["']?$/;

/** Keys that are ports only inside a `ports:` block (compose long syntax). */
const PORT_BLOCK_KEYS = new Set(['target', 'published']);

const RANGE_PARTNERS: Record<string, string> = {
  FromPort: 'ToPort',
  from_port: 'to_port',
  fromPort: 'toPort',
  ToPort: 'FromPort',
  to_port: 'from_port',
  toPort: 'fromPort',
};

export function detectPort(scan: PortScan): PortDetection | undefined {
  const { text, character } = scan;
  const number = numberAt(text, character);
  if (!number) return undefined;
  const [start, end] = number;
  const value = Number(text.slice(start, end));
  if (!Number.isSafeInteger(value) || value > 65535) return undefined;
  const before = text.slice(0, start);
  const after = text.slice(end);
  const span: Span = [start, end];
  // A number glued to a word, a decimal or a CIDR suffix is never a port.
  if (/[\w.]$/.test(before) && !/(?:^|[^\w.])\d{1,3}(?:\.\d{1,3}){3}$/.test(before) && !/[a-z]$/i.test(before.slice(-1)) ) return undefined;
  if (/[\w.]$/.test(before) || /^(?:\.\d|[A-Za-z_])/.test(after) || /\/$/.test(before)) {
    if (!/:$/.test(before)) return undefined;
  }

  // 1. key: value
  const key = KEY_BEFORE.exec(before);
  if (key) {
    const name = key[1];
    if (isPortKey(name) || (PORT_BLOCK_KEYS.has(name) && inPortsBlock(scan))) return withRule(scan, { kind: 'port', span, port: value, context: name }, name);
  }

  // 2. A mapping in a compose/Kubernetes `ports:` or `expose:` list, or after `-p`/`--publish`.
  const item = /^\s*-\s*["']?$|^\s*-\s*["']?[\d.:[\]a-fA-F-]*$/.test(before) && /^[\d:/a-z-]*["']?\s*(#.*)?$/.test(after);
  const cli = /(?:^|\s)(?:-p|--publish|--expose)(?:\s+|=)["']?[\d.:[\]-]*$/.test(before) || /\bport-forward\b.*\s[\d:]*$/.test(before);
  if ((item && inPortsBlock(scan)) || cli) {
    const mapping = readMapping(text, start, end);
    if (mapping) return { kind: 'port', span, port: value, to: mapping.to, role: mapping.role, context: cli ? 'port mapping' : 'ports:' };
  }

  // 3. Dockerfile EXPOSE, nginx listen.
  if (/^\s*EXPOSE\s+(?:[\d/a-z-]+\s+)*$/i.test(before)) return { kind: 'port', span, port: value, context: 'EXPOSE' };
  if (/(?:^|[\s;{])listen\s+(?:\S*:)?$/.test(before)) return { kind: 'port', span, port: value, context: 'listen' };

  // 4. host:port in URLs and connection strings.
  const url = /(?:[a-z][a-z0-9+.-]*:\/\/(?:[^\s@/]*@)?[^\s:/@]+|(?:^|[\s"'=(@,])(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\[[0-9a-fA-F:.]+\])):$/;
  if (url.test(before) && !/^[.\d]/.test(after)) return { kind: 'port', span, port: value, context: 'address' };

  return undefined;
}

/** The digit run under the cursor. */
function numberAt(text: string, character: number): Span | undefined {
  DIGITS.lastIndex = Math.max(0, character - 6);
  let m: RegExpExecArray | null;
  while ((m = DIGITS.exec(text)) && m.index <= character) {
    if (character < m.index + m[0].length || (character === m.index + m[0].length && character === text.length)) {
      return m[0].length <= 5 ? [m.index, m.index + m[0].length] : undefined;
    }
  }
  return undefined;
}

/** `8080:80`, `127.0.0.1:5432:5432/tcp`, `3000-3005:3000-3005`: which side the number is on, and its range. */
function readMapping(text: string, start: number, end: number): { role?: 'host' | 'container'; to?: number } | undefined {
  let a = start;
  while (a > 0 && /[\d.:[\]a-fA-F-]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && /[\d:-]/.test(text[b])) b++;
  const spec = text.slice(a, b);
  const parts = spec.split(':');
  // Drop an IP address (v4) in front: 127.0.0.1:5432:5432
  while (parts.length > 2 && /\./.test(parts[0])) parts.shift();
  const offset = start - a;
  let pos = 0;
  let index = -1;
  for (let i = 0, acc = 0; i < spec.split(':').length; i++) {
    const piece = spec.split(':')[i];
    if (offset >= acc && offset <= acc + piece.length) {
      index = i;
      pos = offset - acc;
      break;
    }
    acc += piece.length + 1;
  }
  const pieces = spec.split(':');
  const piece = pieces[index];
  if (piece === undefined || /\./.test(piece)) return undefined;
  const range = /^(\d+)-(\d+)$/.exec(piece);
  const to = range && pos === 0 ? Number(range[2]) : undefined;
  if (range && pos > 0) return undefined;
  const role = pieces.length - index === 1 ? (pieces.length > 1 ? 'container' : undefined) : 'host';
  return { role, to };
}

/** Whether the line sits in a YAML `ports:`/`expose:` block (looking up a few lines, to a less indented key). */
function inPortsBlock(scan: PortScan): boolean {
  let indent = scan.text.search(/\S/);
  const reach = scan.reach ?? 12;
  for (let d = 1; d <= reach; d++) {
    const line = scan.lineAt(-d);
    if (line === undefined) return false;
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const lineIndent = line.search(/\S/);
    if (lineIndent < indent || (lineIndent === indent && !line.trim().startsWith('-'))) {
      if (/^\s*-?\s*["']?(ports|expose|containerPorts)["']?\s*:/.test(line)) return true;
      // A list item holding this key (`- target: 80` above `published: 8080`): its list's key is higher up.
      if (/^\s*-\s/.test(line) && lineIndent < indent) {
        indent = lineIndent;
        continue;
      }
      return false;
    }
  }
  return false;
}

const WORLD = /(?:^|[^\d.])(0\.0\.0\.0\/0|::\/0)(?![\d])/;

/**
 * Adds the rule's context: a `FromPort`/`ToPort` pair becomes a range, and a world-open CIDR in the same
 * rule is reported. The rule is the YAML list item or `{ }` block around the line, at most `reach` lines.
 */
function withRule(scan: PortScan, found: PortDetection, key: string): PortDetection {
  const lines = ruleLines(scan);
  const partner = RANGE_PARTNERS[key];
  if (partner) {
    for (const line of lines) {
      const m = new RegExp(`["']?${partner}["']?\\s*[:=]\\s*["']?(-?\\d+)`).exec(line);
      if (!m) continue;
      const other = Number(m[1]);
      if (other !== found.port && other >= 0) {
        const [from, to] = /^(From|from)/.test(key) ? [found.port, other] : [other, found.port];
        if (from <= to) Object.assign(found, { port: from, to });
      }
      break;
    }
  }
  for (const line of lines) {
    const world = WORLD.exec(line);
    if (world) {
      found.openTo = world[1];
      break;
    }
  }
  return found;
}

function ruleLines(scan: PortScan): string[] {
  const reach = scan.reach ?? 8;
  const lines = [scan.text];
  const indent = scan.text.search(/\S/);
  const isItemStart = (line: string) => /^\s*-\s/.test(line) && line.search(/\S/) <= indent;
  if (!isItemStart(scan.text) && !/\{\s*$/.test(scan.text)) {
    for (let d = 1; d <= reach; d++) {
      const line = scan.lineAt(-d);
      if (line === undefined) break;
      lines.push(line);
      if (isItemStart(line) || /\{\s*$/.test(line) || (line.trim() && line.search(/\S/) < indent && !/^\s*-/.test(line) && !/:\s*$/.test(line))) break;
      if (/^\s*\}/.test(line)) break;
    }
  }
  for (let d = 1; d <= reach; d++) {
    const line = scan.lineAt(d);
    if (line === undefined || isItemStart(line) || /^\s*\}/.test(line)) break;
    if (line.trim() && line.search(/\S/) < indent) break;
    lines.push(line);
  }
  return lines;
}
