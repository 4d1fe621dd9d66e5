/**
 * The content files that map identifiers wholesale: every IAM service prefix of the Service Authorization
 * Reference (`content/iam-prefixes.yaml`) and every Terraform AWS provider type (`content/terraform-types.txt`)
 * to entries, and the Terraform security-group module's named rules to ports (`content/security-group-rules.txt`).
 */
import type { Entry } from '../core/knowledge/types';
import type { CompileContext, Located } from './context';
import { textRows, yamlRows } from './rows';
import { iamPrefixRowSchema } from './schemas';

export const IAM_PREFIXES_FILE = 'content/iam-prefixes.yaml';
export const TERRAFORM_TYPES_FILE = 'content/terraform-types.txt';
export const SECURITY_GROUP_RULES_FILE = 'content/security-group-rules.txt';

/** IAM prefix → entry id. */
export function compileIamPrefixes(ctx: CompileContext): Record<string, string> {
  const file = ctx.file(IAM_PREFIXES_FILE);
  const out: Record<string, string> = {};
  if (!file) return out;
  const lines = new Map<string, number>();
  for (const { row, line } of yamlRows(ctx, file, iamPrefixRowSchema)) {
    if (lines.has(row.prefix)) ctx.problem(file.path, line, `duplicate prefix "${row.prefix}" (also line ${lines.get(row.prefix)})`);
    lines.set(row.prefix, line);
    ctx.refer(row.entry, file.path, line, '`entry`');
    out[row.prefix] = row.entry;
  }
  return out;
}

/** A prefix an entry declares must map to that same entry here. */
export function checkIamPrefixes(ctx: CompileContext, prefixes: Record<string, string>, entries: readonly Located<Entry>[]): void {
  for (const { value: e, file, line } of entries) {
    for (const prefix of e.notations.iam) {
      const mapped = prefixes[prefix];
      if (mapped && mapped !== e.id) ctx.problem(IAM_PREFIXES_FILE, 1, `prefix "${prefix}" is mapped to "${mapped}", but ${file}:${line} ("${e.id}") declares it`);
    }
  }
}

const TERRAFORM_LINE = /^(aws(?:_[a-z0-9]+)+) ([rde]{1,3}) ([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Terraform type → entry id. */
export function compileTerraformTypes(ctx: CompileContext): Record<string, string> {
  const out: Record<string, string> = {};
  const file = ctx.file(TERRAFORM_TYPES_FILE);
  if (!file) return out;
  for (const { text, line } of textRows(file)) {
    const m = TERRAFORM_LINE.exec(text);
    if (!m) {
      ctx.problem(file.path, line, 'must read `<aws_type> <r|d|e, combined> <entry-id>`, e.g. `aws_vpc rd vpc`');
      continue;
    }
    if (m[1] in out) ctx.problem(file.path, line, `duplicate Terraform type ${m[1]}`);
    out[m[1]] = m[3];
    ctx.refer(m[3], file.path, line, 'the entry');
  }
  return out;
}

const RULE_LINE = /^([a-z0-9]+(?:-[a-z0-9]+)*) (\d{1,5}) (\d{1,5}) (tcp|udp|icmp|icmpv6|all)$/;

/** The Terraform security-group module's named rules → [from, to] port. */
export function compileSecurityGroupRules(ctx: CompileContext): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  const file = ctx.file(SECURITY_GROUP_RULES_FILE);
  for (const { text, line } of textRows(file)) {
    const m = RULE_LINE.exec(text);
    const [from, to] = m ? [Number(m[2]), Number(m[3])] : [0, -1];
    if (!m || from > to || to > 65535) {
      ctx.problem(SECURITY_GROUP_RULES_FILE, line, 'must read `<rule-name> <from port> <to port> <protocol>`, ports 0 to 65535, from ≤ to');
      continue;
    }
    if (m[1] in out) ctx.problem(SECURITY_GROUP_RULES_FILE, line, `duplicate rule ${m[1]}`);
    out[m[1]] = [from, to];
  }
  return out;
}
