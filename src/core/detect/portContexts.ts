/**
 * Port contexts that need more than the text before the number: the key a value sits under
 * (`PortRange:` above `From:`), and the Terraform security-group module's rules, written as tuples
 * (`http-8080-tcp = [8080, 8080, "tcp", "HTTP"]`) and used by name (`ingress_rules = ["ssh-tcp"]`).
 */
import type { PortDetection } from './detection';
import type { PortScan } from './ports';

/** The key of the mapping the cursor's line belongs to: `PortRange` for `From: 0` below `PortRange:`. */
export function parentKey(scan: PortScan): string | undefined {
  const inline = /["']?([A-Za-z_][\w.-]*)["']?\s*:\s*\{[^{}]*$/.exec(scan.text.slice(0, scan.character));
  if (inline) return inline[1];
  const indent = scan.text.search(/\S/);
  for (let d = 1; d <= (scan.reach ?? 8); d++) {
    const line = scan.lineAt(-d);
    if (line === undefined) return undefined;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    if (line.search(/\S/) >= indent) continue;
    return /^\s*-?\s*["']?([A-Za-z_][\w.-]*)["']?\s*:\s*\{?\s*$/.exec(line)?.[1];
  }
  return undefined;
}

/** A rule tuple: `name = [from, to, "protocol", "description"]`. */
const TUPLE = /^(\s*["']?)([a-z0-9]+(?:-[a-z0-9]+)*)(["']?\s*=\s*\[\s*)(-?\d+)(\s*,\s*)(-?\d+)\s*,\s*"(?:tcp|udp|icmp|icmpv6|all|-1|\d+)"/;

interface Tuple {
  name: string;
  nameStart: number;
  from: number;
  fromStart: number;
  to: number;
  toStart: number;
}

function readTuple(text: string): Tuple | undefined {
  const m = TUPLE.exec(text);
  if (!m) return undefined;
  const nameStart = m[1].length;
  const fromStart = nameStart + m[2].length + m[3].length;
  const toStart = fromStart + m[4].length + m[5].length;
  return { name: m[2], nameStart, from: Number(m[4]), fromStart, to: Number(m[6]), toStart };
}

/** Either number of a rule tuple: the rule's port, or its range. */
export function ruleTuple(scan: PortScan, found: PortDetection): PortDetection | undefined {
  const t = readTuple(scan.text);
  if (!t || t.from < 0 || t.to < t.from) return undefined;
  const [start] = found.span;
  if (start !== t.fromStart && start !== t.toStart) return undefined;
  return { ...found, port: t.from, ...(t.to !== t.from ? { to: t.to } : {}), context: `security group rule ${t.name}` };
}

const RULE_NAME = /[a-z0-9]+(?:-[a-z0-9]+)+/g;
/** A line that names rules: `ingress_rules = [`, `rule = "`, `egress_rules=["a", "b"]`. */
const RULES_KEY = /\b(?:\w*_rules|rule)\s*=\s*[["]/;

/** Whether a quoted rule name on this line is one the module reads: the line, or a list opened above, says so. */
function inRuleContext(scan: PortScan): boolean {
  if (RULES_KEY.test(scan.text)) return true;
  for (let d = 1; d <= (scan.reach ?? 8); d++) {
    const line = scan.lineAt(-d);
    if (line === undefined || /\]/.test(line)) return false;
    if (/\b\w*_rules\s*=\s*\[\s*$/.test(line)) return true;
  }
  return false;
}

/** A named rule under the cursor (`ssh-tcp`, `https-443-tcp`), as the port it opens. */
export function portRule(scan: PortScan): PortDetection | undefined {
  const { text, character } = scan;
  let token: RegExpExecArray | undefined;
  RULE_NAME.lastIndex = Math.max(0, character - 60);
  for (let m; (m = RULE_NAME.exec(text)) && m.index <= character; ) if (character < m.index + m[0].length) token = m;
  if (!token) return undefined;
  const name = token[0];
  const tuple = readTuple(text);
  const isKey = tuple?.nameStart === token.index;
  const quoted = /["']$/.test(text.slice(0, token.index)) && /^["']/.test(text.slice(token.index + name.length));
  if (!isKey && !(quoted && inRuleContext(scan))) return undefined;
  const known = isKey && tuple ? ([tuple.from, tuple.to] as const) : scan.rules?.[name];
  const embedded = /-(\d{1,5})-(?:tcp|udp)$/.exec(name);
  const [from, to] = known ?? (embedded ? [Number(embedded[1]), Number(embedded[1])] : [-1, -1]);
  if (from < 0 || from > 65535 || to < from) return undefined;
  return { kind: 'port', span: [token.index, token.index + name.length], port: from, ...(to !== from ? { to } : {}), context: `security group rule ${name}` };
}
