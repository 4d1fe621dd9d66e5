/**
 * Finds the AWS service notation under the cursor on one line: CloudFormation and SAM types,
 * Terraform types, boto3 and SDK clients, CDK constructs, IAM actions and condition keys, principals,
 * endpoints, ARNs, dynamic references and plain names. Every look-up is an exact match in the build-time
 * tables; no fuzzy search.
 */
import type { LookupTables } from '../knowledge/lookupTables';
import { ARN_PATTERN, parseArnMatch } from './arn';
import { cdkImportsInView, cdkModuleNamespace } from './cdk';
import type { Notation, ServiceDetection, Span, UnknownAwsDetection } from './detection';

export interface ServiceScan {
  /** The text to scan: the line, or a window of a long line. */
  text: string;
  /** The cursor, relative to `text`. */
  character: number;
  /** Nearby lines (already clipped), for multi-line imports: `from "@aws-sdk/client-s3"`; read only when needed. */
  neighbours(): readonly string[];
  /** The first lines of the document, where its imports are; read only when a detector needs them. */
  header?: () => readonly string[];
  /** Plain names are only looked for where this says the cursor is in prose. */
  prose: boolean;
  /** Terraform types are certain in `.tf` files; elsewhere `aws_x` must be a known prefix. */
  terraformFile: boolean;
}

type Found = ServiceDetection | UnknownAwsDetection | undefined;

interface Detector {
  /** Whether the line can hold a match at all: a cheap test that spares the pattern most lines. */
  hint(text: string, scan: ServiceScan): boolean;
  pattern: RegExp;
  read(m: RegExpExecArray, t: LookupTables, scan: ServiceScan): Found;
}

const has = (...parts: string[]) => (text: string) => parts.some((p) => text.includes(p));

const service = (span: Span, notation: Notation, token: string, entryId: string, extra: Partial<ServiceDetection> = {}): ServiceDetection => ({
  kind: 'service',
  span,
  notation,
  token,
  entryId,
  ...extra,
});

const unknown = (span: Span, notation: Notation, token: string, reading: string, extra: Partial<UnknownAwsDetection> = {}): UnknownAwsDetection => ({
  kind: 'unknown-aws',
  span,
  notation,
  token,
  reading,
  ...extra,
});

const whole = (m: RegExpExecArray): Span => [m.index, m.index + m[0].length];

/** The service a bare identifier names, as an IAM prefix, an endpoint prefix or a boto3 id (`bedrock-runtime`). */
const serviceOf = (t: LookupTables, name: string): string | undefined => t.iam[name] ?? t.endpoint[name] ?? t.boto3[name];

/** The clients of the SDK's higher-level libraries, named after the service they wrap. */
const SDK_CLIENT_SUFFIXES = ['Document', 'Streams'];

/** Lines that may hold the imports a token depends on: its neighbours, then the top of the file. */
const importLines = (scan: ServiceScan): readonly string[] => [scan.text, ...scan.neighbours(), ...(scan.header?.() ?? [])];

/** Whether the cursor is on a Terraform type inside a `${...}` part of the match at `start` (`${data.aws_region.current.name}`). */
function onTerraformReference(scan: ServiceScan, start: number): boolean {
  const before = scan.text.slice(start, scan.character);
  const open = before.lastIndexOf('${');
  if (open < 0 || open < before.lastIndexOf('}')) return false;
  const from = start + open;
  const close = scan.text.indexOf('}', from);
  for (const ref of scan.text.slice(from, close < 0 ? undefined : close).matchAll(/\baws_[a-z0-9]+(?:_[a-z0-9]+)*/g)) {
    const at = from + (ref.index ?? 0);
    if (scan.character >= at && scan.character < at + ref[0].length) return true;
  }
  return false;
}

const SDK_PACKAGE = /@aws-sdk\/(client|lib)-([a-z0-9-]+)/;

/** The service of the `@aws-sdk/*` package that `command` is imported from; without that line, of the first package imported. */
function commandPackage(t: LookupTables, command: string, lines: readonly string[]): string | undefined {
  const serviceOfPackage = (m: RegExpExecArray | null) => m && (m[1] === 'client' ? t.sdkPackage[m[0]] : t.sdkCompact[m[2].replace(/-/g, '')]);
  const named = new RegExp(`\\b${command}\\b`);
  for (let i = 0; i < lines.length; i++) {
    if (!named.test(lines[i]) || !/\bimport\b|\brequire\(|^\s*\w+,?\s*$/.test(lines[i])) continue;
    // The package is on the same line, or closes the import a few lines below.
    for (const line of lines.slice(i, i + 6)) {
      const id = serviceOfPackage(SDK_PACKAGE.exec(line));
      if (id) return id;
    }
  }
  for (const line of lines) {
    const id = serviceOfPackage(SDK_PACKAGE.exec(line));
    if (id) return id;
  }
  return undefined;
}

function cloudFormation(m: RegExpExecArray, t: LookupTables): Found {
  const token = m[0];
  const parts = token.split('::');
  const span = whole(m);
  const namespace = parts[1];
  if (/-\d{4}-\d{2}-\d{2}$/.test(namespace)) {
    const id = t.cfnNamespace['serverless'];
    return id ? service(span, 'sam-transform', token, id, { detail: `transform ${namespace.replace(/^Serverless-/, 'version ')}` }) : undefined;
  }
  if (parts.length < 3) {
    const id = t.cfnNamespace[namespace.toLowerCase()];
    return id ? service(span, 'cloudformation', token, id) : undefined;
  }
  const type = parts.slice(0, 3).join('::');
  const isParameter = parts.length > 3;
  const exactRow = t.resourceTypeLower[token.toLowerCase()] ?? t.resourceTypeLower[type.toLowerCase()];
  const notation: Notation = isParameter ? 'cloudformation-parameter' : 'cloudformation';
  const id = t.cfnNamespace[namespace.toLowerCase()];
  if (!id) {
    const known = t.cfnTypes[type.toLowerCase()];
    return unknown(span, notation, token, known
      ? `A CloudFormation ${isParameter ? 'parameter' : 'resource'} type in the ${namespace} namespace, which Cloud Coach has no entry for yet.`
      : `Shaped like a CloudFormation type (namespace ${namespace}, resource ${parts[2]}), but not in the CloudFormation schemas Cloud Coach knows: check the spelling, or it may be newer.`);
  }
  const known = exactRow ?? t.cfnTypes[type.toLowerCase()];
  return service(span, notation, token, id, {
    resourceType: exactRow,
    detail: known ? undefined : `${type} is not in the CloudFormation schemas Cloud Coach knows: check the spelling`,
  });
}

function terraform(m: RegExpExecArray, t: LookupTables, scan: ServiceScan): Found {
  const token = m[0];
  const span = whole(m);
  const dataSource = new RegExp(`\\bdata(?:\\s+"|\\.)${token}\\b`).test(scan.text) ? { detail: 'data source' } : {};
  const exact = t.terraformType[token];
  if (exact) {
    const row = t.resourceTypeLower[exact.toLowerCase()];
    const id = t.cfnNamespace[exact.split('::')[1].toLowerCase()];
    if (id) return service(span, 'terraform', token, id, { resourceType: row, ...dataSource });
  }
  const mapped = t.terraformEntry[token];
  if (mapped) return service(span, 'terraform', token, mapped, dataSource);
  const segments = token.split('_');
  for (let n = segments.length; n >= 2; n--) {
    const id = t.terraformPrefix[segments.slice(0, n).join('_')];
    if (id) return service(span, 'terraform', token, id, dataSource);
  }
  const inTerraform = scan.terraformFile || /\b(resource|data)\s+"aws_/.test(scan.text);
  return inTerraform ? unknown(span, 'terraform', token, 'A Terraform AWS provider type that Cloud Coach does not map to a service yet.') : undefined;
}

/** `s3:GetObject`, `ec2:Describe*`, `"kms:*"`, S3 event types `s3:ObjectCreated:Put`, condition keys `kms:RequestAlias:`. */
function iamAction(m: RegExpExecArray, t: LookupTables, scan: ServiceScan): Found {
  const id = serviceOf(t, m[1]);
  if (!id) return undefined;
  const action = m[2];
  const asKey = /^:\s/.test(scan.text.slice(m.index + m[0].length));
  const detail =
    action === '*' ? 'every action of the service'
    : action.includes(':') ? `the event type ${action}`
    : asKey ? `the condition key ${action}`
    : action.includes('*') ? `the actions matching ${action}`
    : `the action ${action}`;
  return service(whole(m), 'iam-action', m[0], id, { detail });
}

/** Service principals and endpoints: `lambda.amazonaws.com`, `sqs.us-east-1.amazonaws.com`, `${Api}.execute-api.${AWS::Region}.amazonaws.com`. */
function awsHost(m: RegExpExecArray, t: LookupTables): Found {
  const labels = m[1].slice(0, -1).split('.').filter((l) => !l.startsWith('${'));
  const host = m[0];
  const principalId = t.principal[host.replace('${AWS::URLSuffix}', 'amazonaws.com')];
  if (principalId && labels.length === 1) return service(whole(m), 'principal', host, principalId);
  const region = labels.find((l) => /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/.test(l));
  // An endpoint names its service first (sqs.us-east-1...); a principal or a bucket host last
  // (monitoring.rds.amazonaws.com is RDS's, my-bucket.s3.amazonaws.com is S3's).
  for (const label of region ? labels : [...labels].reverse()) {
    const id = serviceOf(t, label.replace(/-fips$/, ''));
    if (id) return service(whole(m), 'endpoint', host, id, { detail: region ? `region ${region}` : undefined });
  }
  return unknown(whole(m), 'endpoint', host, `An AWS host name${region ? ` in ${region}` : ''} whose service Cloud Coach does not recognise.`);
}

/** A construct or member through a CDK module alias the file imports (`lambda.Runtime`), or a usual alias. */
function cdk(m: RegExpExecArray, t: LookupTables, scan: ServiceScan): Found {
  const moduleName = m[1] ?? m[2];
  if (moduleName) {
    const namespace = cdkModuleNamespace(t, moduleName);
    return namespace ? service(whole(m), 'cdk', m[0], t.cfnNamespace[namespace]) : undefined;
  }
  const [alias, member] = [m[3], m[4]];
  const imported = cdkImportsInView([scan.text, ...scan.neighbours()], scan.header?.()).aliases.get(alias);
  const namespace = cdkModuleNamespace(t, imported ?? alias.replace(/_$/, ''));
  if (!namespace) return undefined;
  const id = t.cfnNamespace[namespace];
  const type = t.cfnTypes[`aws::${namespace}::${member.replace(/^Cfn/, '').toLowerCase()}`];
  if (type) return service(whole(m), 'cdk', m[0], id, { resourceType: t.resourceTypeLower[type.toLowerCase()], detail: type });
  // Any other member only when the alias is an imported CDK module (not Node's `events` or Python's `os`).
  return imported ? service(whole(m), 'cdk', m[0], id) : undefined;
}

const DETECTORS: Detector[] = [
  {
    hint: has('arn:'),
    pattern: ARN_PATTERN,
    read(m, t, scan) {
      // Inside a Terraform `${...}` part, the reference there (`data.aws_region.current.name`) is what the cursor is on.
      if (onTerraformReference(scan, m.index)) return undefined;
      const arn = parseArnMatch(m);
      const id = serviceOf(t, arn.service);
      if (id) return service(whole(m), 'arn', m[0], id, { arn });
      return unknown(whole(m), 'arn', m[0], arn.service ? `An ARN for the service "${arn.service}", which Cloud Coach does not recognise.` : 'An ARN.', { arn });
    },
  },
  {
    // The start of an ARN built by joining strings: 'arn:aws:execute-api:' + region + ...
    hint: has('arn:'),
    pattern: /\barn:(?:aws(?:-[a-z-]+)?|\$\{[^}\s]*\}):([a-z0-9-]+):/g,
    read: (m, t) => {
      const id = serviceOf(t, m[1]);
      return id ? service(whole(m), 'arn', m[0], id, { detail: `the start of an ARN for ${m[1]}` }) : undefined;
    },
  },
  { hint: has('AWS::'), pattern: /\bAWS::[A-Za-z0-9]+(?:-\d{4}-\d{2}-\d{2})?(?:::[A-Za-z0-9]+)*/g, read: cloudFormation },
  {
    // CloudFormation dynamic references: {{resolve:ssm:/path}}, {{resolve:secretsmanager:arn:...}}.
    hint: has('{{resolve:'),
    pattern: /\{\{resolve:(ssm|ssm-secure|secretsmanager):/g,
    read: (m, t) => {
      const id = m[1] === 'secretsmanager' ? t.iam.secretsmanager : (t.plainName['parameter store']?.entry ?? t.iam.ssm);
      return id ? service(whole(m), 'cloudformation', m[0], id, { detail: 'a dynamic reference, resolved when the stack deploys' }) : undefined;
    },
  },
  { hint: (text) => /[a-z0-9-]:[A-Za-z*]/.test(text), pattern: /(?<![\w.:/@-])([a-z][a-z0-9-]*):([A-Za-z*][A-Za-z0-9*]*(?::[A-Za-z*][A-Za-z0-9*]*)*)(?![\w/.-]|:\S)/g, read: iamAction },
  // CloudFormation writes the domain as ${AWS::URLSuffix}: lambda.${AWS::URLSuffix}.
  { hint: has('amazonaws', 'URLSuffix'), pattern: /\b((?:(?:[a-z0-9-]+|\$\{[^}\s]*\})\.)+)(?:amazonaws\.com(?:\.cn)?\b|\$\{AWS::URLSuffix\})/g, read: awsHost },
  {
    // VPC endpoint service names: com.amazonaws.eu-west-1.s3, com.amazonaws.${var.region}.ecr.api.
    hint: has('com.amazonaws.'),
    pattern: /\bcom\.amazonaws\.(?:[a-z0-9-]+|\$\{[^}\s]*\})\.([a-z0-9-]+)(?:\.[a-z0-9-]+)*/g,
    read: (m, t) => {
      const id = serviceOf(t, m[1]);
      return id ? service(whole(m), 'endpoint', m[0], id, { detail: 'a VPC endpoint service name' }) : undefined;
    },
  },
  {
    // Amazon ECR Public's registry host, in image names: public.ecr.aws/nginx/nginx.
    hint: has('.ecr.aws'),
    pattern: /\b(?:public|gallery)\.ecr\.aws\b/g,
    read: (m, t) => (t.boto3.ecr ? service(whole(m), 'endpoint', m[0], t.boto3.ecr, { detail: 'Amazon ECR Public' }) : undefined),
  },
  { hint: has('aws_'), pattern: /\baws_[a-z0-9]+(?:_[a-z0-9]+)*\b/g, read: terraform },
  {
    hint: has('client(', 'resource('),
    pattern: /\b(client|resource)\(\s*(?:service_name\s*=\s*)?(['"])([a-z0-9-]+)\2/g,
    read(m, t, scan) {
      const id = t.boto3[m[3]];
      if (id) return service(whole(m), 'boto3', m[3], id, { detail: `boto3 ${m[1]}` });
      return /\b(boto3|session|Session\(\))\s*\.\s*$/.test(scan.text.slice(0, m.index))
        ? unknown(whole(m), 'boto3', m[3], `A boto3 ${m[1]} for "${m[3]}", which is not among the services Cloud Coach knows.`)
        : undefined;
    },
  },
  {
    hint: has('@aws-sdk/'),
    pattern: /@aws-sdk\/(client|lib|util)-([a-z0-9-]+)/g,
    read(m, t) {
      const id = m[1] === 'client' ? t.sdkPackage[m[0]] : t.sdkCompact[m[2].replace(/-/g, '')];
      if (id) return service(whole(m), 'sdk-package', m[0], id);
      return m[1] === 'client' ? unknown(whole(m), 'sdk-package', m[0], `The AWS SDK for JavaScript v3 client for "${m[2]}", a service Cloud Coach does not know yet.`) : undefined;
    },
  },
  {
    hint: has('Client'),
    pattern: /\b([A-Z][A-Za-z0-9]*?)Client\b/g,
    read(m, t) {
      let name = m[1].toLowerCase();
      for (const suffix of SDK_CLIENT_SUFFIXES) if (m[1].endsWith(suffix)) name = m[1].slice(0, -suffix.length).toLowerCase();
      const id = t.sdkCompact[name] ?? t.sdkCompact[m[1].toLowerCase()];
      return id ? service(whole(m), 'sdk-client', m[0], id) : undefined;
    },
  },
  {
    hint: has('Command'),
    pattern: /\b([A-Z][A-Za-z0-9]+)Command\b/g,
    read(m, t, scan) {
      const operation = m[1];
      const id = t.operation[operation];
      if (id) return service(whole(m), 'sdk-command', m[0], id, { detail: `operation ${operation}` });
      // Otherwise the service of the package the file imports it from, or of the one package it imports.
      const pkgId = commandPackage(t, m[0], importLines(scan));
      return pkgId ? service(whole(m), 'sdk-command', m[0], pkgId, { detail: `operation ${operation}` }) : undefined;
    },
  },
  {
    hint: has('AWS.'),
    pattern: /\bAWS\.([A-Z][A-Za-z0-9]+)\b/g,
    read(m, t) {
      const id = t.sdkCompact[m[1].toLowerCase()];
      return id ? service(whole(m), 'sdk-v2', m[0], id) : undefined;
    },
  },
  // CDK: the library itself, module paths, and constructs such as s3.Bucket, new ec2.CfnVPC or lambda_.Runtime.
  {
    hint: has('aws-cdk', 'aws_cdk'),
    pattern: /\baws-cdk-lib\b(?!\/)|(?<![\w.])aws_cdk\b(?!\.)/g,
    read: (m, t) => {
      const id = t.plainName['aws cdk']?.entry;
      return id ? service(whole(m), 'cdk', m[0], id) : undefined;
    },
  },
  { hint: (text) => /[a-z0-9_]\.[A-Z]|aws-cdk-lib\/|aws_cdk\./.test(text), pattern: /aws-cdk-lib\/aws-([a-z0-9-]+)|\baws_cdk\.aws_([a-z0-9_]+)|\b([a-z][A-Za-z0-9]*_?)\.([A-Z][A-Za-z0-9]+)\b/g, read: cdk },
  {
    // A construct imported by name: import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs'.
    // Imports sit at the top of a file: the header's (parsed once) or the line's own.
    hint: (text, scan) => text.includes('aws-cdk') || text.includes('aws_cdk') || cdkImportsInView([], scan.header?.()).named.size > 0,
    pattern: /\b[A-Z][A-Za-z0-9]+\b/g,
    read(m, t, scan) {
      const module = cdkImportsInView([scan.text, ...scan.neighbours()], scan.header?.()).named.get(m[0]);
      const namespace = module && cdkModuleNamespace(t, module);
      return namespace ? service(whole(m), 'cdk', m[0], t.cfnNamespace[namespace], { detail: `from aws-cdk-lib/aws-${module}` }) : undefined;
    },
  },
];

/**
 * Every service notation on a line, in the hover's order of precedence: the same detectors as the hover,
 * run over the whole line instead of at one position. A later match that overlaps an earlier one is left out.
 */
export function servicesOnLine(t: LookupTables, scan: Omit<ServiceScan, 'character' | 'prose'>): (ServiceDetection | UnknownAwsDetection)[] {
  const found: (ServiceDetection | UnknownAwsDetection)[] = [];
  const free = (span: Span) => found.every((f) => span[1] <= f.span[0] || span[0] >= f.span[1]);
  const at: ServiceScan = { ...scan, character: 0, prose: false };
  for (const d of DETECTORS) {
    if (!d.hint(scan.text, at)) continue;
    d.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = d.pattern.exec(scan.text))) {
      if (m[0].length === 0) {
        d.pattern.lastIndex++;
        continue;
      }
      if (!free(whole(m))) continue;
      at.character = m.index;
      const hit = d.read(m, t, at);
      if (hit && free(hit.span)) found.push(hit);
    }
  }
  return found;
}

export function detectService(t: LookupTables, scan: ServiceScan): Found {
  const { text, character } = scan;
  for (const d of DETECTORS) {
    if (!d.hint(text, scan)) continue;
    d.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = d.pattern.exec(text))) {
      if (m[0].length === 0) {
        d.pattern.lastIndex++;
        continue;
      }
      if (m.index > character) break;
      if (character < m.index + m[0].length) {
        const found = d.read(m, t, scan);
        if (found) return found;
      }
    }
  }
  return scan.prose ? detectPlainName(t, text, character) : undefined;
}

const WORD = /[A-Za-z0-9]+/g;

interface Word {
  start: number;
  end: number;
}

/** The words of `text` between `from` and `to`. */
function wordsIn(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let m: RegExpExecArray | null; (m = WORD.exec(text)) && m.index < to; ) words.push({ start: m.index, end: m.index + m[0].length });
  return words;
}

/**
 * The longest known name that starts at word `first` ("S3 Glacier Deep Archive"). Words join into one
 * name only across spaces or a hyphen; a trailing plus sign reads as the word "plus" ("Business Support+").
 */
function nameFrom(t: LookupTables, text: string, words: readonly Word[], first: number): ServiceDetection | undefined {
  let best: ServiceDetection | undefined;
  let spaced = '';
  for (let last = first; last < Math.min(words.length, first + t.plainNameMaxWords); last++) {
    if (last > first && !/^[ \t-]{1,2}$/.test(text.slice(words[last - 1].end, words[last].start))) break;
    spaced += (last > first ? ' ' : '') + text.slice(words[last].start, words[last].end);
    const plus = text[words[last].end] === '+';
    const phrase = plus ? `${spaced} plus` : spaced;
    const hit = t.plainName[phrase.toLowerCase()];
    if (!hit || (hit.exact && !hit.exact.includes(phrase))) continue;
    const span: Span = [words[first].start, words[last].end + (plus ? 1 : 0)];
    best = service(span, 'plain-name', text.slice(span[0], span[1]), hit.entry);
  }
  return best;
}

/** A known name starting at `start` on the line (for scanning a whole file). */
export function plainNameAt(t: LookupTables, text: string, start: number): ServiceDetection | undefined {
  return nameFrom(t, text, wordsIn(text, start, Math.min(text.length, start + 200)), 0);
}

/** The known name of the most words around the cursor; of two as long, the one that starts first. */
export function detectPlainName(t: LookupTables, text: string, character: number): ServiceDetection | undefined {
  const words = wordsIn(text, Math.max(0, character - 120), Math.min(text.length, character + 120));
  const cursorWord = words.findIndex((w) => w.start <= character && character < w.end);
  if (cursorWord < 0) return undefined;
  let best: ServiceDetection | undefined;
  let bestWords = 0;
  for (let first = Math.max(0, cursorWord - t.plainNameMaxWords + 1); first <= cursorWord; first++) {
    const hit = nameFrom(t, text, words, first);
    if (!hit || hit.span[1] <= character) continue;
    const count = words.filter((w) => w.start >= hit.span[0] && w.end <= hit.span[1]).length;
    if (count > bestWords) {
      best = hit;
      bestWords = count;
    }
  }
  return best;
}
