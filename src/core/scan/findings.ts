/**
 * What a learner should notice in a file, for learning rather than linting: a policy statement that allows
 * every action, every resource or anyone at all. (SSH, RDP and database ports open to the whole internet
 * come from the port detector: see summarize.ts.) Each finding names the concept that explains the risk.
 */

export type FindingKind = 'open-port' | 'any-action' | 'any-resource' | 'any-principal';

export interface Finding {
  kind: FindingKind;
  /** 0-based. */
  line: number;
  /** What was found, in one sentence. */
  text: string;
  /** The entry that explains why it matters. */
  concept: string;
}

/** `Action: "*"`, `"Action": ["*"]`, `actions = ["*"]`, and a YAML list whose only item is `- '*'`. */
function wildcard(key: string): RegExp {
  return new RegExp(`^\\s*-?\\s*["']?${key}["']?\\s*[:=]\\s*\\[?\\s*["']\\*["']\\s*\\]?\\s*,?\\s*$`, 'i');
}

const ANY_ACTION = wildcard('(?:Action|actions)');
const ANY_RESOURCE = wildcard('(?:Resource|resources)');
const ANY_PRINCIPAL = /^\s*["']?(?:Principal|AWS|identifiers)["']?\s*[:=]\s*\[?\s*["']\*["']\s*\]?\s*,?\s*$|["']?Principal["']?\s*:\s*(?:\{\s*["']?AWS["']?\s*:\s*)?["']\*["']/;
const keyOnly = (key: string) => new RegExp(`^\\s*-?\\s*["']?${key}["']?\\s*:\\s*$`, 'i');
const ACTION_KEY = keyOnly('(?:Action|actions)');
const RESOURCE_KEY = keyOnly('(?:Resource|resources)');
const LIST_OF_STAR = /^\s*-\s*["']\*["']\s*$/;

/** The statement's effect, read from the lines around it: Allow, Deny, or unknown. */
function effectNear(lines: readonly string[], line: number, terraform: boolean): 'Allow' | 'Deny' | undefined {
  for (let d = 0; d <= 10; d++) {
    for (const n of [line - d, line + d]) {
      const m = /["']?(?:Effect|effect)["']?\s*[:=]\s*["']?(Allow|Deny)\b/.exec(lines[n] ?? '');
      if (m) return m[1] as 'Allow' | 'Deny';
    }
  }
  // A Terraform policy document statement allows unless it says otherwise.
  return terraform ? 'Allow' : undefined;
}

/** Whether the statement is in an S3 bucket policy: S3 actions, bucket ARNs or a bucket policy nearby. */
function aboutS3(lines: readonly string[], line: number): boolean {
  return lines.slice(Math.max(0, line - 25), line + 25).some((l) => /\bs3:[A-Za-z*]|arn:[^:\s"']*:s3:::|AWS::S3::BucketPolicy|aws_s3_bucket_policy/.test(l));
}

export function policyFindings(lines: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  const terraform = lines.some((l) => /\b(?:data|resource)\s+"aws_/.test(l));
  // `Action:` over a list whose only item is '*' (the next line is not another item at the same indent).
  const indent = (l: string | undefined) => l?.search(/\S/) ?? -1;
  const onlyStar = (i: number) => LIST_OF_STAR.test(lines[i + 1] ?? '') && !(/^\s*-/.test(lines[i + 2] ?? '') && indent(lines[i + 2]) === indent(lines[i + 1]));
  const matches = (i: number, pattern: RegExp, key: RegExp) => pattern.test(lines[i]) || (key.test(lines[i]) && onlyStar(i));
  for (let i = 0; i < lines.length; i++) {
    // Every finding has a "*" on its line or the next.
    if (lines[i].length > 2000 || !(lines[i].includes('*') || lines[i + 1]?.includes('*'))) continue;
    const add = (kind: FindingKind, text: string, concept: string) => {
      if (effectNear(lines, i, terraform) === 'Allow') findings.push({ kind, line: i, text, concept });
    };
    if (matches(i, ANY_ACTION, ACTION_KEY)) add('any-action', 'A policy statement allows every action (`Action: "*"`): it grants far more than a task needs.', 'least-privilege');
    if (matches(i, ANY_RESOURCE, RESOURCE_KEY)) add('any-resource', 'A policy statement applies to every resource (`Resource: "*"`): scope it to the resources the task uses.', 'least-privilege');
    if (ANY_PRINCIPAL.test(lines[i]) && /Principal|identifiers|AWS/.test(lines[i])) {
      const s3 = aboutS3(lines, i);
      add('any-principal', s3 ? 'A bucket policy allows anyone (`Principal: "*"`): the bucket is public to the whole internet.' : 'A policy allows anyone (`Principal: "*"`).', s3 ? 's3-bucket-policies' : 'iam-policies');
    }
  }
  return findings;
}
