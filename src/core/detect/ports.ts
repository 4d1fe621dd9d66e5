/**
 * Finds a port number under the cursor, only where the number is a port: a port key (`FromPort`,
 * `containerPort`, `from_port`, `PORT=`, `--port=`), a compose or Kubernetes `ports:` list, `EXPOSE`,
 * `listen`, `host:port`, `-p 8080:80`, `8080/tcp`, "port 22" in a sentence, CDK's `Port.tcp(22)`, a
 * CloudFormation `PortRange` or a port parameter's `Default`, and the Terraform security-group module's
 * rule tuples and rule names (`ssh-tcp`). Any other number (timeouts, sizes, CIDR octets, versions, model
 * ids such as `anthropic.claude-v2:1`) is not a port.
 */
import type { PortDetection, Span } from './detection';
import { parentKey, portRule, ruleTuple } from './portContexts';

export interface PortScan {
  text: string;
  character: number;
  /** Line at `delta` from the cursor's line (negative is above), clipped, or undefined past the edge. */
  lineAt(delta: number): string | undefined;
  /** How far to look above and below for a rule's context. */
  reach?: number;
  /** The Terraform security-group module's named rules: name → [from, to]. */
  rules?: Readonly<Record<string, readonly [number, number]>>;
}

const DIGITS = /\d+/g;

/** `FromPort`, `containerPort`, `port`, `from_port`, `DB_PORT`, `SERVERPORT`, `server.port`, `prometheus.io/port`. */
export function isPortKey(key: string): boolean {
  const last = key.split(/[./]/).pop() ?? key;
  return /[a-z0-9]Port$/.test(last) || /(^|[_-])port$/i.test(last) || /^[A-Z0-9_]*PORT$/.test(last);
}

/** A key right before the number: `FromPort: `, `"port": "`, `--port=`, `PORT=`, `from_port = [`. */
const KEY_BEFORE = /(?:^|[\s{,(]|--?)["']?([A-Za-z_][\w./-]*)["']?\s*[:=]\s*\[?\s*["']?$/;
/** A port key whose value is an expression: `from_port = try(each.value.from_port, 443)`. */
const KEY_EXPRESSION = /^\s*["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*[\w.]+\(.*[,(]\s*$/;

/** Keys that are ports only inside a `ports:` block (compose long syntax). */
const PORT_BLOCK_KEYS = new Set(['target', 'published']);

const RANGE_PARTNERS: Record<string, string> = {
  FromPort: 'ToPort',
  from_port: 'to_port',
  fromPort: 'toPort',
  ToPort: 'FromPort',
  to_port: 'from_port',
  toPort: 'fromPort',
  From: 'To',
  To: 'From',
};

/** For each range key, the pattern of its partner's value: `ToPort: 80` for `FromPort`. */
const PARTNER_PATTERNS: Record<string, RegExp> = Object.fromEntries(
  Object.entries(RANGE_PARTNERS).map(([key, partner]) => [key, new RegExp(`(?:^|[^\\w])["']?${partner}["']?\\s*[:=]\\s*["']?(-?\\d+)`)]),
);

/** `host:` before a port: a URL's host, localhost, an IP literal or a dotted host name ending in a real TLD. */
const HOST_BEFORE = /(?:[a-z][a-z0-9+.-]*:\/\/(?:[^\s@/]*@)?[^\s:/@]+|(?:^|[\s"'=(@,])(?:localhost|(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63}|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\])):$/;
/** `SERVER_ADDR=flask-app:`, `"service_address": ":`: a single-label or empty host where the key says an address follows. */
const ADDRESS_KEY_BEFORE = /(?:^|[\s"'{,])[A-Za-z_]*(?:ADDR|ADDRESS|HOST|URL|URI|ENDPOINT|SERVER)["']?\s*[=:]\s*["']?(?:[A-Za-z0-9][A-Za-z0-9-]*)?:$/i;

export function detectPort(scan: PortScan): PortDetection | undefined {
  const rule = portRule(scan);
  if (rule) return rule;
  const { text, character } = scan;
  const number = numberAt(text, character);
  if (!number) return undefined;
  const [start, end] = number;
  const value = Number(text.slice(start, end));
  if (!Number.isSafeInteger(value) || value > 65535) return undefined;
  const before = text.slice(0, start);
  const after = text.slice(end);
  // A number glued to a word, a decimal, a path or a CIDR suffix is never a port (`host:port` aside).
  if ((/[\w.]$/.test(before) || /^(?:\.\d|[A-Za-z_])/.test(after) || /\/$/.test(before)) && !/:$/.test(before)) return undefined;
  const found: PortDetection = { kind: 'port', span: [start, end], port: value, context: '' };
  return keyed(scan, found, before) ?? listed(scan, found, start, end, before, after) ?? written(scan, found, before, after);
}

/** A port key, a `ports:` list item, `-p`, or a key above it (`PortRange`, a port parameter). */
function keyed(scan: PortScan, found: PortDetection, before: string): PortDetection | undefined {
  const key = KEY_BEFORE.exec(before) ?? KEY_EXPRESSION.exec(before);
  if (key) {
    const name = key[1];
    if (isPortKey(name) || (PORT_BLOCK_KEYS.has(name) && inPortsBlock(scan))) return withRule(scan, { ...found, context: name }, name);
    const parent = parentKey(scan);
    if (parent === 'PortRange' && (name === 'From' || name === 'To')) return withRule(scan, { ...found, context: 'PortRange' }, name);
    if (parent && name === 'Default' && isPortKey(parent)) return { ...found, context: `${parent} parameter` };
  }
  return ruleTuple(scan, found);
}

/** A compose or Kubernetes `ports:`/`expose:` item, or `-p`/`--publish`. */
function listed(scan: PortScan, found: PortDetection, start: number, end: number, before: string, after: string): PortDetection | undefined {
  const item = /^\s*-\s*["']?$|^\s*-\s*["']?[\d.:[\]a-fA-F-]*$/.test(before) && /^[\d:/a-z-]*["']?\s*(#.*)?$/.test(after);
  const cli = /(?:^|\s)(?:-p|--publish|--expose)(?:\s+|=)["']?[\d.:[\]-]*$/.test(before) || /\bport-forward\b.*\s[\d:]*$/.test(before);
  if (!(item && inPortsBlock(scan)) && !cli) return undefined;
  const mapping = readMapping(scan.text, start, end);
  return mapping ? { ...found, to: mapping.to, role: mapping.role, context: cli ? 'port mapping' : 'ports:' } : undefined;
}

/** EXPOSE, listen, `8080/tcp`, "port 22", `Port.tcp(22)`, and `host:port`. */
function written(scan: PortScan, found: PortDetection, before: string, after: string): PortDetection | undefined {
  if (/^\s*EXPOSE\s+(?:[\w$/{}-]+\s+)*$/i.test(before)) return { ...found, context: 'EXPOSE' };
  if (/(?:^|[\s;{])listen\s+(?:\S*:)?$/.test(before)) return { ...found, context: 'listen' };
  if (/^\/(?:tcp|udp)\b/i.test(after)) return { ...found, context: `/${after.slice(1, 4).toLowerCase()}` };
  if (/\bports?\s+(?:number\s+)?$/i.test(before) && !/^\s*(?:%|percent|times|minutes?|seconds?)/i.test(after)) return { ...found, context: 'port' };
  // A call whose name says it takes a port: withExposedPorts(8083), getMappedPort(8083), listen(3000) aside.
  if (/\b\w*Ports?\(\s*(?:\d+\s*,\s*)*$/.test(before)) return { ...found, context: 'port argument' };
  const cdk = /\bPort\.(tcp|udp)(Range)?\(\s*(\d+\s*,\s*)?$/.exec(before);
  if (cdk) {
    const to = cdk[2] && !cdk[3] ? Number(/^\s*,\s*(\d+)/.exec(after)?.[1]) : undefined;
    return { ...found, ...(to !== undefined && Number.isFinite(to) ? { to } : {}), context: `Port.${cdk[1]}${cdk[2] ?? ''}` };
  }
  if ((HOST_BEFORE.test(before) || ADDRESS_KEY_BEFORE.test(before)) && !/^[.\d]/.test(after)) return { ...found, context: 'address' };
  void scan;
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
  const pieces = spec.split(':');
  const offset = start - a;
  let index = -1;
  let pos = 0;
  for (let i = 0, acc = 0; i < pieces.length; i++) {
    if (offset >= acc && offset <= acc + pieces[i].length) {
      index = i;
      pos = offset - acc;
      break;
    }
    acc += pieces[i].length + 1;
  }
  const piece = pieces[index];
  if (piece === undefined || /\./.test(piece)) return undefined;
  const range = /^(\d+)-(\d+)$/.exec(piece);
  if (range && pos > 0) return undefined;
  const to = range ? Number(range[2]) : undefined;
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
export function withRule(scan: PortScan, found: PortDetection, key: string): PortDetection {
  const lines = ruleLines(scan);
  const partner = PARTNER_PATTERNS[key];
  if (partner) {
    for (const line of lines) {
      const m = partner.exec(line);
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
