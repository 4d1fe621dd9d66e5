/**
 * Exact-match tables from every notation to its entry, computed at build time so that a hover is a
 * handful of object look-ups. Keys are normalised as the detectors normalise what they read.
 */
import type { Entry, ResourceType } from './types';

export interface PlainName {
  entry: string;
  /** When set, the phrase must appear with exactly one of these spellings (case kept, separators as spaces). */
  exact?: string[];
}

export interface LookupTables {
  /** Lower-case CloudFormation namespace (`ec2`, `elasticloadbalancingv2`, `serverless`) to entry id. */
  cfnNamespace: Record<string, string>;
  /** Lower-case spelling of every CloudFormation type in the schema snapshot and resources.yaml, to the exact one. */
  cfnTypes: Record<string, string>;
  /** Lower-case resource or parameter type to its exact spelling in resources.yaml. */
  resourceTypeLower: Record<string, string>;
  /** Terraform type prefix to entry id, matched on whole `_` segments, longest first. */
  terraformPrefix: Record<string, string>;
  /** Exact Terraform type to the CloudFormation type of its resources.yaml row. */
  terraformType: Record<string, string>;
  boto3: Record<string, string>;
  sdkPackage: Record<string, string>;
  /** `client-cloudwatch-logs` becomes `cloudwatchlogs`: matches `CloudWatchLogsClient` and `AWS.CloudWatchLogs`. */
  sdkCompact: Record<string, string>;
  iam: Record<string, string>;
  endpoint: Record<string, string>;
  principal: Record<string, string>;
  operation: Record<string, string>;
  plainName: Record<string, PlainName>;
  plainNameMaxWords: number;
}

const PREFIX = /^(?:Amazon|AWS)\s+/;

export function buildLookupTables(entries: Entry[], resources: ResourceType[], cfnTypeList: string[]): LookupTables {
  const t: LookupTables = {
    cfnNamespace: {},
    cfnTypes: {},
    resourceTypeLower: {},
    terraformPrefix: {},
    terraformType: {},
    boto3: {},
    sdkPackage: {},
    sdkCompact: {},
    iam: {},
    endpoint: {},
    principal: {},
    operation: {},
    plainName: {},
    plainNameMaxWords: 1,
  };
  const put = (table: Record<string, string>, key: string, id: string) => {
    if (!(key in table)) table[key] = id;
  };
  for (const e of entries) {
    const n = e.notations;
    for (const ns of n.cloudformation) put(t.cfnNamespace, ns.toLowerCase(), e.id);
    for (const p of n.terraform) put(t.terraformPrefix, p, e.id);
    for (const b of n.boto3) put(t.boto3, b, e.id);
    for (const s of n.sdk) {
      put(t.sdkPackage, s, e.id);
      put(t.sdkCompact, s.replace('@aws-sdk/client-', '').replace(/-/g, ''), e.id);
    }
    for (const i of n.iam) put(t.iam, i, e.id);
    for (const p of n.endpoint) put(t.endpoint, p, e.id);
    for (const p of n.principal) put(t.principal, p, e.id);
    for (const o of n.operations) put(t.operation, o, e.id);
  }
  // A service's principal is almost always `<iam prefix>.amazonaws.com`.
  for (const [prefix, id] of Object.entries(t.iam)) put(t.principal, `${prefix}.amazonaws.com`, id);
  for (const type of cfnTypeList) t.cfnTypes[type.toLowerCase()] = type;
  for (const r of resources) {
    if (!r.isParameterType) t.cfnTypes[r.type.toLowerCase()] = r.type;
    t.resourceTypeLower[r.type.toLowerCase()] = r.type;
    for (const tf of r.terraform) t.terraformType[tf] = r.type;
  }
  addPlainNames(t, entries);
  return t;
}

function addPlainNames(t: LookupTables, entries: Entry[]): void {
  for (const e of entries) {
    const forms = new Set<string>();
    for (const written of [e.name, e.short, ...e.aliases]) {
      if (!written) continue;
      const base = written.replace(PREFIX, '');
      forms.add(written);
      forms.add(`AWS ${base}`);
      forms.add(`Amazon ${base}`);
      forms.add(base);
    }
    for (const form of forms) {
      const spaced = form.replace(/\+/g, ' plus ').replace(/[^A-Za-z0-9]+/g, ' ').trim();
      const words = spaced.split(' ');
      if (!spaced) continue;
      const prefixed = PREFIX.test(form);
      const single = words.length === 1;
      // An ordinary word alone says nothing: "Lambda", "Config", "Subnets" need an AWS/Amazon prefix.
      if (single && e.needsPrefix) continue;
      if (single && (e.kind === 'feature' || e.kind === 'concept') && !isAcronymLike(spaced)) continue;
      const key = spaced.toLowerCase();
      const caseFree = prefixed || words.length > 1 || /\d/.test(spaced) || /[a-z][A-Z]/.test(spaced);
      const existing = t.plainName[key];
      if (existing && existing.entry !== e.id) continue;
      if (caseFree) t.plainName[key] = { entry: e.id };
      else if (!existing || existing.exact) t.plainName[key] = { entry: e.id, exact: [...new Set([...(existing?.exact ?? []), spaced])] };
      t.plainNameMaxWords = Math.max(t.plainNameMaxWords, words.length);
    }
  }
}

/** EC2, S3, ALB, IaaS: short forms with capitals after the first letter or digits. */
function isAcronymLike(word: string): boolean {
  return /^[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*$/.test(word) && word.length <= 6;
}
