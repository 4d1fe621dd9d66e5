/** Builds the hover's exact-match tables (see core/knowledge/lookupTables.ts) at build time. */
import type { LookupTables } from '../core/knowledge/lookupTables';
import type { Entry, ResourceType } from '../core/knowledge/types';

const PREFIX = /^(?:Amazon|AWS)\s+/;

export interface LookupSources {
  entries: readonly Entry[];
  resources: readonly ResourceType[];
  /** Every CloudFormation type of the schema snapshot. */
  cfnTypes: readonly string[];
  /** IAM service prefixes to entries, beyond those the entries declare (content/iam-prefixes.yaml). */
  iamPrefixes: Readonly<Record<string, string>>;
  /** Terraform resource and data source types to entries (content/terraform-types.txt). */
  terraformTypes: Readonly<Record<string, string>>;
  /** The Terraform security-group module's named rules to ports (content/security-group-rules.txt). */
  securityGroupRules: Readonly<Record<string, [number, number]>>;
}

export function buildLookupTables({ entries, resources, cfnTypes, iamPrefixes, terraformTypes, securityGroupRules }: LookupSources): LookupTables {
  const t: LookupTables = {
    cfnNamespace: {},
    cfnTypes: {},
    resourceTypeLower: {},
    terraformPrefix: {},
    terraformType: {},
    terraformEntry: { ...terraformTypes },
    securityGroupRules: { ...securityGroupRules },
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
  for (const [prefix, id] of Object.entries(iamPrefixes)) put(t.iam, prefix, id);
  // A service's principal is almost always `<iam prefix>.amazonaws.com`.
  for (const [prefix, id] of Object.entries(t.iam)) put(t.principal, `${prefix}.amazonaws.com`, id);
  for (const type of cfnTypes) t.cfnTypes[type.toLowerCase()] = type;
  for (const r of resources) {
    if (!r.isParameterType) t.cfnTypes[r.type.toLowerCase()] = r.type;
    t.resourceTypeLower[r.type.toLowerCase()] = r.type;
    // A Terraform type that content/terraform-types.txt files under a more specific note goes there instead.
    for (const tf of r.terraform) if (!terraformTypes[tf] || terraformTypes[tf] === r.entry) t.terraformType[tf] = r.type;
  }
  addPlainNames(t, entries);
  return t;
}

function addPlainNames(t: LookupTables, entries: readonly Entry[]): void {
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
